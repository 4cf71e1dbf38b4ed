package com.magazine.content.asset;

import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything a frontend needs to render an image in one pass: a default rendition with its size (for clients that
 * read no srcset, and to reserve the space), srcsets per format, the crops, the alt text and credit, and what to
 * show while it loads.
 */
@Schema(name = "ResponsiveImage", description = "An image ready to render: <img src srcset sizes alt width height>, "
        + "<source type=\"image/webp\" srcset> where webpSrcset is not null, a placeholder and a background colour "
        + "while it loads. URLs are paths on this API; each shows the same pixels forever.")
public record ResponsiveImage(
        @Schema(required = true) UUID assetId,
        @Schema(required = true, description = "The default rendition (1280 px wide, or the widest below).",
                example = "/media/01936f2e-7c1a-7d3e-9b1a-3c5d7e9f1a2b/9c1e5a7b3d2f/1280.jpg") String src,
        @Schema(required = true, description = "The width of src, in pixels.") int width,
        @Schema(required = true, description = "The height of src, in pixels.") int height,
        @Schema(required = true, description = "JPEG renditions for the srcset attribute.") String srcset,
        @Schema(required = true, nullable = true, description = "WebP renditions, for a <source type=\"image/webp\">; "
                + "null where WebP would not be smaller.") String webpSrcset,
        @Schema(required = true, nullable = true, description = "Text for readers who cannot see it; null only "
                + "while the asset is not used by anything published.") String alt,
        @Schema(required = true, nullable = true) String caption,
        @Schema(required = true, nullable = true, description = "Photographer or agency.") String credit,
        @Schema(required = true, description = "A tiny blurred JPEG as a data URI.") String placeholder,
        @Schema(required = true, example = "#7a8b6c") String dominantColor,
        @Schema(required = true) FocalPoint focalPoint,
        @Schema(required = true, description = "The image cropped to named proportions (16x9, 4x3, 1x1) around the "
                + "focal point.") Map<String, Crop> crops) {

    @Schema(name = "ImageCrop", description = "The image cropped to one proportion.")
    public record Crop(
            @Schema(required = true) String src,
            @Schema(required = true) int width,
            @Schema(required = true) int height,
            @Schema(required = true) String srcset,
            @Schema(required = true, nullable = true) String webpSrcset) {
    }
}
