package com.magazine.content.article;

import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.support.Costed;
import com.magazine.content.support.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A page of articles costs the same SQL statements whatever its size: no query per row. */
@QuarkusTest
class ArticleQueryCostTest {

    @Inject
    StatementCounter counter;

    @Test
    @Costed("/api/v1/articles")
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
        long two = articles(Map.of("tag", tag.toLowerCase(), "limit", 2));
        long twenty = articles(Map.of("tag", tag.toLowerCase(), "limit", 20));
        long withBodies = articles(Map.of("tag", tag.toLowerCase(), "limit", 20, "fields", "slug,body,bodyHtml"));
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
            assertThat(articles(large)).as(filter.toString()).isEqualTo(articles(small)).isLessThanOrEqualTo(7);
        }
    }

    @Test
    @Costed("/api/v1/articles")
    void aPageOfSearchResultsCostsTheSameWhateverItsSize() {
        String word = "costword" + unique("").substring(1).replace("-", "");
        for (int i = 0; i < 22; i++) {
            Map<String, Object> body = new HashMap<>(article(unique("Costed " + word), createAuthor(unique("Searcher")),
                    createAuthor(unique("Co Searcher"))));
            body.put("tags", List.of(unique("Found"), unique("Also Found")));
            publishedArticle(body);
        }
        long two = articles(Map.of("q", word, "limit", 2));
        long twenty = articles(Map.of("q", word, "limit", 20));
        // the matching page with its tags and lead images in one statement; the bylines; and how long the answer may
        // be cached (the next scheduled article, the next image whose rights expire); no assets: none has an image
        assertThat(twenty).isEqualTo(two).isEqualTo(4);
    }

    @Test
    @Costed("/api/v1/authors/{slug}/articles")
    void anAuthorsPageOfArticlesCostsTheSameWhateverItsSize() {
        String author = createAuthor(unique("Prolific"));
        for (int i = 0; i < 22; i++) {
            Map<String, Object> body = new HashMap<>(article(unique("By Them"), author, createAuthor(unique("Co"))));
            body.put("tags", List.of(unique("Theirs"), unique("Also Theirs")));
            publishedArticle(body);
        }
        long two = counter.get("/api/v1/authors/" + author + "/articles?limit=2");
        long twenty = counter.get("/api/v1/authors/" + author + "/articles?limit=20");
        // the author by their slug, twice (the route checks it, the filter reads it); the page with its tags and lead
        // images; the bylines; the two horizons
        assertThat(twenty).isEqualTo(two).isEqualTo(6);
    }

    @Test
    @Costed("/api/v1/articles/{slug}/related")
    void relatedArticlesCostTheSameHowEverManyThereAre() {
        String tag = unique("Kin");
        String first = null;
        for (int i = 0; i < 22; i++) {
            Map<String, Object> body = new HashMap<>(article(unique("Kindred"), createAuthor(unique("Kin Writer")),
                    createAuthor(unique("Kin Co"))));
            body.put("tags", List.of(tag, unique("Own")));
            String slug = publishedArticle(body);
            first = first == null ? slug : first;
        }
        long two = counter.get("/api/v1/articles/" + first + "/related?limit=2");
        long twenty = counter.get("/api/v1/articles/" + first + "/related?limit=20");
        // the article by its slug, with its tags and bylines; the related articles with their tags, bylines and lead
        // images; the authors of those bylines; the two horizons
        assertThat(twenty).isEqualTo(two).isEqualTo(5);
    }

    /** The statements of one anonymous {@code GET /api/v1/articles} with these query parameters. */
    private long articles(Map<String, Object> query) {
        return counter.get("/api/v1/articles?" + query.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(parameter -> parameter.getKey() + "=" + parameter.getValue()).collect(Collectors.joining("&")));
    }
}
