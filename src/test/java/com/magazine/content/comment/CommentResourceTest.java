package com.magazine.content.comment;

import static com.magazine.content.comment.Comments.approve;
import static com.magazine.content.comment.Comments.comment;
import static com.magazine.content.comment.Comments.commentCount;
import static com.magazine.content.comment.Comments.post;
import static com.magazine.content.comment.Comments.reader;
import static com.magazine.content.comment.Comments.readerAt;
import static com.magazine.content.comment.Comments.randomAddress;
import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createArticle;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.editorKey;
import static com.magazine.content.support.Api.newKey;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommentResourceTest {

    static String discussed() {
        return publishedArticle(article(unique("Discussed"), createAuthor(unique("Commented"))));
    }

    static String comments(String slug) {
        return "/api/v1/articles/" + slug + "/comments";
    }

    @Nested
    class Posting {

        @Test
        void aReaderPostsWithoutAKeyAndTheCommentWaitsForModeration() {
            String slug = discussed();
            Map<String, Object> body = comment("First!\n\nAnd a second paragraph.");
            body.put("authorUrl", "https://jo.example.org");
            String response = reader().body(body)
                    .when().post(comments(slug))
                    .then().statusCode(202)
                    .contentType(ContentType.JSON)
                    .header("Cache-Control", equalTo("no-store"))
                    .body("id", notNullValue())
                    .body("status", equalTo("pending"))
                    .body("depth", equalTo(0))
                    .body("authorUrl", equalTo("https://jo.example.org"))
                    .body("bodyHtml", equalTo("<p>First!</p>\n<p>And a second paragraph.</p>\n"))
                    .extract().asString();
            assertThat(response).doesNotContain((String) body.get("authorEmail"));
            anonymous().when().get(comments(slug)).then().statusCode(200).body("items", empty());
            assertThat(commentCount(slug)).isZero();
        }

        @Test
        void anApprovedCommentIsPublicAndCounted() {
            String slug = discussed();
            Map<String, Object> body = comment("Well argued.");
            String id = post(slug, body);
            approve(id);
            String list = anonymous().when().get(comments(slug))
                    .then().statusCode(200)
                    .header("Surrogate-Key", containsString("comments:"))
                    .body("items.id", contains(id))
                    .body("items[0].authorName", equalTo("Jo Marsh"))
                    .body("items[0].replies", empty())
                    .extract().asString();
            assertThat(list).doesNotContain((String) body.get("authorEmail"));
            assertThat(commentCount(slug)).isEqualTo(1);
            asAdmin().when().post("/api/v1/comments/" + id + "/reject").then().statusCode(200)
                    .body("status", equalTo("rejected"));
            assertThat(commentCount(slug)).isZero();
            anonymous().when().get(comments(slug)).then().body("items", empty());
        }

        @Test
        void articlesThatTakeNoCommentsSaySo() {
            String author = createAuthor(unique("Closed"));
            String draft = createArticle(article(unique("Draft"), author));
            reader().body(comment("hello")).when().post(comments(draft))
                    .then().statusCode(404).contentType(PROBLEM_JSON);

            Map<String, Object> closed = new HashMap<>(article(unique("Closed Thread"), author));
            closed.put("commentsOpen", false);
            String closedSlug = publishedArticle(closed);
            reader().body(comment("hello")).when().post(comments(closedSlug))
                    .then().statusCode(403).contentType(PROBLEM_JSON)
                    .body("detail", containsString("closed"));

            String archived = publishedArticle(article(unique("Old News"), author));
            asAdmin().when().post("/api/v1/articles/" + archived + "/archive").then().statusCode(200);
            reader().body(comment("hello")).when().post(comments(archived))
                    .then().statusCode(409).contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:content-api:problem:article-archived"));
        }

        @Test
        void invalidFieldsAnswer400NamingEach() {
            String slug = discussed();
            Map<String, Object> body = new HashMap<>(Map.of("authorEmail", "not-an-email",
                    "body", "x".repeat(5001), "authorUrl", "javascript:alert(1)"));
            offContract().header("X-Forwarded-For", randomAddress()).contentType(ContentType.JSON).body(body)
                    .when().post(comments(slug))
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("authorName"))
                    .body("violations.field", hasItem("authorEmail"))
                    .body("violations.field", hasItem("authorUrl"))
                    .body("violations.field", hasItem("body"));
            Map<String, Object> longName = comment("Fine body");
            longName.put("authorName", "N".repeat(101));
            offContract().header("X-Forwarded-For", randomAddress()).contentType(ContentType.JSON).body(longName)
                    .when().post(comments(slug))
                    .then().statusCode(400)
                    .body("violations.field", contains("authorName"));
        }
    }

    @Nested
    class Threads {

        @Test
        void repliesNestUnderTheirParentsToTheDepthLimit() {
            String slug = discussed();
            String top = post(slug, comment("Top"));
            approve(top);
            Map<String, Object> reply = comment("Reply");
            reply.put("parentId", top);
            String first = reader().body(reply).when().post(comments(slug))
                    .then().statusCode(202).body("depth", equalTo(1)).body("parentId", equalTo(top))
                    .extract().path("id");
            approve(first);
            Map<String, Object> deeper = comment("Deeper");
            deeper.put("parentId", first);
            String second = post(slug, deeper);
            approve(second);
            Map<String, Object> tooDeep = comment("Too deep");
            tooDeep.put("parentId", second);
            String third = reader().body(tooDeep).when().post(comments(slug))
                    .then().statusCode(202)
                    .body("depth", equalTo(2))
                    .body("parentId", equalTo(first))
                    .extract().path("id");
            approve(third);

            anonymous().when().get(comments(slug))
                    .then().statusCode(200)
                    .body("items.id", contains(top))
                    .body("items[0].replies.id", contains(first))
                    .body("items[0].replies[0].replies.id", contains(second, third))
                    .body("items[0].replies[0].replies[0].depth", equalTo(2));
            assertThat(commentCount(slug)).isEqualTo(4);
        }

        @Test
        void aReplyNeedsAnApprovedParentOnTheSameArticle() {
            String slug = discussed();
            String pending = post(slug, comment("Not yet approved"));
            Map<String, Object> reply = comment("Reply");
            reply.put("parentId", pending);
            reader().body(reply).when().post(comments(slug))
                    .then().statusCode(422)
                    .body("violations.field", contains("parentId"));
            String elsewhere = post(discussed(), comment("Elsewhere"));
            approve(elsewhere);
            reply.put("parentId", elsewhere);
            reader().body(reply).when().post(comments(slug)).then().statusCode(422);
        }

        @Test
        void threadsArePagedByTopLevelComment() {
            String slug = discussed();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String id = post(slug, comment("Comment " + i));
                approve(id);
                ids.add(id);
            }
            Response first = anonymous().queryParam("limit", 2).when().get(comments(slug))
                    .then().statusCode(200)
                    .header("Link", containsString("rel=\"next\""))
                    .body("items.id", contains(ids.get(0), ids.get(1)))
                    .extract().response();
            anonymous().queryParam("limit", 2).queryParam("cursor", first.<String>path("next")).when().get(comments(slug))
                    .then().body("items.id", contains(ids.get(2))).body("next", nullValue());
            anonymous().header("If-None-Match", first.header("ETag")).queryParam("limit", 2).when().get(comments(slug))
                    .then().statusCode(304);
        }
    }

    @Nested
    class Moderation {

        @Test
        void editorsWorkTheQueueOldestFirstWithEmailsAndAddresses() {
            String slug = discussed();
            String address = randomAddress();
            Map<String, Object> body = comment("Queue me");
            String id = readerAt(address).body(body).when().post(comments(slug))
                    .then().statusCode(202).extract().path("id");
            withKey(editorKey()).queryParam("article", slug).when().get("/api/v1/comments")
                    .then().statusCode(200)
                    .header("Cache-Control", equalTo("private, no-store"))
                    .body("items.id", contains(id))
                    .body("items[0].authorEmail", equalTo(body.get("authorEmail")))
                    .body("items[0].ip", equalTo(address))
                    .body("items[0].article.slug", equalTo(slug))
                    .body("items[0].status", equalTo("pending"));
            withKey(editorKey()).when().post("/api/v1/comments/" + id + "/spam")
                    .then().statusCode(200)
                    .body("status", equalTo("spam"))
                    .body("moderatedBy", notNullValue())
                    .body("moderatedAt", notNullValue());
            withKey(editorKey()).queryParam("article", slug).queryParam("status", "spam").when().get("/api/v1/comments")
                    .then().body("items.id", contains(id));
        }

        @Test
        void anAuthorModeratesOnlyUnderTheirOwnArticles() {
            String author = createAuthor(unique("Moderating"));
            String own = publishedArticle(article(unique("Own"), author));
            String other = discussed();
            String mine = post(own, comment("On mine"));
            String theirs = post(other, comment("On theirs"));
            String key = newKey("author", author);
            withKey(key).when().get("/api/v1/comments")
                    .then().statusCode(200)
                    .body("items.id", hasItem(mine))
                    .body("items.id", not(hasItem(theirs)));
            withKey(key).when().post("/api/v1/comments/" + mine + "/approve").then().statusCode(200);
            withKey(key).when().post("/api/v1/comments/" + theirs + "/approve")
                    .then().statusCode(403).contentType(PROBLEM_JSON);
            withKey(newKey("partner", null)).when().get("/api/v1/comments").then().statusCode(403);
            offContract().when().get("/api/v1/comments").then().statusCode(401);
        }

        @Test
        void manyCommentsAreModeratedAtOnce() {
            String slug = discussed();
            String a = post(slug, comment("a"));
            String b = post(slug, comment("b"));
            String c = post(slug, comment("c"));
            asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("action", "approve", "ids", List.of(a, b, "01937c1e-6d3a-7cc2-9a43-2c1f0e6b7d11")))
                    .when().post("/api/v1/comments/moderation")
                    .then().statusCode(200)
                    .body("results.outcome", contains("done", "done", "not-found"))
                    .body("results[0].status", equalTo("approved"));
            asAdmin().contentType(ContentType.JSON).body(Map.of("action", "delete", "ids", List.of(b, c)))
                    .when().post("/api/v1/comments/moderation")
                    .then().statusCode(200)
                    .body("results.outcome", contains("done", "done"));
            assertThat(commentCount(slug)).isEqualTo(1);
            asAdmin().when().get("/api/v1/comments/" + c).then().statusCode(404);
            offContract().header("Authorization", "Bearer " + com.magazine.content.support.Api.ADMIN_KEY)
                    .contentType(ContentType.JSON).body(Map.of("action", "bury", "ids", List.of(a)))
                    .when().post("/api/v1/comments/moderation")
                    .then().statusCode(400)
                    .body("violations[0].field", equalTo("action"));
        }

        @Test
        void deletingACommentTakesItsRepliesAndTheCount() {
            String slug = discussed();
            String top = post(slug, comment("Top"));
            approve(top);
            Map<String, Object> reply = comment("Reply");
            reply.put("parentId", top);
            String child = post(slug, reply);
            approve(child);
            assertThat(commentCount(slug)).isEqualTo(2);
            asAdmin().when().delete("/api/v1/comments/" + top).then().statusCode(204);
            assertThat(commentCount(slug)).isZero();
            asAdmin().when().get("/api/v1/comments/" + child).then().statusCode(404);
        }

        @Test
        void theCountStaysExactUnderConcurrentPostsAndModeration() throws Exception {
            String slug = discussed();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> posted = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    int n = i;
                    posted.add(pool.submit(() -> post(slug, comment("Concurrent " + n))));
                }
                List<Future<?>> approvals = new ArrayList<>();
                for (Future<String> id : posted) {
                    String commentId = id.get();
                    approvals.add(pool.submit(() -> approve(commentId)));
                }
                for (Future<?> approval : approvals) {
                    approval.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(commentCount(slug)).isEqualTo(24);
        }
    }

    @Nested
    class Abuse {

        @Test
        void theHoneypotIsAcceptedSilentlyAsSpam() {
            String slug = discussed();
            Map<String, Object> body = comment("Buy now");
            body.put("website", "https://spam.example.org");
            String id = reader().body(body).when().post(comments(slug))
                    .then().statusCode(202)
                    .body("status", equalTo("pending"))
                    .extract().path("id");
            asAdmin().when().get("/api/v1/comments/" + id).then().body("status", equalTo("spam"));
        }

        @Test
        void oneAddressPostsAtMostItsShareThen429WithRetryAfter() {
            String slug = discussed();
            String address = randomAddress();
            for (int i = 0; i < 5; i++) {
                readerAt(address).body(comment("Burst " + i)).when().post(comments(slug)).then().statusCode(202);
            }
            readerAt(address).body(comment("One too many")).when().post(comments(slug))
                    .then().statusCode(429)
                    .contentType(PROBLEM_JSON)
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("urn:content-api:problem:rate-limited"));
            reader().body(comment("From elsewhere")).when().post(comments(slug)).then().statusCode(202);
        }

        @Test
        void oneEmailPostsAtMostItsShareFromAnyAddress() {
            String slug = discussed();
            Map<String, Object> body = comment("Same person");
            for (int i = 0; i < 3; i++) {
                reader().body(body).when().post(comments(slug)).then().statusCode(202);
            }
            String retry = reader().body(body).when().post(comments(slug))
                    .then().statusCode(429)
                    .extract().header("Retry-After");
            assertThat(Integer.parseInt(retry)).isBetween(1, 61);
        }

        @Test
        void storedXssIsImpossible() {
            String slug = discussed();
            List<String> payloads = List.of(
                    "<script>alert(1)</script>",
                    "<img src=x onerror=alert(1)>",
                    "<a href=\"javascript:alert(1)\">click</a>",
                    "<svg onload=alert(1)>",
                    "&lt;script&gt;alert(1)&lt;/script&gt;",
                    "\"><script>alert(document.cookie)</script>");
            for (String payload : payloads) {
                Map<String, Object> body = comment(payload);
                body.put("authorName", payload);
                String id = post(slug, body);
                approve(id);
                String escaped = org.jsoup.nodes.Entities.escape(payload);
                asAdmin().when().get("/api/v1/comments/" + id)
                        .then().statusCode(200)
                        .header("X-Content-Type-Options", equalTo("nosniff"))
                        .body("body", equalTo(payload))
                        .body("bodyHtml", equalTo("<p>" + escaped + "</p>\n"));
            }
            String html = anonymous().when().get(comments(slug)).then().extract().path("items.bodyHtml").toString();
            assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<svg")
                    .doesNotContain("<a ");
        }

        @Test
        void unicodeIsKeptAndControlCharactersDropped() {
            String slug = discussed();
            String text = "Emoji 👋🏽, RTL \u200Fשלום עולם\u200F, combining e\u0301 and \u0007bell\u0000.";
            Map<String, Object> body = comment(text);
            String id = post(slug, body);
            asAdmin().when().get("/api/v1/comments/" + id)
                    .then().body("body", equalTo("Emoji 👋🏽, RTL \u200Fשלום עולם\u200F, combining e\u0301 and bell."));
        }

        @Test
        void manyLinksAreHeldEvenWhenPostingIsOtherwiseFine() {
            String slug = discussed();
            String id = post(slug, comment("See https://a.example.org and https://b.example.org and www.c.example.org"));
            asAdmin().when().get("/api/v1/comments/" + id).then().body("status", equalTo("pending"));
        }
    }

    @Inject
    CommentService service;

    @Nested
    class Retention {

        @Test
        void addressesAreErasedAfterTheRetentionPeriod() {
            String slug = discussed();
            String id = post(slug, comment("Remember me not"));
            asAdmin().when().get("/api/v1/comments/" + id).then().body("ip", notNullValue());
            assertThat(service.forgetAddressesBefore(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);
            asAdmin().when().get("/api/v1/comments/" + id).then().body("ip", nullValue());
        }
    }
}
