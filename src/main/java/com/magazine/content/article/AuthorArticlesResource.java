package com.magazine.content.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.magazine.content.common.json.FieldSelection;
import com.magazine.content.common.json.Selected;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/authors/{slug}/articles")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorArticlesResource {

    private final ArticleQueryService articles;
    private final Representations representations;

    AuthorArticlesResource(ArticleQueryService articles, Representations representations) {
        this.articles = articles;
        this.representations = representations;
    }

    @GET
    @Operation(summary = "List an author's articles", description = "As the article list, filtered by this author.")
    @APIResponse(responseCode = "200", description = "A page of articles.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."),
            content = @Content(schema = @Schema(implementation = ArticlePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid.")
    @APIResponse(responseCode = "403", description = "A status other than published, without an editor or author key.")
    @APIResponse(responseCode = "404", description = "No author has this slug.")
    public RestResponse<Representations.ArticleItems> listAuthorArticles(@Parameter(description = "The author's slug.") @PathParam("slug") String slug,
            @Valid @BeanParam ArticleQuery query, UriInfo uri, Request request) {
        FieldSelection selection = Representations.fields(query.fields(), ArticleFields.SUMMARY);
        return representations.page(request, uri,
                articles.listByAuthor(slug, query.toListRequest(), query, selection), selection, query.fields());
    }
}
