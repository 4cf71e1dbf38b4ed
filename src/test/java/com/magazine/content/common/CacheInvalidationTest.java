package com.magazine.content.common;

import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each way an answer once stayed stale, or became foreign, in the response cache and at a CDN: the surrogate keys a
 * read carries and a change purges, the race of two misses, conditional requests, links built from {@code Host}.
 */
@QuarkusTest
class CacheInvalidationTest {

    /** Reads until the answer comes from the cache (asking as {@link #reader(String)} does, the same cache key). */
    private static Response cached(String path) {
        Response response = null;
        for (int i = 0; i < 5; i++) {
            response = reader(path).redirects().follow(false).when().get(path);
            if ("hit".equals(response.header("X-Cache"))) {
                return response;
            }
        }
        throw new AssertionError(path + " never came from the cache: " + response.asString());
    }

    /** An anonymous reader that takes whatever the path answers (JSON, feeds, sitemaps). */
    private static io.restassured.specification.RequestSpecification reader() {
        return io.restassured.RestAssured.given().accept("*/*");
    }

    /** An anonymous reader of this path: as a JSON client for the API, else taking what it answers. */
    private static io.restassured.specification.RequestSpecification reader(String path) {
        return path.startsWith("/api/") ? anonymous() : reader();
    }

    private static String articleId(String slug) {
        return asAdmin().when().get("/api/v1/articles/" + slug).then().statusCode(200).extract().path("id");
    }

    private static String postComment(String slug) {
        return anonymous().header("X-Forwarded-For", "10.9.8." + (1 + (int) (Math.random() * 250)))
                .contentType(ContentType.JSON)
                .body(Map.of("authorName", "Ada", "authorEmail", unique("ada") + "@example.org", "body", "Agreed."))
                .when().post("/api/v1/articles/" + slug + "/comments")
                .then().statusCode(202).extract().path("id");
    }

    @Nested
    class CommentThreads {

        @Test
        void approvingTheFirstCommentPurgesTheCachedEmptyThread() {
            String slug = publishedArticle(article(unique("Quiet Thread"), createAuthor(unique("Thread Writer"))));
            String thread = "/api/v1/articles/" + slug + "/comments";
            cached(thread).then().body("items", org.hamcrest.Matchers.empty())
                    .header("Surrogate-Key", containsString("comments:" + articleId(slug)));
            String id = postComment(slug);
            asAdmin().when().post("/api/v1/comments/" + id + "/approve").then().statusCode(200);
            anonymous().when().get(thread).then().statusCode(200).header("X-Cache", equalTo("miss"))
                    .body("items.id", hasItem(id));
        }

        @Test
        void aThreadLeavesPublicViewWithItsArticle() {
            for (String action : List.of("unpublish", "archive", "delete", "rename")) {
                String slug = publishedArticle(article(unique("Leaving " + action), createAuthor(unique("Leaver"))));
                String thread = "/api/v1/articles/" + slug + "/comments";
                cached(thread);
                switch (action) {
                    case "delete" -> asAdmin().when().delete("/api/v1/articles/" + slug).then().statusCode(204);
                    case "rename" -> asAdmin().contentType("application/merge-patch+json")
                            .body(Map.of("slug", unique("renamed"))).when().patch("/api/v1/articles/" + slug)
                            .then().statusCode(200);
                    default -> asAdmin().when().post("/api/v1/articles/" + slug + "/" + action).then().statusCode(200);
                }
                int status = anonymous().redirects().follow(false).when().get(thread).then()
                        .header("X-Cache", not(equalTo("hit"))).extract().statusCode();
                assertThat(status).as(action).isEqualTo(action.equals("rename") ? 301 : 404);
            }
        }

        @Test
        void moderatingACommentPurgesItsArticleButNotOtherListsNorTheSitemap() {
            String author = createAuthor(unique("Moderated Writer"));
            String slug = publishedArticle(article(unique("Moderated Piece"), author));
            String other = createAuthor(unique("Bystander"));
            publishedArticle(article(unique("Bystanding Piece"), other));
            String otherList = "/api/v1/articles?author=" + other;
            cached(otherList);
            cached("/sitemap.xml");
            cached("/api/v1/articles/" + slug);
            String id = postComment(slug);
            asAdmin().when().post("/api/v1/comments/" + id + "/approve").then().statusCode(200);
            anonymous().when().get("/api/v1/articles/" + slug).then().header("X-Cache", equalTo("miss"))
                    .body("commentCount", equalTo(1));
            anonymous().when().get(otherList).then().header("X-Cache", equalTo("hit"));
            reader().when().get("/sitemap.xml").then().header("X-Cache", equalTo("hit"));
        }
    }

