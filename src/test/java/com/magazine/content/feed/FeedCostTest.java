package com.magazine.content.feed;

import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.asset.TestImages;
import com.magazine.content.common.text.Slugs;
import com.magazine.content.support.Costed;
import com.magazine.content.support.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Feeds and sitemaps cost the same SQL statements however many articles they carry, with their full bodies, bylines,
 * images and the quotations they cite: no query per item.
 */
@QuarkusTest
class FeedCostTest {

    private static final Map<String, String> FORMATS = Map.of("rss", "application/rss+xml",
            "atom", "application/atom+xml", "json", "application/feed+json");

    @Inject
    StatementCounter counter;

    @Test
    @Costed({"/feeds/articles.rss", "/feeds/articles.atom", "/feeds/articles.json",
            "/feeds/authors/{slug}.rss", "/feeds/authors/{slug}.atom", "/feeds/authors/{slug}.json",
            "/feeds/tags/{slug}.rss", "/feeds/tags/{slug}.atom", "/feeds/tags/{slug}.json"})
    void aFeedCostsTheSameHowEverManyArticlesItCarries() {
        String author = createAuthor(unique("Fed"));
        String tag = unique("Fed Topic");
        for (int i = 0; i < 2; i++) {
            publishedArticle(rich(author, tag));
        }
        Map<String, Long> few = feeds(author, tag);
        for (int i = 0; i < 12; i++) {
            publishedArticle(rich(author, tag));
        }
        Map<String, Long> many = feeds(author, tag);
        // the author's and the tag's feeds carry only these articles: 2, then 14
        for (String format : FORMATS.keySet()) {
            for (String feed : List.of("/feeds/authors/{slug}.", "/feeds/tags/{slug}.")) {
                assertThat(many.get(feed + format)).as(feed + format).isEqualTo(few.get(feed + format));
            }
        }
        // the page of (at most 50) articles with their tags; their bodies; their bylines; their lead images' assets;
        // the quotations they cite; their body images' assets; the two horizons of the response cache (the next
        // scheduled article, the next image whose rights expire)
        for (String format : FORMATS.keySet()) {
            // the site-wide page holds the newest 50 of every test's articles, not only these: whether it needs its
            // second asset statement depends on what the others show (7 when not), never on how many there are
            // (the same bound holds for both pages, which are full 50-article pages whatever this test adds)
            assertThat(few.get("/feeds/articles." + format)).as(format).isBetween(7L, 8L);
            assertThat(many.get("/feeds/articles." + format)).as(format).isBetween(7L, 8L);
            // and the author (the tag) looked up twice, by the feed and by the filter; the assets in one statement
            assertThat(many.get("/feeds/authors/{slug}." + format)).as(format).isEqualTo(9);
            assertThat(many.get("/feeds/tags/{slug}." + format)).as(format).isEqualTo(9);
        }
    }

    @Test
    @Costed({"/sitemap.xml", "/sitemaps/articles-{month}.xml", "/sitemaps/authors.xml", "/sitemaps/news.xml"})
    void aSitemapCostsTheSameHowEverManyArticlesItLists() {
        String tag = unique("Mapped");
        for (int i = 0; i < 2; i++) {
            publishedArticle(rich(createAuthor(unique("Mapped")), tag));
        }
        Map<String, Long> few = sitemaps();
        for (int i = 0; i < 12; i++) {
            publishedArticle(rich(createAuthor(unique("Mapped")), tag));
        }
        Map<String, Long> many = sitemaps();
        assertThat(many).isEqualTo(few);
        // how many articles; how many authors; every author and their avatars' assets (for the authors' lastmod);
        // the months; the two horizons
        // (the avatars' one only when some author in the shared database has an avatar, whatever their number)
        assertThat(many.get("/sitemap.xml")).isBetween(6L, 7L);
        // the month's articles; the two horizons
        assertThat(many.get("/sitemaps/articles-{month}.xml")).isEqualTo(3);
        // the authors; their avatars' assets; the two horizons
        assertThat(many.get("/sitemaps/authors.xml")).isBetween(3L, 4L);
        // the last two days' articles; the two horizons
        assertThat(many.get("/sitemaps/news.xml")).isEqualTo(3);
    }

    private Map<String, Long> feeds(String author, String tag) {
        Map<String, Long> costs = new LinkedHashMap<>();
        FORMATS.forEach((format, type) -> {
            Supplier<RequestSpecification> reader = () -> given().accept(type);
            costs.put("/feeds/articles." + format, counter.get(reader, "/feeds/articles." + format));
            costs.put("/feeds/authors/{slug}." + format, counter.get(reader, "/feeds/authors/" + author + "." + format));
            costs.put("/feeds/tags/{slug}." + format, counter.get(reader, "/feeds/tags/" + Slugs.of(tag) + "." + format));
        });
        return costs;
    }

    private Map<String, Long> sitemaps() {
        Supplier<RequestSpecification> crawler = () -> given().accept("application/xml");
        Map<String, Long> costs = new LinkedHashMap<>();
        costs.put("/sitemap.xml", counter.get(crawler, "/sitemap.xml"));
        costs.put("/sitemaps/articles-{month}.xml",
                counter.get(crawler, "/sitemaps/articles-" + YearMonth.now(ZoneOffset.UTC) + ".xml"));
        costs.put("/sitemaps/authors.xml", counter.get(crawler, "/sitemaps/authors.xml"));
        costs.put("/sitemaps/news.xml", counter.get(crawler, "/sitemaps/news.xml"));
        return costs;
    }

    /** An article by {@code author} and a co-author, tagged, with a lead image, an image and a quotation in its body. */
    private static Map<String, Object> rich(String author, String tag) {
        Map<String, Object> body = new HashMap<>(article(unique("Fed Piece"), author, createAuthor(unique("Co"))));
        body.put("tags", List.of(tag, unique("Other")));
        body.put("image", Map.of("assetId", image()));
        String quotation = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("text", "The window may not stay open for long.",
                        "speaker", Map.of("name", unique("Envoy")),
                        "source", Map.of("title", "The Narrowing Window", "kind", "speech")))
                .when().post("/api/v1/quotations").then().statusCode(201).extract().path("id");
        body.put("body", List.of(Map.of("type", "paragraph", "text", "An argument."),
                Map.of("type", "image", "assetId", image()),
                Map.of("type", "quote", "quotationId", quotation)));
        return body;
    }

    private static String image() {
        return asAdmin().contentType("image/jpeg").queryParam("alt", "A view")
                .body(TestImages.jpeg(80, 60, System.nanoTime()))
                .when().post("/api/v1/assets").then().statusCode(201).extract().path("id");
    }
}
