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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.magazine.content.common.text.Slugs;
import com.magazine.content.feed.ChangeFeedTest;
import com.magazine.content.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What partners may do with an article: syndicate it or not, read it early under embargo; and the articles only
 * editors publish (legally sensitive).
 */
@QuarkusTest
class RightsAndEmbargoTest {

    private static final String ARTICLES = "/api/v1/articles";

    private static void patch(String key, String slug, Map<String, Object> patch, int status) {
        withKey(key).contentType("application/merge-patch+json").body(patch)
                .when().patch(ARTICLES + "/" + slug).then().statusCode(status);
    }

    private static String id(String slug) {
        return asAdmin().when().get(ARTICLES + "/" + slug).then().extract().path("id");
    }

    @Test
    void partnersReadAnEmbargoedArticleBeforeItsInstantAndThePublicDoesNot() {
        String partner = newKey("partner", null);
        String tag = unique("Embargoed");
        Map<String, Object> input = article(unique("Under Embargo"), createAuthor(unique("Agency")));
        input.put("tags", List.of(tag));
        input.put("embargo", true);
        String slug = createArticle(input);
        String since = Api.changeFeedEnd();
        Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        asAdmin().contentType(ContentType.JSON).body(Map.of("at", at.toString()))
                .when().post(ARTICLES + "/" + slug + "/publish").then().statusCode(200)
                .body("status", equalTo("scheduled")).body("embargoUntil", equalTo(at.toString()));

        withKey(partner).when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .body("status", equalTo("scheduled"))
                .body("embargoUntil", equalTo(at.toString()))
                .body("legallySensitive", nullValue());
        withKey(partner).queryParam("tag", Slugs.of(tag)).when().get(ARTICLES).then().statusCode(200)
                .body("items.slug", hasItem(slug));
        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(404);
        anonymous().queryParam("tag", Slugs.of(tag)).when().get(ARTICLES).then().statusCode(200)
                .body("items.slug", not(hasItem(slug)));
        RestAssured.given().when().get("/feeds/articles.rss").then().statusCode(200)
                .body(not(containsString(slug)));

        // partners hear of it in their change feed (so in webhooks); the public's feed says nothing
        String change = "article:" + id(slug) + ":upsert:scheduled";
        assertThat(ChangeFeedTest.changesAfter(() -> withKey(partner), since)).contains(change);
        String articleId = id(slug);
        assertThat(ChangeFeedTest.changesAfter(Api::anonymous, since)).noneMatch(c -> c.contains(articleId));

        // taken back: partners are told to drop it
        String back = Api.changeFeedEnd();
        asAdmin().when().post(ARTICLES + "/" + slug + "/unpublish").then().statusCode(200);
        assertThat(ChangeFeedTest.changesAfter(() -> withKey(partner), back))
                .contains("article:" + id(slug) + ":delete:unpublished");
        withKey(partner).when().get(ARTICLES + "/" + slug).then().statusCode(404);
    }

    @Test
    void anArticleNotForSyndicationNeverReachesPartnersOrTheFeeds() {
        String partner = newKey("partner", null);
        String tag = unique("House Only");
        Map<String, Object> input = article(unique("Ours Alone"), createAuthor(unique("Staffer")));
        input.put("tags", List.of(tag));
        String slug = publishedArticle(input);
        String feed = "/feeds/tags/" + Slugs.of(tag) + ".rss";
        RestAssured.given().when().get(feed).then().statusCode(200).body(containsString(slug));

        String since = Api.changeFeedEnd();
        patch(Api.ADMIN_KEY, slug, Map.of("syndicatable", false), 200);
        // partners were told to drop it; the public still reads it on the website, not in the feeds
        assertThat(ChangeFeedTest.changesAfter(() -> withKey(partner), since))
                .contains("article:" + id(slug) + ":delete:updated");
        assertThat(ChangeFeedTest.changesAfter(Api::anonymous, since))
                .contains("article:" + id(slug) + ":upsert:updated");
        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(200).body("syndicatable", equalTo(false));
        withKey(partner).when().get(ARTICLES + "/" + slug).then().statusCode(404).contentType(PROBLEM_JSON);
        withKey(partner).queryParam("tag", Slugs.of(tag)).when().get(ARTICLES).then().statusCode(200)
                .body("items.slug", not(hasItem(slug)));
        RestAssured.given().when().get(feed).then().statusCode(200).body(not(containsString(slug)));
        // nor among a neighbour's related articles, for partners
        Map<String, Object> neighbour = article(unique("Neighbour"), createAuthor(unique("Near")));
        neighbour.put("tags", List.of(tag));
        String near = publishedArticle(neighbour);
        anonymous().when().get(ARTICLES + "/" + near + "/related").then().statusCode(200)
                .body("items.slug", hasItem(slug));
        withKey(partner).when().get(ARTICLES + "/" + near + "/related").then().statusCode(200)
                .body("items.slug", not(hasItem(slug)));

        // and later writes say nothing to partners
        String later = Api.changeFeedEnd();
        patch(Api.ADMIN_KEY, slug, Map.of("excerpt", "A new excerpt."), 200);
        String articleId = id(slug);
        assertThat(ChangeFeedTest.changesAfter(() -> withKey(partner), later)).noneMatch(c -> c.contains(articleId));
    }

    @Test
    void aLegallySensitiveArticleIsPublishedAndChangedByEditorsOnly() {
        String author = createAuthor(unique("Careful"));
        String authorKey = newKey("author", author);
        String editorKey = Api.editorKey();
        String slug = withKey(authorKey).contentType(ContentType.JSON)
                .body(article(unique("Sensitive Piece"), author)).when().post(ARTICLES).then().statusCode(201)
                .extract().path("slug");
        // only editors set the flag, and only they see it
        patch(authorKey, slug, Map.of("legallySensitive", true), 403);
        patch(editorKey, slug, Map.of("legallySensitive", true), 200);
        withKey(authorKey).when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .body("legallySensitive", nullValue());
        withKey(editorKey).when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .body("legallySensitive", equalTo(true));
        // the author still writes the draft (the flag stays), but cannot publish it
        patch(authorKey, slug, Map.of("subtitle", "Still a draft"), 200);
        withKey(authorKey).contentType(ContentType.JSON).body("{}").when().post(ARTICLES + "/" + slug + "/publish")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", containsString("legally sensitive"));
        withKey(editorKey).contentType(ContentType.JSON).body("{}").when().post(ARTICLES + "/" + slug + "/publish")
                .then().statusCode(200).body("status", equalTo("published"));
        // once published, changes need an editor too
        patch(authorKey, slug, Map.of("subtitle", "A late change"), 403);
        patch(editorKey, slug, Map.of("subtitle", "An editor's change"), 200);
        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .body("legallySensitive", nullValue())
                .body("embargoUntil", nullValue());
    }
}
