package com.magazine.content.asset;

import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Renditions of images, public: the URLs that {@link ResponsiveImage} lists. A URL always shows the same pixels, so
 * it is cached for a year as immutable (less when the image's rights expire sooner); the first request makes it.
 */
@Path("/media")
@Tag(name = "Media", description = "Image renditions: fixed widths, named crops, JPEG and WebP.")
public class MediaResource {

    private static final long YEAR = Duration.ofDays(365).toSeconds();
    private static final String ID = "The asset's id.";
    private static final String TAG = "The tag of the image and its focal point, as the asset's URLs give it.";
    private static final String FILE = "The width and format: 320, 480, 640, 960, 1280, 1600, 1920 or 2560 (no "
            + "wider than the image), .jpg or .webp.";

    private final AssetService assets;

    MediaResource(AssetService assets) {
        this.assets = assets;
    }

    @GET
    @Path("{id}/{tag}/{file}")
    @Produces({AssetResource.JPEG, AssetResource.WEBP})
    @Operation(summary = "Get a rendition of an image", description = "The whole image at one width of the ladder.")
    @APIResponse(responseCode = "200", description = "The rendition, cached for a year.",
            content = {@Content(mediaType = AssetResource.JPEG, schema = @Schema(type = SchemaType.STRING,
                    format = "binary")), @Content(mediaType = AssetResource.WEBP,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "301", description = "The image has a new focal point since: the same rendition "
            + "under its new tag.", headers = @Header(name = "Location", description = "The rendition's URL."))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match).")
    @APIResponse(responseCode = "400", description = "The width or format is off the ladder.")
    @APIResponse(responseCode = "404", description = "No asset has this id, or it has no WebP renditions.")
    @APIResponse(responseCode = "410", description = "The rights to show the image have expired.")
    public Response getRendition(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = TAG) @PathParam("tag") String tag,
            @Parameter(description = FILE, example = "1280.jpg") @PathParam("file") String file,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(assets.rendition(id, tag, null, file), ifNoneMatch);
    }

    @GET
    @Path("{id}/{tag}/{crop}/{file}")
    @Produces({AssetResource.JPEG, AssetResource.WEBP})
    @Operation(summary = "Get a cropped rendition of an image",
            description = "The image cropped to 16x9, 4x3 or 1x1 around its focal point, at one width of the ladder; "
                    + "or to 40x21, the social card (1200 x 630), at 1200 only.")
    @APIResponse(responseCode = "200", description = "The rendition, cached for a year.",
            content = {@Content(mediaType = AssetResource.JPEG, schema = @Schema(type = SchemaType.STRING,
                    format = "binary")), @Content(mediaType = AssetResource.WEBP,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "301", description = "The image has a new focal point since: the same rendition "
            + "under its new tag.", headers = @Header(name = "Location", description = "The rendition's URL."))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match).")
    @APIResponse(responseCode = "400", description = "The crop, width or format is off the ladder.")
    @APIResponse(responseCode = "404", description = "No asset has this id, or it has no WebP renditions.")
    @APIResponse(responseCode = "410", description = "The rights to show the image have expired.")
    public Response getCroppedRendition(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = TAG) @PathParam("tag") String tag,
            @Parameter(description = "16x9, 4x3, 1x1, or 40x21 (the social card).", example = "16x9") @PathParam("crop") String crop,
            @Parameter(description = FILE, example = "1280.jpg") @PathParam("file") String file,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(assets.rendition(id, tag, crop, file), ifNoneMatch);
    }

    private Response serve(AssetService.Rendition rendition, String ifNoneMatch) {
        if (rendition instanceof AssetService.Rendition.Moved moved) {
            // a path, not a URL: the answer is the same whatever Host the request named
            return Response.status(Response.Status.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, moved.path())
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400").build();
        }
        AssetService.Rendition.Found found = (AssetService.Rendition.Found) rendition;
        EntityTag etag = etag(found);
        String cacheControl = cacheControl(found.rightsExpireAt());
        if (notModified(ifNoneMatch, found)) {
            return Response.notModified(etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        Object body = assets.file(found).<Object>map(path -> path).orElseGet(() -> assets.bytes(found));
        return Response.ok(body, found.encoding().mediaType).tag(etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    static EntityTag etag(AssetService.Rendition.Found found) {
        return new EntityTag(found.source().tag() + "-" + (found.crop() == null ? "full" : found.crop().name) + "-"
                + found.width() + "-" + found.encoding().extension);
    }

    static boolean notModified(String ifNoneMatch, AssetService.Rendition.Found found) {
        return HttpCaching.ifNoneMatch(ifNoneMatch, etag(found).toString());
    }

    /** A year and immutable; until the rights expire when that is sooner (and then not immutable). */
    static String cacheControl(Instant rightsExpireAt) {
        if (rightsExpireAt == null) {
            return "public, max-age=" + YEAR + ", immutable";
        }
        long left = Math.max(0, Duration.between(Instant.now(), rightsExpireAt).toSeconds());
        return "public, max-age=" + Math.min(YEAR, left);
    }
}
