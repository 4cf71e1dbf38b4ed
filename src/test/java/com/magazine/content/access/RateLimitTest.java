package com.magazine.content.access;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.newKey;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
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
}
