package com.magazine.content.asset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.common.http.Cacheable;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Asset", description = "An uploaded image: what its bytes are, what editors say about it, and its "
        + "renditions.")
public record AssetView(
        @Schema(required = true) UUID id,
        @Schema(required = true, enumeration = {"image"}) String kind,
        @Schema(required = true, description = "The format of the original, sniffed from its bytes.",
                enumeration = {"image/jpeg", "image/png", "image/gif", "image/webp"}) String mediaType,
        @Schema(required = true, description = "Upright (EXIF orientation applied), in pixels.") int width,
        @Schema(required = true, description = "Upright, in pixels.") int height,
        @Schema(required = true, description = "The size of the original, in bytes.") long bytes,
        @Schema(required = true, description = "Of the original bytes: the same file uploaded again is this asset.")
        String sha256,
        @Schema(required = true, nullable = true, description = "Required before an article that uses it is "
                + "published.") String alt,
        @Schema(required = true, nullable = true) String caption,
        @Schema(required = true, nullable = true, description = "Photographer or agency.") String credit,
        @Schema(required = true, nullable = true, description = "Copyright holder or licence.") String copyright,
        @Schema(required = true, nullable = true, description = "After this instant it is shown nowhere public and "
                + "its renditions answer 410.") Instant rightsExpireAt,
        @Schema(required = true) FocalPoint focalPoint,
        @Schema(required = true, description = "What to render, as articles and authors embed it.")
        ResponsiveImage image,
        @Schema(required = true, description = "The articles and authors that show it; it cannot be deleted while "
                + "anything does.") List<AssetUse> usedIn,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "The name of the key that uploaded it.") String createdBy,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "Grows by one with every change.") long version,
        @JsonIgnore @Schema(hidden = true) EntityTag etag,
        @JsonIgnore @Schema(hidden = true) Instant lastModified) implements Cacheable {
}
