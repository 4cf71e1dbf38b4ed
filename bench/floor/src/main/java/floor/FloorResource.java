package floor;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.panache.common.Page;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The framework floor: what a plain Quarkus + Panache endpoint does for the benchmark's scenarios (a) and (b), with
 * nothing of the service's own (no embedded authors or quotations, no visibility rules beyond "published", no ETags,
 * caching, metrics, rate limits or field selection). Reads run outside a transaction, on the request's session, as a
 * plain Panache read does.
 */
@Path("/floor/articles")
@Produces(MediaType.APPLICATION_JSON)
public class FloorResource {

    @GET
    @Path("{slug}")
    public ArticleJson bySlug(@PathParam("slug") String slug) {
        Article article = Article.find("slug", slug).firstResult();
        if (article == null) {
            throw new NotFoundException();
        }
        return ArticleJson.of(article);
    }

    @GET
    public List<ArticleJson> latest(@QueryParam("limit") @DefaultValue("20") int limit) {
        List<Article> page = Article.<Article>find(
                        "status = 'published' and listedAt <= ?1 order by listedAt desc, id desc", OffsetDateTime.now())
                .page(Page.ofSize(Math.max(1, Math.min(limit, 100))))
                .list();
        return page.stream().map(ArticleJson::of).toList();
    }
}
