package com.magazine.content.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.magazine.content.common.json.Selected;
import com.magazine.content.access.Role;
import com.magazine.content.common.http.IfMatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An article's corrections: appended and withdrawn through these actions only, by whoever may write the article; each
 * answers the article as now written, with its new ETag, as the lifecycle actions do.
 */
@Path("/api/v1/articles/{slug}/corrections")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
public class ArticleCorrectionResource {

    private final ArticleCommandService commands;
    private final Representations representations;

    ArticleCorrectionResource(ArticleCommandService commands, Representations representations) {
        this.commands = commands;
        this.representations = representations;
    }

    @POST
    @Operation(summary = "Correct an article", description = """
            Appends a dated correction (correction, clarification, update or retraction) to an article that has been \
            published (published, scheduled, expired or archived; a draft is edited instead). It shows in the \
            article's corrections, as a notice at the end of bodyHtml (and so in the feeds), and in the JSON-LD; \
            updatedAt moves. Stores a revision (action correct) and announces article.corrected. Corrections \
            cannot be written by PUT or PATCH.""")
    @APIResponse(responseCode = "200", description = "Corrected: the article, with its new ETag.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed, type is missing or not one of the "
            + "types, or text is too long.")
    @APIResponse(responseCode = "403", description = "The key may not write this article.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    @APIResponse(responseCode = "409", description = "The article is a draft: it has nothing to correct yet "
            + "(not-published); or it has 50 corrections already (too-many-corrections).")
    @APIResponse(responseCode = "422", description = "No text is left once cleaned (named in violations).")
    public RestResponse<Selected> correctArticle(@Parameter(description = ArticleResource.SLUG) @PathParam("slug")
            String slug, @Parameter(description = ArticleResource.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CorrectionInput input) {
        return written(commands.correct(slug, input, IfMatch.parse(ifMatch)));
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({Role.ADMIN, Role.EDITOR})
    @Operation(summary = "Withdraw a correction", description = """
            Marks a correction withdrawn, with when and why: it stays in the article's corrections, marked, and \
            leaves the notice in bodyHtml and the JSON-LD; updatedAt moves. Stores a revision (action \
            withdraw-correction) and announces article.corrected. A correction is withdrawn once. Editors only: an \
            article's own author appends corrections but does not take one back.""")
    @APIResponse(responseCode = "200", description = "Withdrawn: the article, with its new ETag.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed, or reason is too long.")
    @APIResponse(responseCode = "403", description = "Not an editor's key.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or it has no correction with this "
            + "id.")
    @APIResponse(responseCode = "409", description = "The correction was withdrawn already (correction-withdrawn).")
    @APIResponse(responseCode = "422", description = "No reason is left once cleaned (named in violations).")
    public RestResponse<Selected> withdrawArticleCorrection(
            @Parameter(description = ArticleResource.SLUG) @PathParam("slug") String slug,
            @Parameter(description = "The correction's id.") @PathParam("id") UUID id,
            @Parameter(description = ArticleResource.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull WithdrawCorrection input) {
        return written(commands.withdrawCorrection(slug, id, input, IfMatch.parse(ifMatch)));
    }

    private RestResponse<Selected> written(ArticleView article) {
        return RestResponse.ResponseBuilder.ok(representations.full(article)).tag(article.etag()).build();
    }
}
