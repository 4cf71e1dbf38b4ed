package com.magazine.content.article;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createArticle;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.newKey;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.offContractAsAdmin;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.magazine.content.feed.ChangeFeedTest;
import com.magazine.content.support.Api;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Corrections as data: appended (and withdrawn) through their own actions only, each a revision and a change
 * (article.corrected), shown in the article's JSON, as a notice at the end of its HTML, in the three feeds (whose
 * entries are then updated) and in the NewsArticle JSON-LD; never written or removed by an update of the article.
 */
@QuarkusTest
class CorrectionsTest {

    private static final String ARTICLES = "/api/v1/articles";
    private static final String WRONG_YEAR = "An earlier version gave the treaty's year as 1954; it was <b>1953</b> "
            + "& signed in Geneva.";
    private static final String WRONG_YEAR_CLEAN = "An earlier version gave the treaty's year as 1954; it was 1953 "
            + "& signed in Geneva.";

    private static Response correct(String slug, String type, String text) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("type", type, "text", text))
                .when().post(ARTICLES + "/" + slug + "/corrections");
    }

    private static Response withdraw(String slug, String id, String reason) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("reason", reason))
                .when().post(ARTICLES + "/" + slug + "/corrections/" + id + "/withdraw");
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    private static SyndEntry entryOf(SyndFeed feed, String id) {
        return feed.getEntries().stream().filter(entry -> ("urn:uuid:" + id).equals(entry.getUri())).findFirst()
                .orElseThrow(() -> new AssertionError("no entry urn:uuid:" + id));
    }

    @Test
    void aCorrectionShowsInTheJsonTheHtmlTheThreeFeedsAndTheJsonLd() throws Exception {
        String tag = unique("Treaties");
        String author = createAuthor(unique("Corrected"));
        Map<String, Object> input = article(unique("The Geneva Years"), author);
        input.put("tags", List.of(tag));
        String slug = publishedArticle(input);
        String tagSlug = tag.toLowerCase();
        Response before = anonymous().when().get(ARTICLES + "/" + slug);
        before.then().statusCode(200).body("corrections", hasSize(0));
        String id = before.path("id");
        int version = before.path("version");
        // the feeds as a reader has them, cached: the correction must purge them
        String rss = "/feeds/tags/" + tagSlug + ".rss";
        String atom = "/feeds/authors/" + author + ".atom";
        String jsonFeed = "/feeds/tags/" + tagSlug + ".json";
        for (String feed : List.of(rss, atom, jsonFeed)) {
            RestAssured.given().when().get(feed).then().statusCode(200)
                    .body(not(org.hamcrest.Matchers.containsString("class=\"corrections\"")));
        }
        String jsonLdBefore = RestAssured.given().accept("application/ld+json")
                .when().get(ARTICLES + "/" + slug + "/json-ld").then().statusCode(200).extract().header("ETag");

        Response corrected = correct(slug, "correction", WRONG_YEAR);
        corrected.then().statusCode(200)
                .body("corrections", hasSize(1))
                .body("corrections[0].type", equalTo("correction"))
                .body("corrections[0].text", equalTo(WRONG_YEAR_CLEAN))
                .body("corrections[0].id", notNullValue())
                .body("corrections[0].withdrawnAt", nullValue())
                .body("corrections[0].withdrawnReason", nullValue())
                .body("version", equalTo(version + 1))
                .header("ETag", not(equalTo(before.header("ETag"))));
        String at = corrected.path("corrections[0].at");
        assertThat(Instant.parse(at)).isAfter(Instant.parse(before.path("updatedAt")));
        assertThat((String) corrected.path("updatedAt")).isEqualTo(at);

        // the JSON: a single read's default; in a list only when named
        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .header("ETag", equalTo(corrected.header("ETag")))
                .body("corrections[0].text", equalTo(WRONG_YEAR_CLEAN))
                .body("corrections[0].at", equalTo(at))
                .body("updatedAt", equalTo(at));
        anonymous().queryParam("tag", tagSlug).when().get(ARTICLES).then().statusCode(200)
                .body("items[0].slug", equalTo(slug))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("corrections")));
        anonymous().queryParam("tag", tagSlug).queryParam("fields", "slug,corrections").when().get(ARTICLES)
                .then().statusCode(200)
                .body("items[0].corrections[0].text", equalTo(WRONG_YEAR_CLEAN));

        // the HTML: a notice at the end, escaped
        String notice = "<aside class=\"corrections\"><p class=\"correction correction-correction\">"
                + "<strong>Correction</strong> <time datetime=\"" + at + "\">" + at.substring(0, 10) + "</time>: "
                + "An earlier version gave the treaty&apos;s year as 1954; it was 1953 &amp; signed in Geneva."
                + "</p></aside>\n";
        anonymous().queryParam("fields", "bodyHtml").when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .body("bodyHtml", endsWith(notice));

        // the feeds: the entry is updated and its content ends with the notice (XML readers trim the last line break)
        SyndEntry rssEntry = entryOf(parse(RestAssured.given().when().get(rss).then().statusCode(200).extract()
                .asString()), id);
        assertThat(rssEntry.getContents().get(0).getValue().strip()).endsWith(notice.strip());
        SyndEntry atomEntry = entryOf(parse(RestAssured.given().when().get(atom).then().statusCode(200).extract()
                .asString()), id);
        assertThat(atomEntry.getContents().get(0).getValue().strip()).endsWith(notice.strip());
        assertThat(atomEntry.getUpdatedDate().toInstant()).isEqualTo(Instant.parse(at).truncatedTo(ChronoUnit.SECONDS));
        JsonNode item = new ObjectMapper().readTree(RestAssured.given().when().get(jsonFeed).then().statusCode(200)
                .extract().asByteArray()).get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo("urn:uuid:" + id);
        assertThat(item.get("content_html").asText()).endsWith(notice);
        assertThat(Instant.parse(item.get("date_modified").asText())).isEqualTo(Instant.parse(at));

        // the JSON-LD: a CorrectionComment, and dateModified
        Response jsonLd = RestAssured.given().accept("application/ld+json")
                .when().get(ARTICLES + "/" + slug + "/json-ld");
        jsonLd.then().statusCode(200)
                .header("ETag", not(equalTo(jsonLdBefore)))
                .body("dateModified", equalTo(at))
                .body("correction", hasSize(1))
                .body("correction[0].'@type'", equalTo("CorrectionComment"))
                .body("correction[0].text", equalTo("Correction: " + WRONG_YEAR_CLEAN))
                .body("correction[0].datePublished", equalTo(at));
    }

    @Test
    void aCorrectionIsARevisionAndAChangeCalledCorrected() {
        String slug = publishedArticle(article(unique("Harbour Dues"), createAuthor(unique("Dues"))));
        String id = anonymous().when().get(ARTICLES + "/" + slug).then().extract().path("id");
        String publicSince = ChangeFeedTest.tail(Api::anonymous);
        String staffSince = Api.changeFeedEnd();

        correct(slug, "clarification", "The dues are charged per tonne, not per ship.").then().statusCode(200);

        asAdmin().when().get(ARTICLES + "/" + slug + "/revisions").then().statusCode(200)
                .body("items[0].action", equalTo("correct"))
                .body("items[0].changes", equalTo(List.of("corrections")));
        int number = asAdmin().when().get(ARTICLES + "/" + slug + "/revisions").then().extract()
                .path("items[0].number");
        asAdmin().when().get(ARTICLES + "/" + slug + "/revisions/" + number).then().statusCode(200)
                .body("article.corrections[0].type", equalTo("clarification"))
                .body("article.corrections[0].text", equalTo("The dues are charged per tonne, not per ship."));
        assertThat(ChangeFeedTest.changesAfter(Api::anonymous, publicSince)).filteredOn(c -> c.contains(id))
                .containsExactly("article:" + id + ":upsert:corrected");
        assertThat(ChangeFeedTest.changesAfter(Api::asAdmin, staffSince)).filteredOn(c -> c.contains(id))
                .containsExactly("article:" + id + ":upsert:corrected");
        // a webhook may subscribe to it: the event name is valid (the target is what this one gets refused for)
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("article.corrected")))
                .when().post("/api/v1/webhooks").then().statusCode(422).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("url")));
    }

    @Test
    void anArticleTakesFiftyCorrectionsAndNoMore() {
        String slug = publishedArticle(article(unique("Much Corrected"), createAuthor(unique("Sloppy"))));
        for (int i = 0; i < ArticleCommandService.MAX_CORRECTIONS; i++) {
            correct(slug, "clarification", "Clarification number " + i + ".").then().statusCode(200);
        }
        correct(slug, "correction", "One too many.").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith(":too-many-corrections"));
    }

    @Test
    void aWithdrawnCorrectionStaysMarkedAndLeavesTheNoticeOnce() {
        String slug = publishedArticle(article(unique("Grain Routes"), createAuthor(unique("Grain"))));
        String first = correct(slug, "correction", "The port is Odesa, not Mykolaiv.").then().statusCode(200)
                .extract().path("corrections[0].id");
        correct(slug, "update", "The corridor reopened on Tuesday.").then().statusCode(200);
        Response before = anonymous().when().get(ARTICLES + "/" + slug);

        Response withdrawn = withdraw(slug, first, "Appended to the wrong article.");
        withdrawn.then().statusCode(200)
                .body("corrections", hasSize(2))
                .body("corrections[0].id", equalTo(first))
                .body("corrections[0].text", equalTo("The port is Odesa, not Mykolaiv."))
                .body("corrections[0].withdrawnAt", notNullValue())
                .body("corrections[0].withdrawnReason", equalTo("Appended to the wrong article."))
                .body("corrections[1].withdrawnAt", nullValue())
                .body("version", equalTo((Integer) before.path("version") + 1))
                .header("ETag", not(equalTo(before.header("ETag"))));
        assertThat((String) withdrawn.path("updatedAt")).isEqualTo(withdrawn.path("corrections[0].withdrawnAt"));
        String html = anonymous().queryParam("fields", "bodyHtml").when().get(ARTICLES + "/" + slug).then()
                .statusCode(200).extract().path("bodyHtml");
        assertThat(html).doesNotContain("Odesa").contains("<strong>Update</strong>")
                .contains("The corridor reopened on Tuesday.");
        RestAssured.given().accept("application/ld+json").when().get(ARTICLES + "/" + slug + "/json-ld").then()
                .statusCode(200)
                .body("correction", hasSize(1))
                .body("correction[0].text", equalTo("Update: The corridor reopened on Tuesday."));
        asAdmin().when().get(ARTICLES + "/" + slug + "/revisions").then().statusCode(200)
                .body("items[0].action", equalTo("withdraw-correction"))
                .body("items[0].changes", equalTo(List.of("corrections")));

        withdraw(slug, first, "Again.").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", endsWith(":correction-withdrawn"));
        withdraw(slug, "6f1c1d2e-0000-4000-8000-000000000000", "Never there.").then().statusCode(404)
                .contentType(PROBLEM_JSON);
        offContractAsAdmin().contentType(ContentType.JSON).body(Map.of("reason", "No id."))
                .when().post(ARTICLES + "/" + slug + "/corrections/not-a-uuid/withdraw")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void anUpdateCannotWriteOrRemoveCorrections() {
        String slug = publishedArticle(article(unique("Fishing Quotas"), createAuthor(unique("Quota"))));
        correct(slug, "retraction", "The quota figures came from a draft report and do not stand.")
                .then().statusCode(200);
        Map<String, Object> removal = new HashMap<>();
        removal.put("corrections", null);
        for (Object patch : List.of(removal, Map.of("corrections", List.of()))) {
            offContractAsAdmin().contentType("application/merge-patch+json").body(patch)
                    .when().patch(ARTICLES + "/" + slug).then().statusCode(422).contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo("corrections"));
        }
        Map<String, Object> whole = article("Fishing Quotas", createAuthor(unique("Quota")));
        whole.put("slug", slug);
        whole.put("corrections", List.of());
        offContractAsAdmin().contentType(ContentType.JSON).body(whole).when().put(ARTICLES + "/" + slug)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("corrections"));

        // what an update and a restore do write leaves them as they were
        asAdmin().contentType("application/merge-patch+json").body(Map.of("subtitle", "Revised"))
                .when().patch(ARTICLES + "/" + slug).then().statusCode(200).body("corrections", hasSize(1));
        asAdmin().when().post(ARTICLES + "/" + slug + "/revisions/1/restore").then().statusCode(200)
                .body("corrections", hasSize(1))
                .body("corrections[0].type", equalTo("retraction"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String author = createAuthor(unique("Careful"));
        String slug = publishedArticle(article(unique("Rail Freight"), author));
        String path = ARTICLES + "/" + slug + "/corrections";

        offContractAsAdmin().contentType(ContentType.JSON).body(Map.of("type", "erratum", "text", "Wrong."))
                .when().post(path).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("type"));
        offContractAsAdmin().contentType(ContentType.JSON).body(Map.of("text", "Which kind?"))
                .when().post(path).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("type"));
        for (String empty : List.of("   ", "<b> </b>", "\u0000")) {
            correct(slug, "correction", empty).then().statusCode(422).contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo("text"));
        }
        offContractAsAdmin().contentType(ContentType.JSON).body(Map.of("type", "update", "text", "x".repeat(2001)))
                .when().post(path).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("text"));
        String first = correct(slug, "correction", "Right.").then().statusCode(200).extract()
                .path("corrections[0].id");
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().post(path + "/" + first + "/withdraw").then().statusCode(422).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("reason"));

        // a draft has nothing to correct; an unknown article is not found
        String draft = createArticle(article(unique("Unfinished"), author));
        correct(draft, "correction", "Too early.").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", endsWith(":not-published"));
        correct("no-such-article-" + unique("x"), "correction", "Nowhere.").then().statusCode(404);

        // who may: whoever may write the article; If-Match as for every write
        offContract().contentType(ContentType.JSON).body(Map.of("type", "correction", "text", "Anonymous."))
                .when().post(path).then().statusCode(401);
        withKey(newKey("partner", null)).contentType(ContentType.JSON)
                .body(Map.of("type", "correction", "text", "Partner.")).when().post(path).then().statusCode(403);
        withKey(newKey("author", createAuthor(unique("Other")))).contentType(ContentType.JSON)
                .body(Map.of("type", "correction", "text", "Not mine.")).when().post(path).then().statusCode(403);
        withKey(newKey("author", author)).contentType(ContentType.JSON)
                .body(Map.of("type", "clarification", "text", "Mine.")).when().post(path).then().statusCode(200);
        String stale = "\"stale\"";
        asAdmin().header("If-Match", stale).contentType(ContentType.JSON)
                .body(Map.of("type", "correction", "text", "Late.")).when().post(path).then().statusCode(412)
                .contentType(PROBLEM_JSON);
        String etag = asAdmin().when().get(ARTICLES + "/" + slug).then().extract().header("ETag");
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("type", "correction", "text", "In time.")).when().post(path).then().statusCode(200);
    }

    @Test
    void anArchivedArticleIsCorrectedToo() {
        String slug = publishedArticle(article(unique("Old Ferries"), createAuthor(unique("Ferry"))));
        asAdmin().when().post(ARTICLES + "/" + slug + "/archive").then().statusCode(200);
        correct(slug, "correction", "The ferry sailed from Dover.").then().statusCode(200)
                .body("status", equalTo("archived"))
                .body("corrections", hasSize(1));
    }
}
