package com.magazine.content.common;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;

import com.magazine.content.common.paging.Cursors;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A cursor signed with the right secret but carrying an instant the database cannot compare (as one forged with a
 * leaked secret could): a 400 problem, never a 500.
 */
@QuarkusTest
class ForgedCursorTest {

    @Inject
    Cursors cursors;

    @Test
    void aSignedCursorWithAnExtremeInstantAnswers400() {
        String slug = publishedArticle(article(unique("Cursor Target"), createAuthor(unique("Cursor Writer"))));
        String articleId = anonymous().when().get("/api/v1/articles/" + slug).then().extract().path("id");
        for (String instant : new String[] {"+1000000000-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z", "not-an-instant"}) {
            String forged = cursors.encode("comments:" + articleId, instant, UUID.randomUUID().toString());
            anonymous().queryParam("cursor", forged).when().get("/api/v1/articles/" + slug + "/comments")
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:content-api:problem:invalid-cursor"));
        }
    }
}
