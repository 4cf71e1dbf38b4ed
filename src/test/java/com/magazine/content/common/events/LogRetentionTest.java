package com.magazine.content.common.events;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The change log and webhook deliveries are pruned past their retention, and a partner whose cursor points into what
 * was pruned is told to resync (410), never served a feed with a silent gap.
 */
@QuarkusTest
class LogRetentionTest {

    @Inject
    LogRetention retention;

    @Inject
    ChangeLog log;

    @Test
    void aCursorFromBeforeWhatIsKeptAnswers410AndTheFeedGoesOnFromItsStart() {
        publishedArticle(article(unique("Soon Forgotten"), createAuthor(unique("Forgotten Writer"))));
        String early = anonymous().queryParam("limit", 1).when().get("/api/v1/changes")
                .then().statusCode(200).extract().path("next");

        // everything recorded until now is past a retention that ended now
        int[] pruned = retention.prune(Instant.now().plus(Duration.ofDays(30)).plusSeconds(1));
        assertThat(pruned[0]).isPositive();
        assertThat(log.prunedUpTo()).isPositive();

        anonymous().queryParam("since", early).when().get("/api/v1/changes")
                .then().statusCode(410).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:changes-expired"))
                .body("status", equalTo(410));

        String start = anonymous().queryParam("limit", 1000).when().get("/api/v1/changes")
                .then().statusCode(200).extract().path("next");
        String slug = publishedArticle(article(unique("Remembered"), createAuthor(unique("Remembered Writer"))));
        anonymous().queryParam("since", start).queryParam("limit", 1000).when().get("/api/v1/changes")
                .then().statusCode(200).body("items.slug", hasItem(slug));
    }
}
