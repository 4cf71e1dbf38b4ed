package com.magazine.content.comment;

import com.magazine.content.common.http.ClientAddresses;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/articles/{slug}/comments")
@Tag(name = "Comments", description = "Readers' comments: posted by anyone, public once approved.")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleCommentsResource {

    private static final String SLUG = "The article's slug.";

    private final CommentService comments;
    private final ClientAddresses addresses;

    ArticleCommentsResource(CommentService comments, ClientAddresses addresses) {
        this.comments = comments;
        this.addresses = addresses;
    }

    @GET
    @Operation(summary = "Read an article's comments", description = """
            Approved comments only. Top-level comments oldest first, keyset-paged; each carries its approved \
            replies nested in `replies` (oldest first, to the depth limit), so a page renders in one pass.""")
    @APIResponse(responseCode = "200", description = "A page of threads.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "301", description = "An old slug: Location has the current URL.")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    public RestResponse<Page<CommentView>> listArticleComments(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Valid @BeanParam PageRequest page, UriInfo uri, Request request) {
        Page<CommentView> threads = comments.threads(slug, page);
        return HttpCaching.page(request, uri, threads);
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a comment", description = """
            No key needed. The comment waits for a moderator (status pending) unless its author is trusted. The \
            body is plain text; markup is shown as typed. Limits per client address and per email address apply \
            (429 with Retry-After); a body with many links is always held.""")
    @APIResponse(responseCode = "202", description = "Received; public once approved. The email is never shown.",
            content = @Content(schema = @Schema(implementation = PostedComment.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid: name, email, body, url.")
    @APIResponse(responseCode = "403", description = "Comments are closed on this article.")
    @APIResponse(responseCode = "404", description = "No published article has this slug.")
    @APIResponse(responseCode = "409", description = "The article is archived.")
    @APIResponse(responseCode = "422", description = "The parent is not an approved comment of this article, or "
            + "nothing is left of the body once control characters are removed.")
    @APIResponse(responseCode = "429", description = "Too many comments from this address or email; see Retry-After.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait."))
    public RestResponse<PostedComment> postComment(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Valid @NotNull CommentInput input, @Context HttpServerRequest http) {
        return RestResponse.accepted(comments.post(slug, input, addresses.of(http)));
    }
}