    @Nested
    class Authors {

        @Test
        void anAuthorsPagesGoWithTheirRenameOrDeletion() {
            for (String action : List.of("rename", "delete")) {
                String slug = createAuthor(unique("Departing " + action));
                List<String> pages = List.of("/api/v1/authors/" + slug + "/articles", "/feeds/authors/" + slug + ".rss",
                        "/feeds/authors/" + slug + ".atom", "/feeds/authors/" + slug + ".json");
                pages.forEach(CacheInvalidationTest::cached);
                if (action.equals("rename")) {
                    asAdmin().contentType("application/merge-patch+json").body(Map.of("slug", unique("moved")))
                            .when().patch("/api/v1/authors/" + slug).then().statusCode(200);
                } else {
                    asAdmin().when().delete("/api/v1/authors/" + slug).then().statusCode(204);
                }
                for (String page : pages) {
                    reader().when().get(page).then().statusCode(404);
                }
            }
        }

        @Test
        void deletingASpeakerUnlinksTheirQuotationsAsLoggedChanges() {
            String speaker = createAuthor(unique("Quoted Speaker"));
            String quotation = asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("text", "Harbors remember.", "speaker", Map.of("name", "Quoted Speaker",
                            "author", speaker)))
                    .when().post("/api/v1/quotations").then().statusCode(201).extract().path("id");
            String since = com.magazine.content.feed.ChangeFeedTest.tail(() -> anonymous());
            cached("/api/v1/quotations/" + quotation).then().body("speaker.author", equalTo(speaker));
            asAdmin().when().delete("/api/v1/authors/" + speaker).then().statusCode(204);
            anonymous().when().get("/api/v1/quotations/" + quotation).then().statusCode(200)
                    .header("X-Cache", equalTo("miss")).body("speaker.author", nullValue())
                    .body("speaker.name", equalTo("Quoted Speaker"));
            anonymous().queryParam("since", since).when().get("/api/v1/changes").then().statusCode(200)
                    .body("items.findAll { it.type == 'quotation' }.id", hasItem(quotation));
        }
    }

    @Nested
    class Races {

        /** Eight first reads of one feed at once, then an unpublish: the feed never keeps the article. */
        @Test
        void concurrentMissesOfOneAnswerAreAllPurged() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 5; round++) {
                    String slug = publishedArticle(article(unique("Raced"), createAuthor(unique("Racer"))));
                    // a purge empties the cache of the feed; then eight readers miss it at once
                    asAdmin().contentType("application/merge-patch+json").body(Map.of("excerpt", "Raced " + round))
                            .when().patch("/api/v1/articles/" + slug).then().statusCode(200);
                    CountDownLatch start = new CountDownLatch(1);
                    List<Callable<Integer>> readers = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        readers.add(() -> {
                            start.await();
                            return reader().header("If-Modified-Since", "Thu, 01 Jan 2037 00:00:00 GMT")
                                    .when().get("/feeds/articles.rss").statusCode();
                        });
                    }
                    List<Future<Integer>> done = new ArrayList<>();
                    readers.forEach(reader -> done.add(pool.submit(reader)));
                    start.countDown();
                    for (Future<Integer> status : done) {
                        assertThat(status.get()).isIn(200, 304);
                    }
                    asAdmin().when().post("/api/v1/articles/" + slug + "/unpublish").then().statusCode(200);
                    reader().when().get("/feeds/articles.rss").then().statusCode(200)
                            .body(not(containsString(slug)));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void aDateOnlyConditionSharesTheKeptAnswerAndNeverKeepsItStale() {
            String slug = publishedArticle(article(unique("Dated"), createAuthor(unique("Dater"))));
            String feed = "/feeds/articles.atom";
            Response first = reader().header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
                    .when().get(feed);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.asString()).contains(slug);
            reader().when().get(feed).then().header("X-Cache", equalTo("hit"));
            asAdmin().when().post("/api/v1/articles/" + slug + "/unpublish").then().statusCode(200);
            reader().header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").when().get(feed)
                    .then().statusCode(200).body(not(containsString(slug)));
        }

        @Test
        void anUnreadableDateIsIgnored() {
            anonymous().header("If-Modified-Since", "yesterday").when().get("/api/v1/articles")
                    .then().statusCode(200);
            anonymous().header("If-Modified-Since", "yesterday").when().get("/api/v1/articles")
                    .then().statusCode(200);
        }
    }

    @Nested
    class Links {

        /** A forged Host, or X-Forwarded-Host, must not reach an answer that everyone else is then served. */
        @Test
        void absoluteLinksComeFromConfigurationNeverFromTheRequest() {
            createAuthor(unique("Linked"));
            for (String header : List.of("Host", "X-Forwarded-Host")) {
                String rss = reader().header(header, "evil.example").when().get("/feeds/articles.rss")
                        .then().statusCode(200).extract().asString();
                assertThat(rss).doesNotContain("evil.example").contains("http://localhost:8080/feeds/articles.rss");
                String link = anonymous().header(header, "evil.example").queryParam("limit", 1)
                        .when().get("/api/v1/authors").then().statusCode(200).extract().header("Link");
                assertThat(link).doesNotContain("evil.example").startsWith("</api/v1/authors?");
            }
            assertThat(reader().when().get("/feeds/articles.json").then().extract().asString())
                    .doesNotContain("evil.example");
        }

        @Test
        void aRedirectCarriesItsArticlesKeyAndAPathOnlyLocation() {
            String slug = publishedArticle(article(unique("Moving Piece"), createAuthor(unique("Mover"))));
            String id = articleId(slug);
            String renamed = unique("moved-piece");
            asAdmin().contentType("application/merge-patch+json").body(Map.of("slug", renamed))
                    .when().patch("/api/v1/articles/" + slug).then().statusCode(200);
            anonymous().header("Host", "evil.example").redirects().follow(false).when().get("/api/v1/articles/" + slug)
                    .then().statusCode(301).header("Location", equalTo("/api/v1/articles/" + renamed))
                    .header("Surrogate-Key", containsString("article:" + id));
            // the article takes its old slug back: the redirect's key is purged with it
            asAdmin().contentType("application/merge-patch+json").body(Map.of("slug", slug))
                    .when().patch("/api/v1/articles/" + renamed).then().statusCode(200);
            anonymous().redirects().follow(false).when().get("/api/v1/articles/" + slug).then().statusCode(200);
        }
    }

    @Test
    void aScheduledArticleJoinsTheCachedListsAtItsInstant() throws InterruptedException {
        String author = createAuthor(unique("Scheduler"));
        publishedArticle(article(unique("Already Out"), author));
        String slug = com.magazine.content.support.Api.createArticle(article(unique("Soon Out"), author));
        java.time.Instant at = java.time.Instant.now().plusSeconds(6);
        cached("/feeds/articles.json");
        cached("/api/v1/articles?author=" + author);
        String since = com.magazine.content.support.Api.changeFeedEnd();
        asAdmin().contentType(ContentType.JSON).body(Map.of("at", at.toString()))
                .when().post("/api/v1/articles/" + slug + "/publish").then().statusCode(200);
        assertThat(cached("/feeds/articles.json").asString()).doesNotContain(slug);
        assertThat(cached("/api/v1/articles?author=" + author).asString()).doesNotContain(slug);
        // right after its instant, before the announcing job (every second) could purge anything: the answers kept
        // before the instant must have expired at it
        Thread.sleep(Math.max(0, java.time.Duration.between(java.time.Instant.now(), at).toMillis() + 20));
        Response after = reader().when().get("/feeds/articles.json");
        assertThat(after.header("X-Cache")).isEqualTo("miss");
        assertThat(after.asString()).contains(slug);
        assertThat(anonymous().queryParam("author", author).when().get("/api/v1/articles").asString()).contains(slug);
        com.magazine.content.support.Api.awaitAnnounced(slug, since);
    }

    @Test
    void anEmptyListSendsNoLastModified() {
        anonymous().queryParam("tag", unique("no-such-tag")).when().get("/api/v1/articles")
                .then().statusCode(200).header("Last-Modified", nullValue()).header("ETag", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void everyChangeNamesTheKeysItPurges() {
        String author = createAuthor(unique("Keyed"));
        String since = com.magazine.content.feed.ChangeFeedTest.tail(() -> anonymous());
        String slug = publishedArticle(article(unique("Keyed Piece"), author));
        String id = articleId(slug);
        anonymous().queryParam("since", since).when().get("/api/v1/changes").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.surrogateKeys", hasItem("article:" + id))
                .body("items.find { it.id == '" + id + "' }.surrogateKeys", hasItem("articles"));
    }
}
