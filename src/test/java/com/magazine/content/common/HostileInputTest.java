package com.magazine.content.common;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createArticle;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.offContractAsAdmin;
import static com.magazine.content.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input an outside fuzzing run found answered 5xx (or not as a problem): each now a 4xx problem, or ignored. */
@QuarkusTest
class HostileInputTest {

    @Test
    void publishingWithANullBodyAnswers400() {
        String slug = createArticle(article(unique("Null publish"), createAuthor(unique("Null Writer"))));
        offContractAsAdmin().contentType(ContentType.JSON).body("null")
                .when().post("/api/v1/articles/" + slug + "/publish")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:malformed-json"));
    }

    @Test
    void publishingAtAnInstantTheDatabaseCannotHoldAnswers400NamingAt() {
        String slug = createArticle(article(unique("Far future"), createAuthor(unique("Far Writer"))));
        offContractAsAdmin().contentType(ContentType.JSON).body("{\"at\":\"+999999999-12-31T23:59:59Z\"}")
                .when().post("/api/v1/articles/" + slug + "/publish")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("at"));
        offContract().queryParam("publishedAfter", "+999999999-12-31T23:59:59Z").when().get("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("publishedAfter"));
    }

    @Test
    void anIfModifiedSinceThatIsNoDateIsIgnored() {
        String author = createAuthor(unique("Dated Writer"));
        offContract().header("If-Modified-Since", "yesterday").when().get("/api/v1/authors/" + author)
                .then().statusCode(200);
        offContract().header("If-Modified-Since", "yesterday").when().get("/api/v1/authors")
                .then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/articles?q=a%00b", "/api/v1/articles?author=a%00b",
            "/api/v1/quotations?article=a%00b", "/api/v1/quotations?speaker=a%00b", "/api/v1/articles/a%00b",
            "/api/v1/authors/a%00b/articles"})
    void aNulInTheUrlAnswers400(String url) {
        offContract().urlEncodingEnabled(false).when().get(url)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].message", containsString("NUL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%25b", "a%20b", "a%5Cb", "a%0D%0Ab", "a%0Ab"})
    void charactersAUriCannotHoldInAnIdStillAnswerAProblem(String id) {
        offContract().urlEncodingEnabled(false).when().get("/api/v1/quotations/" + id)
                .then().statusCode(404).contentType(PROBLEM_JSON);
        offContract().urlEncodingEnabled(false).when().get("/api/v1/comments/" + id)
                .then().statusCode(401).contentType(PROBLEM_JSON);
        offContract().urlEncodingEnabled(false).when().get("/api/v1/authors/" + id)
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1e3", "99999999999", "-99999999999", "2.5"})
    void aLimitThatIsNoIntegerAnswers400NamingIt(String limit) {
        offContract().queryParam("limit", limit).when().get("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("limit"))
                .body("violations[0].in", equalTo("query"));
    }

    @Test
    void aChunkedBodyOverTheLimitAnswers413Problem() {
        byte[] big = ("{\"name\":\"" + "a".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        offContractAsAdmin().contentType(ContentType.JSON).body(new ByteArrayInputStream(big))
                .when().post("/api/v1/authors")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:body-too-large"));
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() {
        byte[] body = "{\"name\":\"Chunked Writer\"}".getBytes(StandardCharsets.UTF_8);
        offContractAsAdmin().contentType(ContentType.JSON).body(new ByteArrayInputStream(body))
                .when().post("/api/v1/authors")
                .then().statusCode(201);
    }

    @Test
    void aUrlOver8KbAnswers414Problem() {
        offContract().queryParam("q", "a".repeat(9000)).when().get("/api/v1/articles")
                .then().statusCode(414).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:uri-too-long"));
    }

    @Test
    void jsonWithADuplicateMemberOrTrailingGarbageAnswers400() {
        offContractAsAdmin().contentType(ContentType.JSON).body("{\"name\":\"Dup Licate\",\"name\":\"Other\"}")
                .when().post("/api/v1/authors")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:malformed-json"))
                .body("detail", containsString("twice"));
        offContractAsAdmin().contentType(ContentType.JSON).body("{\"name\":\"Trailing Garbage\"} y")
                .when().post("/api/v1/authors")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:malformed-json"));
    }
}
