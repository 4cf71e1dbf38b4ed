package com.magazine.content.author;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/authors")
@Tag(name = "Authors", description = "The people who write for the magazine.")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorResource {

    private static final String SLUG = "The author's slug.";

    private final AuthorService authors;

    AuthorResource(AuthorService authors) {
        this.authors = authors;
    }

    @GET
    @Operation(summary = "List authors", description = "Sorted by name, keyset-paged.")
    @APIResponse(responseCode = "200", description = "A page of authors.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor.")
    public RestResponse<Page<AuthorView>> listAuthors(@Valid @BeanParam PageRequest page, UriInfo uri, Request request) {
        return HttpCaching.page(request, uri, authors.list(page));
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Get an author",
            description = "Name, role, bio, location, links, publications and avatar; every member present, null when empty.")
    @APIResponse(responseCode = "200", description = "The author.")
    @APIResponse(responseCode = "404", description = "No author has this slug.")
    public RestResponse<AuthorView> getAuthor(@Parameter(description = SLUG) @PathParam("slug") String slug,
            Request request) {
        return HttpCaching.item(request, authors.get(slug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN, Role.EDITOR})
    @Operation(summary = "Create an author", description = "Admins and editors.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = "Location", description = "The author's URL."),
            content = @Content(schema = @Schema(implementation = AuthorView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not create authors.")
    @APIResponse(responseCode = "409", description = "The slug is taken.")
    @APIResponse(responseCode = "422", description = "The avatar names no asset.")
    public RestResponse<AuthorView> createAuthor(@Valid @NotNull AuthorInput input, UriInfo uri) {
        AuthorView created = authors.create(input);
        return RestResponse.ResponseBuilder
                .<AuthorView>created(uri.getAbsolutePathBuilder().path(created.slug()).build())
                .entity(created)
                .tag(created.etag())
                .build();
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Replace an author",
            description = "Full update: fields left out are emptied, except the slug, which is kept. Admins, editors, "
                    + "and the author's own author key.")
    @APIResponse(responseCode = "200", description = "Updated.")
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not change this author.")
    @APIResponse(responseCode = "404", description = "No author has this slug.")
    @APIResponse(responseCode = "409", description = "The new slug is taken.")
    @APIResponse(responseCode = "422", description = "The avatar names no asset.")
    public RestResponse<AuthorView> replaceAuthor(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = "The ETag you last read; the update is refused (412) if it is stale.")
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AuthorInput input) {
        return written(authors.replace(slug, input, IfMatch.parse(ifMatch)));
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Update an author in part",
            description = "JSON merge patch (RFC 7396): members replace, null empties a field. Admins, editors, and the "
                    + "author's own author key.")
    @RequestBody(required = true, description = "The fields to change, as in AuthorInput; null empties a field.",
            content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = AuthorInput.class)))
    @APIResponse(responseCode = "200", description = "Updated.")
    @APIResponse(responseCode = "400", description = "The patch is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not change this author.")
    @APIResponse(responseCode = "404", description = "No author has this slug.")
    @APIResponse(responseCode = "409", description = "The new slug is taken.")
    @APIResponse(responseCode = "422", description = "The patch removes the slug, or the avatar names no asset.")
    public RestResponse<AuthorView> updateAuthor(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = "The ETag you last read; the update is refused (412) if it is stale.")
            @HeaderParam("If-Match") String ifMatch,
            @NotNull JsonNode patch) {
        return written(authors.patch(slug, patch, IfMatch.parse(ifMatch)));
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed({Role.ADMIN, Role.EDITOR})
    @Operation(summary = "Delete an author", description = "Only an author with no content left. Admins and editors.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "403", description = "The key may not delete authors.")
    @APIResponse(responseCode = "404", description = "No author has this slug.")
    @APIResponse(responseCode = "409", description = "The author still has content (named in the problem).")
    public void deleteAuthor(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = "The ETag you last read; the delete is refused (412) if it is stale.")
            @HeaderParam("If-Match") String ifMatch) {
        authors.delete(slug, IfMatch.parse(ifMatch));
    }

    private static RestResponse<AuthorView> written(AuthorView author) {
        return RestResponse.ResponseBuilder.ok(author).tag(author.etag()).build();
    }
}
