package com.magazine.content.common;

import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import io.restassured.config.RestAssuredConfig;
import com.magazine.content.support.AnotherInstance;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Anonymous reads are answered from memory, and stay true to the database whoever changes it. */
@QuarkusTest
class ResponseCacheTest {

    @Inject
    AgroalDataSource database;

    /** Reads until the answer comes from the cache (another test's write may purge it once meanwhile). */
    private static void cached(String path) {
        String cache = null;
        for (int i = 0; i < 5 && !"hit".equals(cache); i++) {
            cache = anonymous().when().get(path).then().statusCode(200).extract().header("X-Cache");
        }
        assertThat(cache).isEqualTo("hit");
    }

    @Test
    void aRepeatedAnonymousReadIsAHitAndAKeyedOneNeverIs() {
        String slug = createAuthor(unique("Cached Twice"));
        anonymous().when().get("/api/v1/authors/" + slug).then().statusCode(200).header("X-Cache", equalTo("miss"));
        String etag = anonymous().when().get("/api/v1/authors/" + slug)
                .then().statusCode(200).header("X-Cache", equalTo("hit"))
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=300, stale-if-error=86400"))
                .extract().header("ETag");
        anonymous().header("If-None-Match", etag).when().get("/api/v1/authors/" + slug)
                .then().statusCode(304).header("X-Cache", equalTo("hit")).header("ETag", equalTo(etag));
        assertThat(asAdmin().when().get("/api/v1/authors/" + slug).then().statusCode(200).extract()
                .header("X-Cache")).isNull();
    }

    @Test
    void aHitIsSentGzippedToClientsThatAcceptItAndAsItIsToOthers() {
        for (int i = 0; i < 5; i++) {
            createAuthor(unique("Zipped Too"));
        }
        String list = "/api/v1/authors?limit=50";
        // REST Assured asks for gzip and deflate of its own accord unless told to decode nothing
        RestAssuredConfig asked = RestAssuredConfig.config()
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        String plain = anonymous().config(asked).header("Accept-Encoding", "identity").when().get(list)
                .then().statusCode(200).header("Content-Encoding", nullValue()).extract().asString();
        assertThat(plain.length()).isGreaterThan(1024);
        cached(list);
        // gzipped (REST Assured decodes it) to a client that takes gzip
        String unzipped = anonymous().header("Accept-Encoding", "gzip").when().get(list)
                .then().statusCode(200).header("X-Cache", equalTo("hit")).header("Content-Encoding", equalTo("gzip"))
                .extract().asString();
        assertThat(unzipped).isEqualTo(plain);
        anonymous().config(asked).header("Accept-Encoding", "br, gzip;q=0, *").when().get(list)
                .then().statusCode(200).header("X-Cache", equalTo("hit")).header("Content-Encoding", nullValue());
        String again = anonymous().config(asked).header("Accept-Encoding", "identity").when().get(list)
                .then().statusCode(200).header("X-Cache", equalTo("hit")).header("Content-Encoding", nullValue())
                .extract().asString();
        assertThat(again).isEqualTo(plain);
    }

    @Test
    void aHitAnswersWithEveryHeaderOfTheAnswerItWasKeptFrom() {
        String author = createAuthor(unique("Replayed Writer"));
        String slug = publishedArticle(article(unique("Replayed"), author));
        RestAssuredConfig plain = RestAssuredConfig.config()
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        for (String path : List.of("/api/v1/articles/" + slug, "/api/v1/authors/" + author,
                "/api/v1/authors/" + author + "/articles", "/api/v1/articles/" + slug + "/comments",
                "/feeds/authors/" + author + ".rss", "/api/v1/articles?author=" + author)) {
            String accept = path.endsWith(".rss") ? "application/rss+xml" : "application/json";
            Response miss = anonymous().config(plain).accept(accept).header("Accept-Encoding", "identity").get(path);
            Response hit = anonymous().config(plain).accept(accept).header("Accept-Encoding", "identity").get(path);
            assertThat(miss.header("X-Cache")).as(path).isEqualTo("miss");
            assertThat(hit.header("X-Cache")).as(path).isEqualTo("hit");
            assertThat(hit.statusCode()).isEqualTo(miss.statusCode()).isEqualTo(200);
            assertThat(hit.asString()).isEqualTo(miss.asString());
            assertThat(replayed(hit)).as("headers of the hit of %s", path).isEqualTo(replayed(miss))
                    .containsKeys("cache-control", "vary", "etag", "surrogate-key", "content-type",
                            "x-content-type-options", "ratelimit-limit");
        }
    }

    /** The headers of an answer, but those of one exchange (its id, the date, the rate-limit count, hit or miss). */
    private static Map<String, String> replayed(Response response) {
        Set<String> ofOneExchange = Set.of("x-cache", "x-request-id", "date", "ratelimit-remaining",
                "ratelimit-reset");
        Map<String, String> headers = new TreeMap<>();
        response.headers().asList().stream().filter(h -> !ofOneExchange.contains(h.getName().toLowerCase()))
                .forEach(h -> headers.merge(h.getName().toLowerCase(), h.getValue(), (a, b) -> a + ", " + b));
        return headers;
    }

    @Test
    void aConditionalReadThatMissesIsKeptAndStillAnswers304() {
        String slug = createAuthor(unique("Conditional First"));
        String etag = asAdmin().when().get("/api/v1/authors/" + slug).then().extract().header("ETag");
        anonymous().header("If-None-Match", etag).when().get("/api/v1/authors/" + slug)
                .then().statusCode(304).header("X-Cache", equalTo("miss")).header("ETag", equalTo(etag));
        anonymous().header("If-None-Match", etag).when().get("/api/v1/authors/" + slug)
                .then().statusCode(304).header("X-Cache", equalTo("hit"));
        anonymous().header("If-None-Match", "\"other\"").when().get("/api/v1/authors/" + slug)
                .then().statusCode(200).header("X-Cache", equalTo("hit")).body("slug", equalTo(slug));
    }

    @Test
    void aWriteHerePurgesAtOnce() {
        String slug = createAuthor(unique("Purged"));
        cached("/api/v1/authors/" + slug);
        asAdmin().contentType("application/merge-patch+json").body("{\"location\": \"Oslo\"}")
                .when().patch("/api/v1/authors/" + slug).then().statusCode(200);
        anonymous().when().get("/api/v1/authors/" + slug)
                .then().header("X-Cache", equalTo("miss")).body("location", equalTo("Oslo"));
    }

    @Test
    void aChangeMadeByAnotherInstanceIsPurgedFromTheChangeLog() throws Exception {
        String slug = createAuthor(unique("Elsewhere"));
        String id = anonymous().when().get("/api/v1/authors/" + slug).then().extract().path("id");
        cached("/api/v1/authors/" + slug);

        AnotherInstance.relocateAuthor(database, id, slug, "Bergen");

        String location = null;
        for (int i = 0; i < 40 && !"Bergen".equals(location); i++) {
            Thread.sleep(100);
            location = anonymous().when().get("/api/v1/authors/" + slug).then().extract().path("location");
        }
        assertThat(location).isEqualTo("Bergen");
    }
}
