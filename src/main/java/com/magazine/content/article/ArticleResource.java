package com.magazine.content.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.magazine.content.access.Role;
import com.magazine.content.common.error.JsonInputProblems;
import com.magazine.content.common.http.IfMatch;
import com.magazine.content.common.json.FieldSelection;
import com.magazine.content.common.json.Selected;
import com.magazine.content.common.json.MergePatch;
import com.magazine.content.common.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.http.PreviewTokens;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/articles")
@Tag(name = "Articles", description = "The magazine's articles: reading, searching, writing and publishing.")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    static final String SLUG = "The article's slug; an old slug answers 301 to the current one.";
    static final String IF_MATCH = "The ETag you last read (of the full article); a stale one is refused with 412.";
    static final String FIELDS = """
            The members to send, comma-separated, dotted into embedded objects (e.g. title,authors.name); * stands \
            for the default ones; bodyHtml is sent only when named.""";

    private final ArticleQueryService queries;
    private final ArticleCommandService commands;
    private final Representations representations;
    private final ObjectMapper json;
    private final ArticleJsonLd jsonLd;
    private final PreviewService previews;

    ArticleResource(ArticleQueryService queries, ArticleCommandService commands, Representations representations, ObjectMapper json,
            ArticleJsonLd jsonLd, PreviewService previews) {
        this.previews = previews;
        this.queries = queries;
        this.commands = commands;
        this.representations = representations;
        this.json = json;
        this.jsonLd = jsonLd;
    }

    @GET
    @Operation(summary = "List articles", description = """
            Latest published first by default. Filters combine; a search (q) ranks its newest 200 matches by \
            relevance with sort=relevance, and adds a highlighted snippet. Keyset-paged: rows added meanwhile never shift a page.""")
    @APIResponse(responseCode = "200", description = "A page of articles.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."),
            content = @Content(schema = @Schema(implementation = ArticlePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid: limit, cursor, a date, sort, status, "
            + "fields, or sort=relevance without q.")
    @APIResponse(responseCode = "403", description = "A status other than published, without an editor or author key.")
    public RestResponse<Representations.ArticleItems> listArticles(@Valid @BeanParam ArticleQuery query, UriInfo uri, Request request) {
        FieldSelection selection = Representations.fields(query.fields(), ArticleFields.SUMMARY);
        return representations.page(request, uri, queries.list(query.toListRequest(), query, selection), selection,
                query.fields());
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Get an article", description = """
            Everything one request needs to render the article's page: its authors (with their bios and links) and \
            the quotations of its quote blocks are embedded. Drafts and scheduled articles only with an editor key \
            or their author's key.""")
    @APIResponse(responseCode = "200", description = "The article.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "301", description = "An old slug: Location has the current URL.",
            headers = @Header(name = "Location", description = "The article under its current slug."))
    @APIResponse(responseCode = "400", description = "An unknown member in fields.")
    @APIResponse(responseCode = "403", description = "A preview token that is unknown, expired, revoked, or made for "
            + "another article (never answered with the published version instead).")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    public RestResponse<Selected> getArticle(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = FIELDS) @QueryParam("fields") @Size(max = 1000) String fields,
            @Parameter(description = "A draft preview token (see createArticlePreview): the answer is the article "
                    + "as the token shows it, never cached.") @HeaderParam(PreviewTokens.HEADER) @Size(max = 200)
            String previewHeader,
            @Parameter(description = "The same token, for a link sent to someone.") @QueryParam(PreviewTokens.QUERY)
            @Size(max = 200) String previewQuery,
            Request request) {
        FieldSelection selection = Representations.fields(fields, ArticleFields.FULL);
        if (PreviewTokens.carried(previewHeader, previewQuery)) {
            ArticleView preview = previews.read(slug, previewHeader != null ? previewHeader : previewQuery, selection);
            return RestResponse.ResponseBuilder.fromResponse(representations.item(request, preview, selection, fields))
                    .header("X-Robots-Tag", "noindex").build();
        }
        return HttpCaching.negotiated(representations.item(request, queries.get(slug, selection), selection, fields));
    }

    @GET
    @Path("{slug}/json-ld")
    @Produces(ArticleJsonLd.MEDIA_TYPE)
    @Operation(summary = "Get an article as schema.org JSON-LD", description = """
            The same article as a schema.org NewsArticle: its authors as Person, the quotations it cites as \
            Quotation with their sources. For a page's structured data and for partners. (GET …/articles/{slug} \
            with Accept: application/ld+json answers the same.)""")
    @APIResponse(responseCode = "200", description = "The NewsArticle.", content = @Content(
            mediaType = ArticleJsonLd.MEDIA_TYPE, schema = @Schema(implementation = NewsArticle.class)))
    @APIResponse(responseCode = "301", description = "An old slug: Location has the current URL.",
            headers = @Header(name = "Location", description = "The JSON-LD under the article's current slug."))
    public RestResponse<JsonNode> getArticleJsonLd(@Parameter(description = SLUG) @PathParam("slug") String slug,
            Request request) {
        ArticleView article = queries.get(slug, ArticleFields.FULL);
        return HttpCaching.item(request, article, jsonLd.of(article), "json-ld");
    }

    /**
     * The JSON-LD by content negotiation on the article's own URL, as it was first offered: kept for the clients that
     * ask so, and left out of the document so that {@code getArticle} has one representation (JSON) that generated
     * clients type.
     */
    @GET
    @Path("{slug}")
    @Produces(ArticleJsonLd.MEDIA_TYPE)
    @Operation(hidden = true)
    public RestResponse<JsonNode> negotiatedJsonLd(@PathParam("slug") String slug, Request request) {
        ArticleView article = queries.get(slug, ArticleFields.FULL);
        return HttpCaching.negotiated(HttpCaching.item(request, article, jsonLd.of(article), "json-ld"));
    }

    @GET
    @Path("{slug}/related")
    @Operation(summary = "Related articles", description = """
            Published articles that share a tag or an author with this one, newest first: the "latest articles" \
            and "read next" boxes.""")
    @APIResponse(responseCode = "200", description = "Related articles, as list items (next is always null).",
            content = @Content(schema = @Schema(implementation = ArticlePage.class)))
    @APIResponse(responseCode = "301", description = "An old slug: Location has the current URL.")
    @APIResponse(responseCode = "400", description = "limit out of range, or an unknown member in fields.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    public RestResponse<Representations.ArticleItems> listRelatedArticles(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = "How many, 1 to 20.") @QueryParam("limit") @DefaultValue("5") @Min(1)
            @Max(ArticleQueryService.MAX_RELATED) int limit,
            @Parameter(description = FIELDS) @QueryParam("fields") @Size(max = 1000) String fields,
            UriInfo uri, Request request) {
        FieldSelection selection = Representations.fields(fields, ArticleFields.SUMMARY);
        return representations.items(request, uri, queries.related(slug, limit, selection), selection, fields);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Create an article", description = """
            A new draft. Editors write for anyone; an author key only with its own author in the byline. New tags \
            are created. Publish it with POST …/publish.""")
    @APIResponse(responseCode = "201", description = "Created, as a draft.",
            headers = @Header(name = "Location", description = "The article's URL."),
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not write for these authors.")
    @APIResponse(responseCode = "409", description = "The slug is taken.")
    @APIResponse(responseCode = "422", description = "An author or a quotation that does not exist, or a tag with no "
            + "letter or digit (each named in violations).")
    public RestResponse<Selected> createArticle(@Valid @NotNull ArticleInput input, UriInfo uri) {
        ArticleView created = commands.create(input);
        return RestResponse.ResponseBuilder
                .<Selected>created(uri.getAbsolutePathBuilder().path(created.slug()).build())
                .entity(representations.full(created))
                .tag(created.etag())
                .build();
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Replace an article", description = """
            Full update of the content: fields left out are emptied, except the slug (kept) and commentsOpen \
            (true). A new slug keeps the old one answering with a redirect. Stores a revision.""")
    @APIResponse(responseCode = "200", description = "Updated.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not write this article, or for these authors.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    @APIResponse(responseCode = "409", description = "The new slug is taken.")
    @APIResponse(responseCode = "422", description = "An author or a quotation that does not exist.")
    public RestResponse<Selected> replaceArticle(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ArticleInput input) {
        return written(commands.replace(slug, input, IfMatch.parse(ifMatch)));
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Update an article in part", description = """
            JSON merge patch (RFC 7396) of the article as written: members replace, null empties a field; arrays \
            (authors, tags, body) are replaced whole. Stores a revision. Corrections are not part of it: a patch \
            naming them is refused (422); see correctArticle.""")
    @RequestBody(required = true, description = "The fields to change, as in ArticleInput.",
            content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = ArticleInput.class)))
    @APIResponse(responseCode = "200", description = "Updated.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", description = "The patch is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not write this article, or for these authors.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    @APIResponse(responseCode = "409", description = "The new slug is taken.")
    @APIResponse(responseCode = "422", description = "The patch removes the slug, names an unknown author or "
            + "quotation, or names corrections (appended and withdrawn only through their actions).")
    public RestResponse<Selected> updateArticle(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch, @NotNull JsonNode patch) {
        return written(commands.patch(slug, patch, IfMatch.parse(ifMatch)));
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Delete an article", description = "With its revisions and old slugs. Editors, or the "
            + "article's own author.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "403", description = "The key may not write this article.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    public void deleteArticle(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        commands.delete(slug, IfMatch.parse(ifMatch));
    }

    @POST
    @Path("{slug}/publish")
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Publish or schedule an article", description = """
            Without a body, or with `at` now or past: published at once. With a future `at`: scheduled; it becomes \
            public by itself at that instant, and its publishedAt is that instant. A draft or a scheduled article \
            may be published; a title and a body are required.""")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishRequest.class)))
    @APIResponse(responseCode = "200", description = "Published or scheduled.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed, or `at` is not an instant.")
    @APIResponse(responseCode = "403", description = "The key may not write this article.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    @APIResponse(responseCode = "409", description = "Already published, or archived (unpublish it first).")
    @APIResponse(responseCode = "422", description = "The title or the body is missing (each named in violations).")
    @Consumes(MediaType.WILDCARD)
    public RestResponse<Selected> publishArticle(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch, String body) {
        return written(commands.publish(slug, publishRequest(body).at(), IfMatch.parse(ifMatch)));
    }

    /** The body of a publish: optional, so that a bare POST (as curl sends it) publishes now. */
    private PublishRequest publishRequest(String body) {
        if (body == null || body.isBlank()) {
            return new PublishRequest(null);
        }
        try {
            PublishRequest request = json.readValue(body, PublishRequest.class);
            if (request == null) {
                throw com.magazine.content.common.error.Problems.badRequest("malformed-json",
                        "The body must be a JSON object such as {\"at\": \"2026-12-01T07:00:00Z\"}, or empty.");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw JsonInputProblems.of(e);
        }
    }

    @POST
    @Path("{slug}/unpublish")
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Unpublish an article", description = "Back to draft, out of public view, from scheduled, "
            + "published or archived.")
    @APIResponse(responseCode = "200", description = "A draft again.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "403", description = "The key may not write this article.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    @APIResponse(responseCode = "409", description = "It is a draft already.")
    public RestResponse<Selected> unpublishArticle(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return written(commands.unpublish(slug, IfMatch.parse(ifMatch)));
    }

    @POST
    @Path("{slug}/archive")
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Archive an article", description = "Out of lists and public view; editors still read it.")
    @APIResponse(responseCode = "200", description = "Archived.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "403", description = "The key may not write this article.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    @APIResponse(responseCode = "409", description = "Only a published article can be archived.")
    public RestResponse<Selected> archiveArticle(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return written(commands.archive(slug, IfMatch.parse(ifMatch)));
    }

    @GET
    @Path("{slug}/revisions")
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "List an article's revisions", description = "Newest first: who wrote what, when.")
    @APIResponse(responseCode = "200", description = "A page of revisions, without their content.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor.")
    @APIResponse(responseCode = "403", description = "The key may not write this article.")
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    public RestResponse<com.magazine.content.common.paging.Page<RevisionView>> listArticleRevisions(
            @Parameter(description = SLUG) @PathParam("slug") String slug, @Valid @BeanParam PageRequest page,
            UriInfo uri, Request request) {
        return com.magazine.content.common.http.HttpCaching.page(request, uri, queries.revisions(slug, page));
    }

    @GET
    @Path("{slug}/revisions/{number}")
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Get a revision", description = "The article as that revision left it.")
    @APIResponse(responseCode = "200", description = "The revision with its content.")
    @APIResponse(responseCode = "403", description = "The key may not write this article.")
    @APIResponse(responseCode = "404", description = "No such article or revision.")
    public RestResponse<RevisionView> getArticleRevision(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = "The revision's number.") @PathParam("number") int number, Request request) {
        return com.magazine.content.common.http.HttpCaching.item(request, queries.revision(slug, number));
    }

    @POST
    @Path("{slug}/revisions/{number}/restore")
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Restore a revision", description = """
            Writes the content of that revision (not its status) back as a new revision: an update like any \
            other, slug kept.""")
    @APIResponse(responseCode = "200", description = "Restored.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "403", description = "The key may not write this article.")
    @APIResponse(responseCode = "404", description = "No such article or revision.")
    @APIResponse(responseCode = "409", description = "The revision's authors no longer exist.")
    @APIResponse(responseCode = "422", description = "The revision names a quotation that no longer exists.")
    public RestResponse<Selected> restoreArticleRevision(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = "The revision's number.") @PathParam("number") int number,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return written(commands.restore(slug, number, IfMatch.parse(ifMatch)));
    }

    /** A written article, as a default read shows it, with its new ETag. */
    private RestResponse<Selected> written(ArticleView article) {
        return RestResponse.ResponseBuilder.ok(representations.full(article)).tag(article.etag()).build();
    }
}
