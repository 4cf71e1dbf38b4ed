package com.magazine.content.quotation;

import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.paging.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/articles/{slug}/quotations")
@Tag(name = "Quotations")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleQuotationsResource {

    private final QuotationService quotations;

    ArticleQuotationsResource(QuotationService quotations) {
        this.quotations = quotations;
    }

    @GET
    @Operation(summary = "An article's quotations", description = "In order of appearance, each once.")
    @APIResponse(responseCode = "200", description = "The quotations (next is always null).")
    @APIResponse(responseCode = "301", description = "An old slug: Location has the current URL.",
            headers = @Header(name = "Location", description = "The same list under the article's current slug."))
    @APIResponse(responseCode = "404", description = "No article has this slug, or the caller may not see it.")
    public RestResponse<Page<QuotationView>> listArticleQuotations(
            @Parameter(description = "The article's slug.") @PathParam("slug") String slug, UriInfo uri,
            Request request) {
        return HttpCaching.page(request, uri, new Page<>(quotations.ofArticle(slug), null));
    }
}
