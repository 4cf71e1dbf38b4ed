package com.magazine.content.common;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.platform;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators and browsers see of the service: metrics, request ids, CORS for tracing headers. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void metricsArePrometheusTextTaggedByRouteTemplateNeverByRawPath() {
        String slug = publishedArticle(article(unique("Metered"), createAuthor(unique("Metered Writer"))));
        anonymous().when().get("/api/v1/articles/" + slug).then().statusCode(200);
        anonymous().when().get("/api/v1/articles/" + slug).then().statusCode(200); // from the response cache
        offContract().when().get("/api/v1/articles/" + unique("missing")).then().statusCode(404);
        String metrics = platform().when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(containsString("text"))
                .extract().asString();
        assertThat(metrics).contains("uri=\"/api/v1/articles/{slug}\"")
                .doesNotContain(slug)
                .doesNotContain("missing-")
                .contains("http_server_requests_seconds_count")
                .contains("content_response_cache_requests_total{result=\"hit\"}")
                .contains("content_response_cache_purges_total")
                .contains("content_change_log_lag_seconds")
                .contains("content_kept_in_memory_entries{kind=\"authors\"}")
                .contains("content_kept_in_memory_reads_total{kind=\"assets\",result=\"miss\"}")
                .contains("content_kept_in_memory_reads_total{kind=\"quotations\",result=\"hit\"}")
                .contains("content_webhook_backlog")
                .contains("agroal_active_count")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void aSaneRequestIdIsEchoedAndNamedInProblemsOtherwiseOneIsMade() {
        offContract().header("X-Request-Id", "edge-7f3a9c.42").when().get("/api/v1/authors/" + unique("nobody"))
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .header("X-Request-Id", equalTo("edge-7f3a9c.42"))
                .body("requestId", equalTo("edge-7f3a9c.42"));
        anonymous().header("X-Request-Id", "<script>alert(1)</script>").when().get("/api/v1/authors")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        anonymous().when().get("/api/v1/authors").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void browsersMaySendTraceContextAndReadRateLimitsAndRequestIds() {
        platform().header("Origin", "https://www.magazine.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "traceparent,tracestate,x-request-id")
                .when().options("/api/v1/articles")
                .then().statusCode(200)
                .header("Access-Control-Allow-Headers", containsString("traceparent"))
                .header("Access-Control-Allow-Headers", containsString("tracestate"));
        anonymous().header("Origin", "https://www.magazine.example").when().get("/api/v1/authors")
                .then().statusCode(200)
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }
}
