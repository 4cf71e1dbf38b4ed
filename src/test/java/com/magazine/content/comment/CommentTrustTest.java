package com.magazine.content.comment;

import static com.magazine.content.comment.Comments.approve;
import static com.magazine.content.comment.Comments.comment;
import static com.magazine.content.comment.Comments.reader;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With auto-approval of known commenters switched on. */
@QuarkusTest
@TestProfile(CommentTrustTest.TrustKnownCommenters.class)
class CommentTrustTest {

    public static class TrustKnownCommenters implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.comments.auto-approve-known-commenters", "true");
        }
    }

    @Test
    void aCommenterApprovedBeforeIsApprovedAtOnceUnlessTheyPostManyLinks() {
        String slug = publishedArticle(article(unique("Trusted"), createAuthor(unique("Trusting"))));
        Map<String, Object> first = comment("First time here.");
        String id = reader().body(first).when().post("/api/v1/articles/" + slug + "/comments")
                .then().statusCode(202).body("status", equalTo("pending")).extract().path("id");
        approve(id);

        Map<String, Object> again = comment("Back again.");
        again.put("authorEmail", first.get("authorEmail").toString().toUpperCase());
        reader().body(again).when().post("/api/v1/articles/" + slug + "/comments")
                .then().statusCode(202).body("status", equalTo("approved"));

        Map<String, Object> links = comment("https://a.example.org https://b.example.org https://c.example.org");
        links.put("authorEmail", first.get("authorEmail"));
        reader().body(links).when().post("/api/v1/articles/" + slug + "/comments")
                .then().statusCode(202).body("status", equalTo("pending"));
    }
}
