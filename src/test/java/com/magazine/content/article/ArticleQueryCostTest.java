package com.magazine.content.article;

import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.common.http.ResponseCache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** A page of articles costs the same SQL statements whatever its size: no query per row. */
@QuarkusTest
class ArticleQueryCostTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    ResponseCache responseCache;

    @Test
    void aPageOfArticlesWithAuthorsAndTagsCostsAConstantNumberOfStatements() {
        String tag = unique("Costed");
        List<String> pictures = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pictures.add(com.magazine.content.support.Api.asAdmin().contentType("image/jpeg").queryParam("alt", "A view")
                    .body(com.magazine.content.asset.TestImages.jpeg(80, 60, System.nanoTime()))
                    .when().post("/api/v1/assets").then().statusCode(201).extract().path("id"));
        }
        String credited = createAuthor(unique("Credited"));
        String section = unique("Costed Section");
        for (int i = 0; i < 22; i++) {
            Map<String, Object> body = new HashMap<>(article(unique("Costed " + i), createAuthor(unique("Cost Writer")),
                    createAuthor(unique("Co Writer"))));
            body.put("tags", List.of(tag, unique("Extra")));
            body.put("image", Map.of("assetId", pictures.get(i % pictures.size())));
            body.put("section", section);
            body.put("contributors", List.of(Map.of("role", "photographer", "author", credited),
                    Map.of("role", "translator", "name", "Someone Else")));
            publishedArticle(body);
        }
        long two = statements(Map.of("tag", tag.toLowerCase(), "limit", 2));
        long twenty = statements(Map.of("tag", tag.toLowerCase(), "limit", 20));
        long withBodies = statements(Map.of("tag", tag.toLowerCase(), "limit", 20, "fields", "slug,body,bodyHtml"));
        // the tag by its slug; one statement finds the page and reads its rows with their tags and lead images; the
        // bylines; the lead images' assets; and
        // how long the answer may be cached: when the next scheduled article goes public, when the next image's
        // rights expire (one statement each, asked again only after a purge)
        assertThat(twenty).isEqualTo(two).isEqualTo(6);
        // the page's bodies in one statement, and the quotations they cite in one more
        assertThat(withBodies).isLessThanOrEqualTo(twenty + 2);
        // the other filters: the same statements whatever the page's size (the credited author in the authors' one)
        String sectionSlug = com.magazine.content.common.text.Slugs.of(section);
        for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of("section", sectionSlug),
                Map.of("contributor", credited, "contributorRole", "photographer"),
                Map.of("tag", tag.toLowerCase() + "|" + sectionSlug + ",-no-such-tag"))) {
            Map<String, Object> small = new HashMap<>(filter);
            small.put("limit", 2);
            Map<String, Object> large = new HashMap<>(filter);
            large.put("limit", 20);
            assertThat(statements(large)).as(filter.toString()).isEqualTo(statements(small)).isLessThanOrEqualTo(7);
        }
    }

    /**
     * The statements one request prepares. Background jobs (scheduled announcements, webhook dispatch) share the
     * counters and can only add to them: the least of a few runs is the request's own cost. Each run empties the
     * response cache of lists first, so that it reaches the database.
     */
    private long statements(Map<String, Object> query) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            responseCache.purge(List.of("articles"));
            statistics.clear();
            anonymous().queryParams(query).when().get("/api/v1/articles").then().statusCode(200);
            least = Math.min(least, statistics.getPrepareStatementCount());
        }
        return least;
    }
}
