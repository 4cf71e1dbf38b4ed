package com.magazine.content.article;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createArticle;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.editorKey;
import static com.magazine.content.support.Api.newKey;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.offContractAsAdmin;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleResourceTest {

    static final String ARTICLES = "/api/v1/articles";

    static Response publish(RequestSpecification as, String slug, Map<String, Object> body) {
        return as.contentType(ContentType.JSON).body(body).when().post(ARTICLES + "/" + slug + "/publish")
                .then().extract().response();
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    @Nested
    class Creating {

        @Test
        void createAnswers201WithADraftThatRendersThePage() {
            String author = createAuthor(unique("Mira Castell"));
            String title = unique("A Window Closes");
            asAdmin().contentType(ContentType.JSON).body(article(title, author))
                    .when().post(ARTICLES)
                    .then().statusCode(201)
                    .header("Location", endsWith(ARTICLES + "/" + title.toLowerCase().replace(' ', '-')))
                    .header("ETag", notNullValue())
                    .body("status", equalTo("draft"))
                    .body("publishedAt", nullValue())
                    .body("scheduledAt", nullValue())
                    .body("title", equalTo(title))
                    .body("authors[0].slug", equalTo(author))
                    .body("authors[0].role", equalTo("Contributing Editor"))
                    .body("authors[0].bio", startsWith("Writes on cities"))
                    .body("authors[0].links[0].label", equalTo("Website"))
                    .body("tags[0].slug", equalTo("diplomacy"))
                    .body("tags[0].name", equalTo("Diplomacy"))
                    .body("body[0].type", equalTo("paragraph"))
                    .body("body[0].text", containsString("<em>nobody</em>"))
                    .body("body[1].level", equalTo(2))
                    .body("body[2].items", contains("Sanctions", "Summits"))
                    .body("wordCount", equalTo(14))
                    .body("readingTimeMinutes", equalTo(1))
                    .body("commentCount", equalTo(0))
                    .body("commentsOpen", equalTo(true))
                    .body("version", equalTo(0))
                    .body("$", not(hasKey("bodyHtml")));
        }

        @Test
        void theSlugIsDerivedFromTheTitleAndNumberedWhenTaken() {
            String author = createAuthor(unique("Slug Writer"));
            String title = "Cafés & Coalitions " + unique("x").substring(2);
            String first = createArticle(article(title, author));
            String second = createArticle(article(title, author));
            assertThat(first).startsWith("cafes-and-coalitions-");
            assertThat(second).isEqualTo(first + "-2");
        }

        @Test
        void inlineMarkupIsSanitisedOnWrite() {
            String author = createAuthor(unique("Careful Writer"));
            Map<String, Object> body = with(article(unique("Sanitised"), author), "body", List.of(
                    Map.of("type", "paragraph", "text",
                            "Hi <script>alert(1)</script><b onclick=\"steal()\">bold</b> "
                                    + "<a href=\"javascript:alert(2)\">bad</a> <a href=\"https://example.org/x\" "
                                    + "onmouseover=\"x()\">good</a><img src=x onerror=alert(3)><svg onload=alert(4)>"),
                    Map.of("type", "paragraph", "text", "<script>only a script</script>")));
            asAdmin().contentType(ContentType.JSON).body(body)
                    .when().post(ARTICLES)
                    .then().statusCode(201)
                    .body("body.size()", equalTo(1))
                    .body("body[0].text", equalTo(
                            "Hi <b>bold</b> <a>bad</a> <a href=\"https://example.org/x\">good</a>"));
        }

        @Test
        void unknownAuthorsAndQuotationsAnswer422NamingEach() {
            String author = createAuthor(unique("Real Writer"));
            Map<String, Object> body = article(unique("Ghost Byline"), author, "no-such-writer");
            body.put("body", List.of(Map.of("type", "paragraph", "text", "x"),
                    Map.of("type", "quote", "quotationId", "01937c1e-6d3a-7cc2-9a43-2c1f0e6b7d11")));
            asAdmin().contentType(ContentType.JSON).body(body)
                    .when().post(ARTICLES)
                    .then().statusCode(422)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", contains("authors[1]", "body[1].quotationId"));
        }

        @Test
        void malformedBlocksAnswer400NamingTheField() {
            String author = createAuthor(unique("Block Writer"));
            offContractAsAdmin().contentType(ContentType.JSON)
                    .body(with(article(unique("Bad Blocks"), author), "body",
                            List.of(Map.of("type", "heading", "level", 7, "text", "Too deep"))))
                    .when().post(ARTICLES)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("body[0].level"));
            offContractAsAdmin().contentType(ContentType.JSON)
                    .body(with(article(unique("Bad Blocks"), author), "body",
                            List.of(Map.of("type", "video", "url", "https://example.org/v"))))
                    .when().post(ARTICLES)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("body[0]"));
            offContractAsAdmin().contentType(ContentType.JSON)
                    .body(with(article(unique("No Authors"), author), "authors", List.of()))
                    .when().post(ARTICLES)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("authors"));
        }

        @Test
        void anAuthorKeyWritesOnlyUnderItsOwnByline() {
            String own = createAuthor(unique("Own Byline"));
            String other = createAuthor(unique("Other Byline"));
            String key = newKey("author", own);
            withKey(key).contentType(ContentType.JSON).body(article(unique("Mine"), own, other))
                    .when().post(ARTICLES)
                    .then().statusCode(201);
            withKey(key).contentType(ContentType.JSON).body(article(unique("Not Mine"), other))
                    .when().post(ARTICLES)
                    .then().statusCode(403)
                    .contentType(PROBLEM_JSON);
        }

        @Test
        void partnersAndAnonymousCallersDoNotWrite() {
            String author = createAuthor(unique("Guarded Writer"));
            withKey(newKey("partner", null)).contentType(ContentType.JSON).body(article(unique("P"), author))
                    .when().post(ARTICLES)
                    .then().statusCode(403)
                    .contentType(PROBLEM_JSON);
            offContract().contentType(ContentType.JSON).body(article(unique("A"), author))
                    .when().post(ARTICLES)
                    .then().statusCode(401)
                    .contentType(PROBLEM_JSON);
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void aDraftIsSeenOnlyByEditorsAndItsOwnAuthors() {
            String author = createAuthor(unique("Draft Owner"));
            String slug = createArticle(article(unique("Secret Draft"), author));
            anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(404).contentType(PROBLEM_JSON);
            withKey(newKey("partner", null)).when().get(ARTICLES + "/" + slug).then().statusCode(404);
            withKey(newKey("author", createAuthor(unique("Stranger")))).when().get(ARTICLES + "/" + slug)
                    .then().statusCode(404);
            withKey(newKey("author", author)).when().get(ARTICLES + "/" + slug)
                    .then().statusCode(200)
                    .header("Cache-Control", equalTo("private, no-store"));
            withKey(editorKey()).when().get(ARTICLES + "/" + slug).then().statusCode(200).body("status", equalTo("draft"));
        }

        @Test
        void publishingMakesItPublicNow() {
            String author = createAuthor(unique("Publisher"));
            String slug = createArticle(article(unique("Going Live"), author));
            Instant before = Instant.now().minusSeconds(1);
            String publishedAt = publish(asAdmin(), slug, Map.of()).then().statusCode(200)
                    .body("status", equalTo("published"))
                    .body("scheduledAt", nullValue())
                    .extract().path("publishedAt");
            assertThat(Instant.parse(publishedAt)).isAfter(before).isBefore(Instant.now().plusSeconds(1));
            anonymous().when().get(ARTICLES + "/" + slug)
                    .then().statusCode(200)
                    .header("Cache-Control", startsWith("public"))
                    .body("status", equalTo("published"));
        }

        @Test
        void aPublishWithoutABodyOrContentTypeWorksLikeCurl() {
            String slug = createArticle(article(unique("Curl Publish"), createAuthor(unique("Curler"))));
            offContractAsAdmin().when().post(ARTICLES + "/" + slug + "/publish")
                    .then().statusCode(200)
                    .body("status", equalTo("published"));
        }

        @Test
        void publishingWithoutTitleOrBodyAnswers422NamingBoth() {
            String author = createAuthor(unique("Hasty"));
            Map<String, Object> empty = new HashMap<>(Map.of("authors", List.of(author), "slug", unique("empty")));
            String slug = createArticle(empty);
            publish(asAdmin(), slug, Map.of()).then().statusCode(422)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", contains("title", "body"));
            anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(404);
        }

        @Test
        void aScheduledArticleBecomesPublicByItselfAtItsInstant() throws InterruptedException {
            String author = createAuthor(unique("Scheduler"));
            String slug = createArticle(article(unique("Timed"), author));
            Instant at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
            String since = com.magazine.content.support.Api.changeFeedEnd();
            publish(asAdmin(), slug, Map.of("at", at.toString())).then().statusCode(200)
                    .body("status", equalTo("scheduled"))
                    .body("scheduledAt", equalTo(at.toString()))
                    .body("publishedAt", nullValue());
            anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(404);
            assertThat(publicSlugs(author)).doesNotContain(slug);

            while (Instant.now().isBefore(at.plusMillis(200))) {
                Thread.sleep(200);
            }
            anonymous().when().get(ARTICLES + "/" + slug)
                    .then().statusCode(200)
                    .body("status", equalTo("published"))
                    .body("publishedAt", equalTo(at.toString()))
                    .body("scheduledAt", nullValue());
            assertThat(publicSlugs(author)).contains(slug);
            com.magazine.content.support.Api.awaitAnnounced(slug, since);
        }

        @Test
        void aPastInstantBackdatesThePublication() {
            String slug = createArticle(article(unique("Imported"), createAuthor(unique("Archivist"))));
            publish(asAdmin(), slug, Map.of("at", "2019-12-09T08:00:00Z")).then().statusCode(200)
                    .body("status", equalTo("published"))
                    .body("publishedAt", equalTo("2019-12-09T08:00:00Z"));
        }

        @Test
        void unpublishArchiveAndTheirConflicts() {
            String author = createAuthor(unique("Cycler"));
            String slug = publishedArticle(article(unique("Full Circle"), author));
            publish(asAdmin(), slug, Map.of()).then().statusCode(409).contentType(PROBLEM_JSON);

            asAdmin().when().post(ARTICLES + "/" + slug + "/archive")
                    .then().statusCode(200).body("status", equalTo("archived")).body("publishedAt", notNullValue());
            anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(404);
            assertThat(publicSlugs(author)).doesNotContain(slug);
            asAdmin().when().get(ARTICLES + "/" + slug).then().statusCode(200).body("status", equalTo("archived"));
            publish(asAdmin(), slug, Map.of()).then().statusCode(409)
                    .body("type", equalTo("urn:content-api:problem:archived"));

            asAdmin().when().post(ARTICLES + "/" + slug + "/unpublish")
                    .then().statusCode(200).body("status", equalTo("draft")).body("publishedAt", nullValue());
            asAdmin().when().post(ARTICLES + "/" + slug + "/unpublish").then().statusCode(409);
            asAdmin().when().post(ARTICLES + "/" + slug + "/archive").then().statusCode(409);
        }

        @Test
        void aStaleIfMatchOnPublishAnswers412() {
            String slug = createArticle(article(unique("Raced"), createAuthor(unique("Racer"))));
            String etag = asAdmin().when().get(ARTICLES + "/" + slug).then().extract().header("ETag");
            asAdmin().contentType("application/merge-patch+json").body("{\"subtitle\": \"changed\"}")
                    .when().patch(ARTICLES + "/" + slug).then().statusCode(200);
            asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body("{}")
                    .when().post(ARTICLES + "/" + slug + "/publish")
                    .then().statusCode(412)
                    .contentType(PROBLEM_JSON);
            asAdmin().when().get(ARTICLES + "/" + slug).then().body("status", equalTo("draft"));
        }

        private List<String> publicSlugs(String author) {
            return anonymous().queryParam("author", author).when().get(ARTICLES)
                    .then().statusCode(200).extract().path("items.slug");
        }
    }

    @Nested
    class Updating {

        @Test
        void putReplacesTheContentAndAnsweresTheNewETag() {
            String author = createAuthor(unique("Reviser"));
            String slug = createArticle(article(unique("First Draft"), author));
            String etag = asAdmin().when().get(ARTICLES + "/" + slug).then().extract().header("ETag");
            Map<String, Object> body = Map.of("title", "Second Draft", "authors", List.of(author),
                    "body", List.of(Map.of("type", "paragraph", "text", "Shorter now.")));
            String newEtag = asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(body)
                    .when().put(ARTICLES + "/" + slug)
                    .then().statusCode(200)
                    .body("slug", equalTo(slug))
                    .body("title", equalTo("Second Draft"))
                    .body("subtitle", nullValue())
                    .body("tags", empty())
                    .body("wordCount", equalTo(2))
                    .body("version", equalTo(1))
                    .extract().header("ETag");
            assertThat(newEtag).isNotEqualTo(etag);
            asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(body)
                    .when().put(ARTICLES + "/" + slug)
                    .then().statusCode(412)
                    .body("type", equalTo("urn:content-api:problem:stale-version"));
        }

        @Test
        void mergePatchChangesOnlyWhatItNames() {
            String author = createAuthor(unique("Patcher"));
            String slug = createArticle(article(unique("Patchable"), author));
            asAdmin().contentType("application/merge-patch+json").body("{\"subtitle\": null, \"tags\": [\"Asia\"]}")
                    .when().patch(ARTICLES + "/" + slug)
                    .then().statusCode(200)
                    .body("subtitle", nullValue())
                    .body("tags.slug", contains("asia"))
                    .body("body.size()", equalTo(3))
                    .body("authors[0].slug", equalTo(author));
        }

        @Test
        void aRenamedArticleAnswers301FromItsOldSlug() {
            String author = createAuthor(unique("Renamer"));
            String slug = publishedArticle(article(unique("Old Name"), author));
            String renamed = unique("new-name");
            asAdmin().contentType("application/merge-patch+json").body(Map.of("slug", renamed))
                    .when().patch(ARTICLES + "/" + slug)
                    .then().statusCode(200)
                    .body("slug", equalTo(renamed));
            anonymous().redirects().follow(false).queryParam("fields", "title")
                    .when().get(ARTICLES + "/" + slug)
                    .then().statusCode(301)
                    .header("Location", endsWith(ARTICLES + "/" + renamed + "?fields=title"));
            anonymous().redirects().follow(false).when().get(ARTICLES + "/" + slug + "/related")
                    .then().statusCode(301)
                    .header("Location", endsWith(ARTICLES + "/" + renamed + "/related"));
            anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(200).body("slug", equalTo(renamed));

            // the old slug stays reserved for the article that had it
            asAdmin().contentType(ContentType.JSON).body(with(article("Squatter", author), "slug", slug))
                    .when().post(ARTICLES)
                    .then().statusCode(409)
                    .body("type", equalTo("urn:content-api:problem:slug-taken"));
        }

        @Test
        void anAuthorKeyChangesOnlyItsOwnArticles() {
            String own = createAuthor(unique("Keeper"));
            String other = createAuthor(unique("Outsider"));
            String key = newKey("author", own);
            String mine = createArticle(article(unique("Mine To Edit"), own));
            String theirs = publishedArticle(article(unique("Theirs"), other));
            String theirDraft = createArticle(article(unique("Their Draft"), other));
            withKey(key).contentType("application/merge-patch+json").body("{\"subtitle\": \"mine\"}")
                    .when().patch(ARTICLES + "/" + mine).then().statusCode(200);
            withKey(key).contentType("application/merge-patch+json").body("{\"subtitle\": \"theirs\"}")
                    .when().patch(ARTICLES + "/" + theirs).then().statusCode(403).contentType(PROBLEM_JSON);
            withKey(key).contentType("application/merge-patch+json").body("{\"subtitle\": \"theirs\"}")
                    .when().patch(ARTICLES + "/" + theirDraft).then().statusCode(404);
            withKey(key).contentType("application/merge-patch+json")
                    .body(Map.of("authors", List.of(other)))
                    .when().patch(ARTICLES + "/" + mine).then().statusCode(403);
        }

        @Test
        void deleteAnswers204AndTheArticleIsGone() {
            String slug = createArticle(article(unique("Doomed"), createAuthor(unique("Deleter"))));
            asAdmin().when().delete(ARTICLES + "/" + slug).then().statusCode(204);
            asAdmin().when().get(ARTICLES + "/" + slug).then().statusCode(404);
            asAdmin().when().delete(ARTICLES + "/" + slug).then().statusCode(404).contentType(PROBLEM_JSON);
        }

        @Test
        void anAuthorWithArticlesCannotBeDeleted() {
            String author = createAuthor(unique("Prolific"));
            createArticle(article(unique("Keeps Them"), author));
            asAdmin().when().delete("/api/v1/authors/" + author)
                    .then().statusCode(409)
                    .contentType(PROBLEM_JSON)
                    .body("detail", containsString("1 article"));
        }
    }

    @Nested
    class Revisions {

        @Test
        void everyWriteIsARevisionThatCanBeReadAndRestored() {
            String author = createAuthor(unique("Historian"));
            String slug = createArticle(article("Version One " + unique("x"), author));
            asAdmin().contentType("application/merge-patch+json").body("{\"title\": \"Version Two\"}")
                    .when().patch(ARTICLES + "/" + slug).then().statusCode(200);
            publish(asAdmin(), slug, Map.of()).then().statusCode(200);

            asAdmin().when().get(ARTICLES + "/" + slug + "/revisions")
                    .then().statusCode(200)
                    .body("items.number", contains(3, 2, 1))
                    .body("items.action", contains("publish", "update", "create"))
                    .body("items[1].changes", contains("title"))
                    .body("items[0].changes", hasItem("status"))
                    .body("items[0].actor", equalTo("config:admin-key"));
            String oldTitle = asAdmin().when().get(ARTICLES + "/" + slug + "/revisions/1")
                    .then().statusCode(200)
                    .body("article.content.authors", contains(author))
                    .body("article.status", equalTo("draft"))
                    .extract().path("article.content.title");

            asAdmin().when().post(ARTICLES + "/" + slug + "/revisions/1/restore")
                    .then().statusCode(200)
                    .body("title", equalTo(oldTitle))
                    .body("status", equalTo("published"));
            asAdmin().when().get(ARTICLES + "/" + slug + "/revisions")
                    .then().body("items[0].action", equalTo("restore"))
                    .body("items[0].changes", contains("title"));
            asAdmin().when().get(ARTICLES + "/" + slug + "/revisions/99").then().statusCode(404);
        }

        @Test
        void revisionsAreNotPublic() {
            String slug = publishedArticle(article(unique("Open Book"), createAuthor(unique("Closed"))));
            offContract().when().get(ARTICLES + "/" + slug + "/revisions").then().statusCode(401);
            withKey(newKey("partner", null)).when().get(ARTICLES + "/" + slug + "/revisions").then().statusCode(403);
        }
    }

    @Nested
    class Reading {

        @Test
        void theListIsLatestPublishedFirstWithSummaries() {
            String author = createAuthor(unique("Lister"));
            String first = publishedArticle(article(unique("Earlier"), author));
            String second = publishedArticle(article(unique("Later"), author));
            createArticle(article(unique("Unpublished"), author));
            anonymous().queryParam("author", author).when().get(ARTICLES)
                    .then().statusCode(200)
                    .body("items.slug", contains(second, first))
                    .body("items[0]", not(hasKey("body")))
                    .body("items[0].authors[0]", equalTo(Map.of("slug", author, "name", authorName(author))))
                    .body("items[0].readingTimeMinutes", equalTo(1))
                    .body("items[0].snippet", nullValue())
                    .body("next", nullValue());
        }

        @Test
        void filtersByTagAndDatesAndUnknownOnesGiveAnEmptyPage() {
            String author = createAuthor(unique("Filterer"));
            String tag = unique("Tagged");
            String old = createArticle(with(article(unique("Old Piece"), author), "tags", List.of(tag)));
            publish(asAdmin(), old, Map.of("at", "2020-01-15T10:00:00Z")).then().statusCode(200);
            String recent = publishedArticle(with(article(unique("New Piece"), author), "tags", List.of(tag)));
            String tagSlug = tag.toLowerCase();

            anonymous().queryParam("tag", tagSlug).when().get(ARTICLES)
                    .then().statusCode(200).body("items.slug", contains(recent, old));
            anonymous().queryParam("tag", tagSlug).queryParam("publishedBefore", "2021-01-01").when().get(ARTICLES)
                    .then().body("items.slug", contains(old));
            anonymous().queryParam("tag", tagSlug).queryParam("publishedAfter", "2021-01-01T00:00:00Z")
                    .when().get(ARTICLES)
                    .then().body("items.slug", contains(recent));
            anonymous().queryParam("tag", tagSlug).queryParam("sort", "publishedAt").when().get(ARTICLES)
                    .then().body("items.slug", contains(old, recent));
            anonymous().queryParam("tag", "no-such-tag-at-all").when().get(ARTICLES)
                    .then().statusCode(200).body("items", empty()).body("next", nullValue());
            anonymous().queryParam("author", "no-such-author-at-all").when().get(ARTICLES)
                    .then().statusCode(200).body("items", empty());
        }

        @Test
        void badParametersAnswer400NamingThem() {
            offContract().queryParam("publishedAfter", "last tuesday").when().get(ARTICLES)
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo("publishedAfter"))
                    .body("violations[0].in", equalTo("query"));
            offContract().queryParam("sort", "popularity").when().get(ARTICLES)
                    .then().statusCode(400).body("violations[0].field", equalTo("sort"));
            offContract().queryParam("status", "deleted").when().get(ARTICLES)
                    .then().statusCode(400).body("violations[0].field", equalTo("status"));
            offContract().queryParam("limit", 500).when().get(ARTICLES)
                    .then().statusCode(400).body("violations[0].field", equalTo("limit"));
            anonymous().queryParam("sort", "relevance").when().get(ARTICLES)
                    .then().statusCode(400).body("violations[0].field", equalTo("sort"));
            anonymous().queryParam("fields", "title,secret").when().get(ARTICLES)
                    .then().statusCode(400).body("violations[0].field", equalTo("fields"))
                    .body("violations[0].message", containsString("'secret'"));
        }

        @Test
        void onlyEditorsAndAuthorsListOtherStatuses() {
            String author = createAuthor(unique("Drafter"));
            String draft = createArticle(article(unique("Listed Draft"), author));
            anonymous().queryParam("status", "draft").when().get(ARTICLES)
                    .then().statusCode(403).contentType(PROBLEM_JSON);
            asAdmin().queryParam("status", "draft,scheduled").queryParam("author", author).when().get(ARTICLES)
                    .then().statusCode(200).body("items.slug", contains(draft)).body("items[0].status", equalTo("draft"));
            asAdmin().queryParam("status", "draft").queryParam("author", author).when().get(ARTICLES)
                    .then().statusCode(200).body("items.slug", contains(draft));
            asAdmin().queryParam("status", "archived").queryParam("author", author).when().get(ARTICLES)
                    .then().statusCode(200).body("items", empty());
            withKey(newKey("author", author)).queryParam("status", "draft").queryParam("author", author)
                    .when().get(ARTICLES)
                    .then().statusCode(200).body("items.slug", contains(draft));
        }

        @Test
        void pagesFollowTheCursorAndCountOnRequest() {
            String author = createAuthor(unique("Paginated"));
            List<String> slugs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                slugs.add(0, publishedArticle(article(unique("Page Item " + i), author)));
            }
            Response first = anonymous().queryParam("author", author).queryParam("limit", 2).queryParam("count", "true")
                    .when().get(ARTICLES)
                    .then().statusCode(200)
                    .header("Link", containsString("rel=\"next\""))
                    .body("total", equalTo(5))
                    .extract().response();
            List<String> walked = new ArrayList<>(first.path("items.slug"));
            String cursor = first.path("next");
            while (cursor != null) {
                Response page = anonymous().queryParam("author", author).queryParam("limit", 2)
                        .queryParam("cursor", cursor).when().get(ARTICLES).then().statusCode(200)
                        .body("$", not(hasKey("total")))
                        .extract().response();
                walked.addAll(page.path("items.slug"));
                cursor = page.path("next");
            }
            assertThat(walked).isEqualTo(slugs);
            anonymous().queryParam("limit", 2).queryParam("cursor", first.<String>path("next")).when().get(ARTICLES)
                    .then().statusCode(400)
                    .body("type", equalTo("urn:content-api:problem:invalid-cursor"));
        }

        @Test
        void aTagsAndAnAuthorsListsFollowPublicationTimesAsTheyMove() {
            String author = createAuthor(unique("Mover"));
            String tag = unique("Moving");
            Map<String, Object> first = new HashMap<>(article(unique("Moved First"), author));
            first.put("tags", List.of(tag));
            Map<String, Object> second = new HashMap<>(article(unique("Moved Second"), author));
            second.put("tags", List.of(tag));
            String x = createArticle(first);
            String y = createArticle(second);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            publish(asAdmin(), x, Map.of("at", now.minus(2, ChronoUnit.HOURS).toString())).then().statusCode(200);
            publish(asAdmin(), y, Map.of("at", now.minus(1, ChronoUnit.HOURS).toString())).then().statusCode(200);
            assertThat(walk("tag", tag.toLowerCase())).containsExactly(y, x);
            assertThat(walk("author", author)).containsExactly(y, x);

            // republished earlier, it moves behind: a tag's and an author's pages follow the article's new date
            asAdmin().when().post(ARTICLES + "/" + y + "/unpublish").then().statusCode(200);
            assertThat(walk("tag", tag.toLowerCase())).containsExactly(x);
            publish(asAdmin(), y, Map.of("at", now.minus(3, ChronoUnit.HOURS).toString())).then().statusCode(200);
            assertThat(walk("tag", tag.toLowerCase())).containsExactly(x, y);
            assertThat(walk("author", author)).containsExactly(x, y);
            assertThat(asAdmin().queryParam("tag", tag.toLowerCase()).queryParam("sort", "publishedAt")
                    .when().get(ARTICLES).then().statusCode(200).extract().<List<String>>path("items.slug"))
                    .containsExactly(y, x);
        }

        /** Every slug of a filtered list, newest first, one per page (so that the cursor is used at each step). */
        private List<String> walk(String filter, String value) {
            List<String> slugs = new ArrayList<>();
            String cursor = null;
            do {
                RequestSpecification request = anonymous().queryParam(filter, value).queryParam("limit", 1);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                Response page = request.when().get(ARTICLES).then().statusCode(200).extract().response();
                slugs.addAll(page.path("items.slug"));
                cursor = page.path("next");
            } while (cursor != null);
            return slugs;
        }

        @Test
        void fieldsChooseTheMembersDownIntoAuthors() {
            String author = createAuthor(unique("Sparse"));
            String slug = publishedArticle(article(unique("Sparse Fields"), author));
            anonymous().queryParam("fields", "slug,title,authors.name").when().get(ARTICLES + "/" + slug)
                    .then().statusCode(200)
                    .body("keySet()", contains("slug", "title", "authors"))
                    .body("authors[0].keySet()", contains("name"));
            anonymous().queryParam("author", author).queryParam("fields", "slug,body").when().get(ARTICLES)
                    .then().statusCode(200)
                    .body("items[0].keySet()", contains("slug", "body"))
                    .body("items[0].body[0].type", equalTo("paragraph"));
            String full = anonymous().when().get(ARTICLES + "/" + slug).then().extract().header("ETag");
            String sparse = anonymous().queryParam("fields", "title").when().get(ARTICLES + "/" + slug)
                    .then().extract().header("ETag");
            assertThat(sparse).isNotEqualTo(full);
        }

        @Test
        void bodyHtmlIsSafeHtmlOnRequest() {
            String author = createAuthor(unique("Renderer"));
            Map<String, Object> body = with(article(unique("Rendered"), author), "body", List.of(
                    Map.of("type", "heading", "level", 3, "text", "Fish & <em>chips</em>"),
                    Map.of("type", "paragraph", "text", "<a href=\"https://example.org\" onclick=\"x()\">link</a> "
                            + "&lt;script&gt;"),
                    Map.of("type", "list", "ordered", true, "items", List.of("one", "two"))));
            String slug = publishedArticle(body);
            anonymous().queryParam("fields", "*,bodyHtml").when().get(ARTICLES + "/" + slug)
                    .then().statusCode(200)
                    .body("title", notNullValue())
                    .body("bodyHtml", equalTo("<h3>Fish &amp; <em>chips</em></h3>\n"
                            + "<p><a href=\"https://example.org\">link</a> &lt;script&gt;</p>\n"
                            + "<ol><li>one</li><li>two</li></ol>\n"));
        }

        @Test
        void searchRanksFindsTheBodyAndHighlights() {
            String author = createAuthor(unique("Searcher"));
            String word = "zq" + unique("x").substring(2, 8).replaceAll("[0-9]", "k");
            String inBody = publishedArticle(with(article(unique("Quiet Title"), author), "body",
                    List.of(Map.of("type", "paragraph", "text", "The <b>" + word + "</b> doctrine failed & stayed."))));
            String inTitle = publishedArticle(article("The " + word + " Question " + unique("x"), author));
            String excluded = publishedArticle(with(article(unique("Other Title"), author), "body",
                    List.of(Map.of("type", "paragraph", "text", word + " with an embargo"))));

            anonymous().queryParam("q", word + " -embargo").queryParam("sort", "relevance").when().get(ARTICLES)
                    .then().statusCode(200)
                    .body("items.slug", contains(inTitle, inBody))
                    .body("items[1].snippet", startsWith("The <mark>" + word + "</mark> doctrine failed &amp; stayed"));
            anonymous().queryParam("q", "\"" + word + " doctrine\"").when().get(ARTICLES)
                    .then().statusCode(200)
                    .body("items.slug", contains(inBody));
            assertThat(excluded).isNotNull();
        }

        @Test
        void relatedArticlesShareATagOrAnAuthor() {
            String author = createAuthor(unique("Relater"));
            String tag = unique("Kin");
            String main = publishedArticle(with(article(unique("Main"), createAuthor(unique("Solo"))), "tags",
                    List.of(tag)));
            String byTag = publishedArticle(with(article(unique("Tag Kin"), author), "tags", List.of(tag)));
            createArticle(with(article(unique("Draft Kin"), author), "tags", List.of(tag)));
            anonymous().when().get(ARTICLES + "/" + main + "/related")
                    .then().statusCode(200)
                    .body("items.slug", contains(byTag))
                    .body("next", nullValue());
            offContract().queryParam("limit", 50).when().get(ARTICLES + "/" + main + "/related")
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }

        @Test
        void tagsCountWhatTheCallerCanSee() {
            String author = createAuthor(unique("Tagger"));
            String shown = unique("Shown");
            String hidden = unique("Hidden");
            publishedArticle(with(article(unique("Tagged Live"), author), "tags", List.of(shown)));
            createArticle(with(article(unique("Tagged Draft"), author), "tags", List.of(shown, hidden)));
            List<Map<String, Object>> publicTags = allTags(() -> anonymous());
            assertThat(publicTags).contains(Map.of("slug", shown.toLowerCase(), "name", shown, "type", "topic",
                    "articleCount", 1));
            assertThat(publicTags).noneMatch(tag -> tag.get("slug").equals(hidden.toLowerCase()));
            assertThat(allTags(() -> asAdmin()))
                    .contains(Map.of("slug", shown.toLowerCase(), "name", shown, "type", "topic", "articleCount", 2))
                    .contains(Map.of("slug", hidden.toLowerCase(), "name", hidden, "type", "topic", "articleCount", 1));
        }

        @Test
        void anAuthorsArticlesAreNestedUnderTheAuthor() {
            String author = createAuthor(unique("Nested"));
            String slug = publishedArticle(article(unique("By Nested"), author));
            anonymous().when().get("/api/v1/authors/" + author + "/articles")
                    .then().statusCode(200)
                    .body("items.slug", contains(slug));
            anonymous().when().get("/api/v1/authors/nobody-here-at-all/articles")
                    .then().statusCode(404).contentType(PROBLEM_JSON);
        }

        @Test
        void conditionalGetsAnswer304UntilTheArticleOrItsAuthorChanges() {
            String author = createAuthor(unique("Cached"));
            String slug = publishedArticle(article(unique("Cacheable"), author));
            Response first = anonymous().when().get(ARTICLES + "/" + slug)
                    .then().statusCode(200)
                    .header("Surrogate-Key", containsString("author:"))
                    .header("Last-Modified", notNullValue())
                    .extract().response();
            anonymous().header("If-None-Match", first.header("ETag")).when().get(ARTICLES + "/" + slug)
                    .then().statusCode(304);
            String listEtag = anonymous().queryParam("author", author).when().get(ARTICLES).then().extract().header("ETag");
            anonymous().queryParam("author", author).header("If-None-Match", listEtag).when().get(ARTICLES)
                    .then().statusCode(304);

            asAdmin().contentType("application/merge-patch+json").body("{\"bio\": \"A new bio.\"}")
                    .when().patch("/api/v1/authors/" + author).then().statusCode(200);
            anonymous().header("If-None-Match", first.header("ETag")).when().get(ARTICLES + "/" + slug)
                    .then().statusCode(200)
                    .body("authors[0].bio", equalTo("A new bio."));
            anonymous().queryParam("author", author).header("If-None-Match", listEtag).when().get(ARTICLES)
                    .then().statusCode(200);
        }

        private List<Map<String, Object>> allTags(Supplier<RequestSpecification> as) {
            List<Map<String, Object>> tags = new ArrayList<>();
            String cursor = null;
            do {
                RequestSpecification request = as.get().queryParam("limit", 100);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                Response page = request.when().get("/api/v1/tags").then().statusCode(200).extract().response();
                tags.addAll(page.path("items"));
                cursor = page.path("next");
            } while (cursor != null);
            return tags;
        }

        private String authorName(String slug) {
            return anonymous().when().get("/api/v1/authors/" + slug).then().extract().path("name");
        }
    }
}
