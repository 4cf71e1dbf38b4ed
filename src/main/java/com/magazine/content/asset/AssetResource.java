package com.magazine.content.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.magazine.content.access.Role;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.http.IfMatch;
import com.magazine.content.common.json.MergePatch;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/assets")
@Tag(name = "Assets", description = "The image library: uploads, what editors say about each image, its renditions.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR, Role.PARTNER})
public class AssetResource {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String GIF = "image/gif";
    static final String WEBP = "image/webp";
    private static final String ID = "The asset's id.";
    private static final String IF_MATCH = "The ETag you last read; a stale one is refused with 412.";

    private final AssetService assets;

    AssetResource(AssetService assets) {
        this.assets = assets;
    }

    @GET
    @Operation(summary = "List assets", description = "Newest first. Any key.")
    @APIResponse(responseCode = "200", description = "A page of assets.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "A parameter is invalid.")
    public RestResponse<Page<AssetView>> listAssets(@Valid @BeanParam PageRequest page, UriInfo uri,
            Request request) {
        return HttpCaching.page(request, uri, assets.list(page));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an asset", description = "Any key.")
    @APIResponse(responseCode = "200", description = "The asset.")
    @APIResponse(responseCode = "404", description = "No asset has this id.")
    public RestResponse<AssetView> getAsset(@Parameter(description = ID) @PathParam("id") UUID id,
            Request request) {
        return HttpCaching.item(request, assets.get(id));
    }

    @POST
    @Consumes({JPEG, PNG, GIF, WEBP, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Upload an image", description = "The file itself is the body. Its format is judged from its "
            + "bytes (JPEG, PNG, GIF or WebP; never SVG), whatever the Content-Type says. The same bytes uploaded "
            + "again answer 200 with the asset they made before. EXIF orientation is applied; nothing served carries "
            + "the original's metadata (GPS, camera). Editors, admins and authors.")
    @RequestBody(required = true, description = "The image file, at most 25 MB and 60 megapixels by default.",
            content = {@Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = GIF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = WEBP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = "Location", description = "The asset's URL."),
            content = @Content(schema = @Schema(implementation = AssetView.class)))
    @APIResponse(responseCode = "200", description = "These bytes were uploaded before: that asset.",
            headers = @Header(name = "Location", description = "The asset's URL."),
            content = @Content(schema = @Schema(implementation = AssetView.class)))
    @APIResponse(responseCode = "400", description = "The body is empty, or a parameter is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not upload.")
    @APIResponse(responseCode = "413", description = "The file is larger than the limit.")
    @APIResponse(responseCode = "415", description = "The bytes are not a JPEG, PNG, GIF or WebP image.")
    @APIResponse(responseCode = "422", description = "The image is damaged or truncated, or has more pixels than the "
            + "limit (checked before it is decoded).")
    public RestResponse<AssetView> createAsset(
            @Parameter(description = "Text for readers who cannot see the image.") @QueryParam("alt")
            @Size(max = 1000) String alt,
            @Parameter(description = "A caption.") @QueryParam("caption") @Size(max = 2000) String caption,
            @Parameter(description = "Photographer or agency.") @QueryParam("credit") @Size(max = 300) String credit,
            byte[] body, UriInfo uri) {
        AssetInput described = alt == null && caption == null && credit == null ? null
                : new AssetInput(alt, caption, credit, null, null, null);
        AssetService.Uploaded uploaded = assets.upload(body, described);
        var location = uri.getBaseUriBuilder().path("api/v1/assets").path(uploaded.asset().id().toString()).build();
        return (uploaded.created() ? RestResponse.ResponseBuilder.<AssetView>created(location)
                : RestResponse.ResponseBuilder.<AssetView>ok().location(location))
                .entity(uploaded.asset())
                .tag(uploaded.asset().etag())
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Replace what is said about an asset", description = "Alt text, caption, credit, rights and "
            + "focal point; the image itself never changes (upload another). A new focal point gives new rendition "
            + "URLs. Editors; an author key only for assets it uploaded.")
    @APIResponse(responseCode = "200", description = "Updated.")
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not change this asset.")
    @APIResponse(responseCode = "404", description = "No asset has this id.")
    @APIResponse(responseCode = "422", description = "The alt text is removed while a published article shows the "
            + "asset without words of its own.")
    public RestResponse<AssetView> replaceAsset(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AssetInput input) {
        return written(assets.replace(id, input, IfMatch.parse(ifMatch)));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Update what is said about an asset in part", description = "JSON merge patch (RFC 7396).")
    @RequestBody(required = true, description = "The fields to change, as in AssetInput.",
            content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = AssetInput.class)))
    @APIResponse(responseCode = "200", description = "Updated.")
    @APIResponse(responseCode = "400", description = "The patch is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not change this asset.")
    @APIResponse(responseCode = "404", description = "No asset has this id.")
    @APIResponse(responseCode = "422", description = "The alt text is removed while a published article shows the "
            + "asset without words of its own.")
    public RestResponse<AssetView> updateAsset(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch, @NotNull JsonNode patch) {
        return written(assets.patch(id, patch, IfMatch.parse(ifMatch)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Role.ADMIN, Role.EDITOR})
    @Operation(summary = "Delete an asset", description = "With its files and renditions. Admins and editors.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "403", description = "The key may not delete assets.")
    @APIResponse(responseCode = "404", description = "No asset has this id.")
    @APIResponse(responseCode = "409", description = "Articles or authors show the asset (`usedIn` names them).")
    public void deleteAsset(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        assets.delete(id, IfMatch.parse(ifMatch));
    }

    private static RestResponse<AssetView> written(AssetView asset) {
        return RestResponse.ResponseBuilder.ok(asset).tag(asset.etag()).build();
    }
}
