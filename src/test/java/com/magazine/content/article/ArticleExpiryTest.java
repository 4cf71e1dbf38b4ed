package com.magazine.content.article;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createArticle;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.magazine.content.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expiry: an article with an {@code unpublishAt} leaves public view by itself at that instant (decided when read, as
 * a scheduled one enters it), cached answers do not outlive it, and the change feed says article.unpublished then.
 */
@QuarkusTest
class ArticleExpiryTest {

    private static final String ARTICLES = "/api/v1/articles";

    private static void patch(String slug, Map<String, Object> patch, int status) {
        asAdmin().contentType("application/merge-patch+json").body(patch)
                .when().patch(ARTICLES + "/" + slug).then().statusCode(status);
    }

    @Test
    void anArticleLeavesEveryPublicReadAtItsExpiryAndTheChangeFeedSaysSo() throws Exception {
        String tag = unique("Expiring");
        Map<String, Object> input = article(unique("Short Lived"), createAuthor(unique("Brief")));
        input.put("tags", List.of(tag));
        String slug = publishedArticle(input);
        String tagSlug = tag.toLowerCase();
        Instant expiry = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
        String since = Api.changeFeedEnd();
        patch(slug, Map.of("unpublishAt", expiry.toString()), 200);

        // public until then, and the answers are cached (they must not outlive the expiry)
        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .body("status", equalTo("published"))
                .body("unpublishAt", equalTo(expiry.toString()));
        anonymous().queryParam("tag", tagSlug).when().get(ARTICLES).then().statusCode(200)
                .body("items.slug", hasItem(slug))
                .body("items[0].unpublishAt", equalTo(expiry.toString()));
        anonymous().queryParam("tag", tagSlug).when().get(ARTICLES).then().statusCode(200)
                .header("X-Cache", equalTo("hit"));
        String feed = "/feeds/tags/" + tagSlug + ".rss";
        io.restassured.RestAssured.given().when().get(feed).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(slug));

        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 50);

        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(404).contentType(PROBLEM_JSON);
        anonymous().queryParam("tag", tagSlug).when().get(ARTICLES).then().statusCode(200)
                .header("X-Cache", not(equalTo("hit")))
                .body("items.slug", not(hasItem(slug)));
        anonymous().when().get("/api/v1/tags").then().statusCode(200).body("items.slug", not(hasItem(tagSlug)));
        io.restassured.RestAssured.given().when().get(feed).then()
                .body(not(org.hamcrest.Matchers.containsString(slug)));
        // editors still read it, as expired, and can list what expired
        asAdmin().when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .body("status", equalTo("expired"))
                .body("publishedAt", not(nullValue()))
                .body("unpublishAt", equalTo(expiry.toString()));
        asAdmin().queryParam("status", "expired").queryParam("tag", tagSlug).when().get(ARTICLES).then()
                .statusCode(200).body("items.slug", equalTo(List.of(slug)));

        // the change feed (and so webhooks and other instances) learns of it by itself
        String id = asAdmin().when().get(ARTICLES + "/" + slug).then().extract().path("id");
        awaitChange(since, "article:" + id + ":delete:unpublished", true);
    }

    @Test
    void clearingTheExpiryBringsTheArticleBackAsItWas() throws Exception {
        String slug = publishedArticle(article(unique("Returning Piece"), createAuthor(unique("Back"))));
        Instant published = Instant.parse(anonymous().when().get(ARTICLES + "/" + slug).then().extract()
                .path("publishedAt"));
        String since = Api.changeFeedEnd();
        patch(slug, Map.of("unpublishAt", Instant.now().plusMillis(1200).toString()), 200);
        Thread.sleep(1300);
        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(404);
        String id = asAdmin().when().get(ARTICLES + "/" + slug).then().extract().path("id");
        awaitChange(since, "article:" + id + ":delete:unpublished", true);
        // publishing an expired article again is refused with what to do instead
        asAdmin().contentType(ContentType.JSON).body("{}").when().post(ARTICLES + "/" + slug + "/publish")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("type", org.hamcrest.Matchers.endsWith(":expired"));

        String back = Api.changeFeedEnd();
        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("unpublishAt", null);
        patch(slug, clear, 200);
        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .body("status", equalTo("published"))
                .body("publishedAt", equalTo(published.toString()))
                .body("unpublishAt", nullValue());
        awaitChange(back, "article:" + id + ":upsert:published", true);
    }

    @Test
    void anExpiryMustBeAheadAndAfterThePublicationInstant() {
        String slug = publishedArticle(article(unique("Checked Expiry"), createAuthor(unique("Checker"))));
        asAdmin().contentType("application/merge-patch+json")
                .body(Map.of("unpublishAt", Instant.now().minusSeconds(60).toString()))
                .when().patch(ARTICLES + "/" + slug).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("unpublishAt"));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("unpublishAt", "next tuesday"))
                .when().patch(ARTICLES + "/" + slug).then().statusCode(400).contentType(PROBLEM_JSON);

        // a draft may carry one; publishing after it is refused, naming the field
        Map<String, Object> draft = article(unique("Planned Expiry"), createAuthor(unique("Planner")));
        Instant expiry = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        draft.put("unpublishAt", expiry.toString());
        String planned = createArticle(draft);
        asAdmin().contentType(ContentType.JSON).body(Map.of("at", expiry.plusSeconds(60).toString()))
                .when().post(ARTICLES + "/" + planned + "/publish").then().statusCode(422)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("unpublishAt"));
        asAdmin().contentType(ContentType.JSON).body("{}").when().post(ARTICLES + "/" + planned + "/publish")
                .then().statusCode(200).body("status", equalTo("published"))
                .body("unpublishAt", equalTo(expiry.toString()));
        // and the revision keeps it
        asAdmin().when().get(ARTICLES + "/" + planned + "/revisions").then().statusCode(200)
                .body("items[0].changes", hasItem("status"));
    }

    /** Waits (up to 8 s) for {@code change} in the change feed after {@code since}: the public's or the editors'. */
    private static void awaitChange(String since, String change, boolean publicFeed) throws InterruptedException {
        Api.awaitChange(publicFeed ? Api::anonymous : Api::asAdmin, since, change, 8);
    }
}
