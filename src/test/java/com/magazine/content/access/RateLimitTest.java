package com.magazine.content.access;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.newKey;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static com.magazine.content.support.Api.offContract;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.limits.anonymous-per-minute", "5", "content.limits.key-per-minute", "8");
        }
    }

    @Test
    void anonymousReadersGetTheLowerLimitPerAddress() {
        String address = "10.77.0.1";
        for (int i = 0; i < 5; i++) {
            anonymous().header("X-Forwarded-For", address).when().get("/api/v1/authors")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", equalTo("5"))
                    .header("RateLimit-Remaining", equalTo(String.valueOf(4 - i)))
                    .header("RateLimit-Reset", notNullValue());
        }
        String retry = anonymous().header("X-Forwarded-For", address).when().get("/api/v1/authors")
                .then().statusCode(429)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:rate-limited"))
                .header("RateLimit-Remaining", equalTo("0"))
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retry)).isBetween(1, 60);
        anonymous().header("X-Forwarded-For", "10.77.0.2").when().get("/api/v1/authors").then().statusCode(200);
    }

    @Test
    void partnerKeysGetTheirOwnHigherLimitAndEditorsNone() {
        String partner = newKey("partner", null);
        for (int i = 0; i < 8; i++) {
            withKey(partner).header("X-Forwarded-For", "10.77.1.1").when().get("/api/v1/authors")
                    .then().statusCode(200).header("RateLimit-Limit", equalTo("8"));
        }
        withKey(partner).header("X-Forwarded-For", "10.77.1.2").when().get("/api/v1/authors")
                .then().statusCode(429).header("Retry-After", notNullValue());
        for (int i = 0; i < 12; i++) {
            asAdmin().header("X-Forwarded-For", "10.77.1.1").when().get("/api/v1/authors").then().statusCode(200);
        }
    }

    @Inject
    EntityManagerFactory entityManagerFactory;

    /** Limits count in fixed minutes: a test starts early in one, so that its requests fall in the same window. */
    @org.junit.jupiter.api.BeforeEach
    void startEarlyInAWindow() throws InterruptedException {
        long second = System.currentTimeMillis() / 1000 % 60;
        if (second > 40) {
            Thread.sleep((61 - second) * 1000);
        }
    }

    @Test
    void madeUpKeysCountAgainstTheAddressAndAreLimitedLikeNoKey() {
        String address = "10.77.2.1";
        for (int i = 0; i < 5; i++) {
            offContract().header("Authorization", "Bearer cak_" + "x".repeat(40) + i)
                    .header("X-Forwarded-For", address).when().get("/api/v1/authors")
                    .then().statusCode(401).contentType(PROBLEM_JSON)
                    .header("RateLimit-Remaining", equalTo(String.valueOf(4 - i)));
        }
        offContract().header("Authorization", "Bearer cak_junk").header("X-Forwarded-For", address)
                .when().get("/api/v1/authors")
                .then().statusCode(429).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:rate-limited"))
                .header("Retry-After", notNullValue());
        anonymous().header("X-Forwarded-For", address).when().get("/api/v1/authors").then().statusCode(429);
    }

    @Test
    void madeUpKeysCostNoQueryOnceKnownOrOnceTheBudgetIsSpent() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        String junk = "Bearer cak_" + "Q".repeat(43);
        offContract().header("Authorization", junk).header("X-Forwarded-For", "10.77.3.1")
                .when().get("/api/v1/authors/nobody-at-all").then().statusCode(401);
        // background jobs (webhooks, announcements, the cache's change-log poll) query too: the least of a few runs
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 5 && least > 0; run++) {
            statistics.clear();
            offContract().header("Authorization", junk).header("X-Forwarded-For", "10.77.3." + (10 + run))
                    .when().get("/api/v1/authors/nobody-at-all").then().statusCode(401);
            offContract().header("Authorization", "Bearer not-even-a-key")
                    .header("X-Forwarded-For", "10.77.3." + (20 + run)).when().get("/api/v1/authors/nobody-at-all").then().statusCode(401);
            least = Math.min(least, statistics.getPrepareStatementCount());
        }
        assertThat(least).as("statements for known-bad keys").isZero();

        for (int i = 0; i < 5; i++) {
            offContract().header("Authorization", junk).header("X-Forwarded-For", "10.77.3.2")
                    .when().get("/api/v1/authors/nobody-at-all").then().statusCode(401);
        }
        least = Long.MAX_VALUE;
        for (int run = 0; run < 5 && least > 0; run++) {
            statistics.clear();
            offContract().header("Authorization", "Bearer cak_" + "Z".repeat(42) + run)
                    .header("X-Forwarded-For", "10.77.3.2").when().get("/api/v1/authors/nobody-at-all")
                    .then().statusCode(429);
            least = Math.min(least, statistics.getPrepareStatementCount());
        }
        assertThat(least).as("statements for fresh keys over the limit").isZero();
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndThenCountsAgainstItsAddress() {
        var created = asAdmin().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "to revoke", "role", "partner"))
                .when().post("/api/v1/keys").then().statusCode(201).extract().response();
        String secret = created.path("secret");
        withKey(secret).header("X-Forwarded-For", "10.77.4.1").when().get("/api/v1/authors").then().statusCode(200);
        asAdmin().when().delete("/api/v1/keys/" + created.path("key.id")).then().statusCode(204);
        for (int i = 0; i < 5; i++) {
            offContract().header("Authorization", "Bearer " + secret).header("X-Forwarded-For", "10.77.4.1")
                    .when().get("/api/v1/authors").then().statusCode(401);
        }
        offContract().header("Authorization", "Bearer " + secret).header("X-Forwarded-For", "10.77.4.1")
                .when().get("/api/v1/authors").then().statusCode(429);
    }

    @Test
    void behindTrustedProxiesTheAddressIsReadFromTheRightSoClientsCannotPickAFreshOne() {
        for (int i = 0; i < 5; i++) {
            anonymous().header("X-Forwarded-For", "203.0.113." + i + ", 10.77.5.1")
                    .when().get("/api/v1/authors").then().statusCode(200);
        }
        anonymous().header("X-Forwarded-For", "203.0.113.99, 10.77.5.1")
                .when().get("/api/v1/authors").then().statusCode(429);
        anonymous().header("X-Forwarded-For", "10.77.5.2").when().get("/api/v1/authors").then().statusCode(200);
    }
}
