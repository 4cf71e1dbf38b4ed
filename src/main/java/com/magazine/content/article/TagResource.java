package com.magazine.content.article;

import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/tags")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
public class TagResource {

    private final ArticleQueryService articles;

    TagResource(ArticleQueryService articles) {
        this.articles = articles;
    }

    @GET
    @Operation(summary = "List tags", description = """
            By slug, each with its number of published articles (editors: of all articles). Tags with no published \
            article are left out for the public.""")
    @APIResponse(responseCode = "200", description = "A page of tags.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor.")
    public RestResponse<Page<TagView>> listTags(@Valid @BeanParam PageRequest page, UriInfo uri, Request request) {
        return HttpCaching.page(request, uri, articles.tags(page));
    }
}
