package com.magazine.content.article;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createArticle;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.newKey;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.magazine.content.common.http.ResponseCache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Draft previews: a token reads one article's draft (or one revision) without a key, for a frontend's preview mode
 * and for a link sent to a colleague; it is refused when wrong, expired or revoked, and never cached.
 */
@QuarkusTest
class ArticlePreviewTest {

    @Inject
    ResponseCache cache;

    private static String token(String slug, Map<String, Object> request) {
        return asAdmin().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/articles/" + slug + "/previews")
                .then().statusCode(201)
                .body("preview.id", notNullValue())
                .body("preview.createdBy", notNullValue())
                .body("preview.expiresAt", notNullValue())
                .body("token", startsWith("prv_"))
                .extract().path("token");
    }

    @Test
    void aTokenReadsTheLatestDraftWithoutAKeyAndIsNeverCached() {
        String author = createAuthor(unique("Previewed"));
        String slug = createArticle(article(unique("Not Yet"), author));
        anonymous().when().get("/api/v1/articles/" + slug).then().statusCode(404);
        String token = token(slug, Map.of());
        long entries = cache.size();
        for (int i = 0; i < 2; i++) {
            anonymous().header("Preview-Token", token).when().get("/api/v1/articles/" + slug)
                    .then().statusCode(200)
                    .header("Cache-Control", "private, no-store")
                    .header("X-Robots-Tag", "noindex")
                    .header("X-Cache", nullValue())
                    .body("slug", equalTo(slug))
                    .body("status", equalTo("draft"));
        }
        assertThat(cache.size()).as("nothing kept").isEqualTo(entries);
        // the draft as it changes
        asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "Now Titled"))
                .when().patch("/api/v1/articles/" + slug).then().statusCode(200);
        anonymous().queryParam("preview", token).when().get("/api/v1/articles/" + slug)
                .then().statusCode(200).header("Cache-Control", "private, no-store").body("title", equalTo("Now Titled"));
        // without the token, the public still sees nothing
        anonymous().when().get("/api/v1/articles/" + slug).then().statusCode(404);
    }

    @Test
    void aTokenPinnedToARevisionShowsThatRevision() {
        String slug = createArticle(article(unique("First Words"), createAuthor(unique("Reviser"))));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "Second Words"))
                .when().patch("/api/v1/articles/" + slug).then().statusCode(200);
        String first = token(slug, Map.of("revision", 1));
        String latest = token(slug, Map.of());
        Response pinned = anonymous().header("Preview-Token", first).when().get("/api/v1/articles/" + slug);
        pinned.then().statusCode(200).body("title", startsWith("First Words")).body("body", hasSize(3));
        anonymous().header("Preview-Token", latest).when().get("/api/v1/articles/" + slug)
                .then().statusCode(200).body("title", equalTo("Second Words"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("revision", 99))
                .when().post("/api/v1/articles/" + slug + "/previews")
                .then().statusCode(422).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("revision"));
    }

    @Test
    void theOtherReadsOfTheDraftsPageTakeTheTokenToo() {
        String author = createAuthor(unique("Paged"));
        String slug = createArticle(article(unique("Page Draft"), author));
        String other = publishedArticle(article(unique("Page Neighbour"), author));
        String token = token(slug, Map.of());
        for (String read : java.util.List.of("related", "quotations", "comments")) {
            String path = "/api/v1/articles/" + slug + "/" + read;
            anonymous().when().get(path).then().statusCode(404);
            anonymous().header("Preview-Token", token).when().get(path).then().statusCode(200)
                    .header("Cache-Control", "private, no-store").header("X-Cache", nullValue());
            anonymous().queryParam("preview", token).when().get(path).then().statusCode(200);
            // the token is for this draft only: on another article's reads it is refused, not ignored
            anonymous().header("Preview-Token", token).when().get("/api/v1/articles/" + other + "/" + read)
                    .then().statusCode(403).contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:content-api:problem:invalid-preview"));
        }
        anonymous().header("Preview-Token", token).when().get("/api/v1/articles/" + slug + "/related").then()
                .body("items.slug", org.hamcrest.Matchers.hasItem(other));
    }

    @Test
    void aTokenReadsNoOtherArticleAndAWrongOneIsRefusedNotIgnored() {
        String author = createAuthor(unique("Two Drafts"));
        String mine = createArticle(article(unique("Mine"), author));
        String other = publishedArticle(article(unique("Other"), author));
        String token = token(mine, Map.of());
        // a published article asked with a token for another one is refused, not answered as published
        anonymous().header("Preview-Token", token).when().get("/api/v1/articles/" + other)
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:invalid-preview"));
        anonymous().header("Preview-Token", "prv_made-up").when().get("/api/v1/articles/" + other)
                .then().statusCode(403).body("type", equalTo("urn:content-api:problem:invalid-preview"));
    }

    @Test
    void revokingEndsEveryTokenOfTheArticleAtOnce() {
        String slug = createArticle(article(unique("Withdrawn Draft"), createAuthor(unique("Careful"))));
        String one = token(slug, Map.of());
        String two = token(slug, Map.of("expiresInSeconds", 86_400));
        anonymous().header("Preview-Token", one).when().get("/api/v1/articles/" + slug).then().statusCode(200);
        asAdmin().when().get("/api/v1/articles/" + slug + "/previews").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].revokedAt", nullValue());
        asAdmin().when().delete("/api/v1/articles/" + slug + "/previews").then().statusCode(204);
        for (String token : new String[] {one, two}) {
            anonymous().header("Preview-Token", token).when().get("/api/v1/articles/" + slug)
                    .then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("revoked"));
        }
        asAdmin().when().get("/api/v1/articles/" + slug + "/previews").then().statusCode(200)
                .body("items[0].revokedAt", notNullValue()).body("items[1].revokedAt", notNullValue());
    }

    @Test
    void onlyWhoMayWriteTheArticleMakesTokensAndTheyLastAWeekAtMost() {
        String author = createAuthor(unique("Owner"));
        String slug = createArticle(article(unique("Owned Draft"), author));
        String own = newKey("author", author);
        withKey(own).contentType(ContentType.JSON).body(Map.of()).when().post("/api/v1/articles/" + slug + "/previews")
                .then().statusCode(201);
        String stranger = newKey("author", createAuthor(unique("Stranger")));
        withKey(stranger).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/articles/" + slug + "/previews").then().statusCode(404);
        withKey(newKey("partner", null)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/articles/" + slug + "/previews").then().statusCode(403);
        asAdmin().contentType(ContentType.JSON).body(Map.of("expiresInSeconds", 8 * 86_400))
                .when().post("/api/v1/articles/" + slug + "/previews")
                .then().statusCode(422).body("violations[0].field", equalTo("expiresInSeconds"));
    }
}
