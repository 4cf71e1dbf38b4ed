package com.magazine.content.wordpress;

import com.magazine.content.access.Role;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
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

@Path("/api/v1/imports")
@Tag(name = "Imports", description = "Bringing a WordPress site's content in (README: Moving a WordPress site).")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class ImportResource {

    private static final String ID = "The import's id.";
    private static final String XML = "application/xml";

    private final ImportService imports;

    ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @Consumes({XML, MediaType.TEXT_XML, "application/rss+xml", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Start an import", description = """
            The body is a WordPress export file (Tools → Export, WXR 1.0 to 1.2). It is kept and imported by a job \
            that survives a restart; follow it at the Location. Importing the same site again updates what the \
            last import wrote instead of writing it twice. Admins.""")
    @RequestBody(required = true, description = "The export file, at most 64 MB by default (use the command line "
            + "for larger ones).",
            content = {@Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/rss+xml",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "202", description = "Queued.",
            headers = @Header(name = "Location", description = "The import's URL."),
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid.")
    @APIResponse(responseCode = "413", description = "The file is larger than the limit.")
    @APIResponse(responseCode = "422", description = "The file is empty, not XML, not a WordPress export, or declares "
            + "a DTD (refused, so that no entity is ever expanded).")
    public RestResponse<ImportJobView> createImport(
            @Parameter(description = "Fetch the posts' images from the old site (through the same guard as "
                    + "webhooks); when false, images are left out and listed in the report.")
            @QueryParam("images") @DefaultValue("true") boolean fetchImages,
            @Parameter(description = "The file's name, for people.") @QueryParam("name") @Size(max = 300)
            String name,
            InputStream body, UriInfo uri) {
        ImportJobView job = imports.start(body, name, fetchImages);
        var location = uri.getBaseUriBuilder().path("api/v1/imports").path(job.id().toString()).build();
        return RestResponse.ResponseBuilder.<ImportJobView>accepted().location(location).entity(job)
                .tag(job.etag()).build();
    }

    @GET
    @Operation(summary = "List imports", description = "Newest first. Admins.")
    @APIResponse(responseCode = "200", description = "A page of imports.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor.")
    public RestResponse<Page<ImportJobView>> listImports(@Valid @BeanParam PageRequest page, UriInfo uri,
            Request request) {
        return HttpCaching.page(request, uri, imports.list(page));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an import", description = "Its status and counts: what became of the authors, tags, "
            + "posts, comments and media so far. Admins.")
    @APIResponse(responseCode = "200", description = "The import.")
    @APIResponse(responseCode = "404", description = "No import has this id.")
    public RestResponse<ImportJobView> getImport(@Parameter(description = ID) @PathParam("id") UUID id,
            Request request) {
        return HttpCaching.item(request, imports.get(id));
    }

    @GET
    @Path("{id}/report")
    @Operation(summary = "An import's report", description = "What was skipped, changed on the way or flagged for "
            + "an editor, item by item, in the order the import went. Admins.")
    @APIResponse(responseCode = "200", description = "A page of the report.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor.")
    @APIResponse(responseCode = "404", description = "No import has this id.")
    public RestResponse<Page<ImportReportEntry>> getImportReport(@Parameter(description = ID) @PathParam("id") UUID id,
            @Valid @BeanParam PageRequest page, UriInfo uri, Request request) {
        return HttpCaching.page(request, uri, imports.report(id, page));
    }
}
