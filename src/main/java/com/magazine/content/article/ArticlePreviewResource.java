package com.magazine.content.article;

import com.magazine.content.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.paging.Page;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Draft preview tokens of an article: made, listed and revoked by whoever may write it. */
@Path("/api/v1/articles/{slug}/previews")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
public class ArticlePreviewResource {

    private static final String SLUG = "The article's slug.";

    private final PreviewService previews;

    ArticlePreviewResource(PreviewService previews) {
        this.previews = previews;
    }

    @POST
    @Operation(summary = "Make a draft preview token", description = """
            A token that reads this one article without a key, as its latest draft (following each change) or as one \
            revision: send it as the Preview-Token header on getArticle, or as ?preview= in a link. It lasts an hour \
            unless asked otherwise, a week at most; the answers it gets are never cached. Shown this once.""")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = PreviewRequest.class)))
    @APIResponse(responseCode = "201", description = "The token.",
            content = @Content(schema = @Schema(implementation = PreviewCreated.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not write this article.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    @APIResponse(responseCode = "422", description = "Longer than the longest lifetime, or no such revision.")
    public RestResponse<PreviewCreated> createArticlePreview(
            @Parameter(description = SLUG) @PathParam("slug") String slug, @Valid PreviewRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, previews.create(slug, request));
    }

    @GET
    @Operation(summary = "List an article's preview tokens", description = "Newest first: who made which, until "
            + "when, and which are revoked. The tokens themselves are not kept.")
    @APIResponse(responseCode = "200", description = "The previews, on one page.")
    @APIResponse(responseCode = "403", description = "The key may not write this article.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    public RestResponse<Page<PreviewView>> listArticlePreviews(
            @Parameter(description = SLUG) @PathParam("slug") String slug, UriInfo uri, Request request) {
        return HttpCaching.page(request, uri, new Page<>(previews.list(slug), null));
    }

    @DELETE
    @Operation(summary = "Revoke every preview token of an article", description = "At once: each is refused (403) "
            + "from now on.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "403", description = "The key may not write this article.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    public void revokeArticlePreviews(@Parameter(description = SLUG) @PathParam("slug") String slug) {
        previews.revokeAll(slug);
    }
}
