package com.magazine.content.comment;

import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.asAdmin;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** What the comment tests say often. */
final class Comments {

    private Comments() {
    }

    /** A reader at an address of their own (the tests run behind a trusted proxy, as production may). */
    static RequestSpecification reader() {
        return readerAt(randomAddress());
    }

    static RequestSpecification readerAt(String address) {
        return anonymous().header("X-Forwarded-For", address).contentType(ContentType.JSON);
    }

    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static Map<String, Object> comment(String body) {
        Map<String, Object> comment = new HashMap<>();
        comment.put("authorName", "Jo Marsh");
        comment.put("authorEmail", "jo." + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@example.org");
        comment.put("body", body);
        return comment;
    }

    static String post(String slug, Map<String, Object> comment) {
        return reader().body(comment).when().post("/api/v1/articles/" + slug + "/comments")
                .then().statusCode(202).extract().path("id");
    }

    static void approve(String id) {
        asAdmin().when().post("/api/v1/comments/" + id + "/approve").then().statusCode(200);
    }

    static int commentCount(String slug) {
        return anonymous().queryParam("fields", "commentCount").when().get("/api/v1/articles/" + slug)
                .then().statusCode(200).extract().path("commentCount");
    }
}
