package com.magazine.content.common;

import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.magazine.content.asset.TestImages;
import io.agroal.api.AgroalDataSource;
import com.magazine.content.support.AnotherInstance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What articles embed (bylines, images, quotations) is kept in memory between reads, and every change shows in the
 * next read all the same: made here, made by another instance, or an image's rights running out. Read as an editor,
 * whose answers the response cache never keeps, so that each read here is built afresh from what is in memory.
 */
@QuarkusTest
class EmbeddedInMemoryTest {

    private static final String ARTICLES = "/api/v1/articles/";

    @Inject
    AgroalDataSource database;

    @Test
    void anAuthorsRenameShowsInTheBylineOfTheNextRead() {
        String author = createAuthor(unique("Before Rename"));
        String slug = publishedArticle(article(unique("Bylined"), author));
        read(slug).body("authors[0].name", equalTo(nameOf(author)));
        read(slug);

        asAdmin().contentType("application/merge-patch+json").body(Map.of("name", "Renamed Writer"))
                .when().patch("/api/v1/authors/" + author).then().statusCode(200);

        read(slug).body("authors[0].name", equalTo("Renamed Writer"));
        asAdmin().queryParam("author", author).when().get("/api/v1/articles").then().statusCode(200)
                .body("items[0].authors[0].name", equalTo("Renamed Writer"));
    }

    @Test
    void aQuotationsNewWordsShowInTheArticlesThatQuoteIt() {
        String quotation = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("text", "First words.", "speaker", Map.of("name", unique("Speaker"))))
                .when().post("/api/v1/quotations").then().statusCode(201).extract().path("id");
        Map<String, Object> input = new HashMap<>(article(unique("Quoting"), createAuthor(unique("Quoter"))));
        input.put("body", List.of(Map.of("type", "quote", "quotationId", quotation)));
        String slug = publishedArticle(input);
        read(slug).body("body[0].quotation.text", equalTo("First words."));
        read(slug);

        asAdmin().contentType("application/merge-patch+json").body(Map.of("text", "Second thoughts."))
                .when().patch("/api/v1/quotations/" + quotation).then().statusCode(200);

        read(slug).body("body[0].quotation.text", equalTo("Second thoughts."));
    }

    @Test
    void anImagesNewAltTextShowsInTheArticleAndInItsAuthorsAvatar() {
        String image = image("The first description");
        String author = createAuthor(unique("Pictured"));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("avatar", Map.of("assetId", image)))
                .when().patch("/api/v1/authors/" + author).then().statusCode(200);
        Map<String, Object> input = new HashMap<>(article(unique("Illustrated"), author));
        input.put("image", Map.of("assetId", image));
        String slug = publishedArticle(input);
        read(slug).body("image.alt", equalTo("The first description"))
                .body("authors[0].avatar.alt", equalTo("The first description"));
        read(slug);

        asAdmin().contentType("application/merge-patch+json").body(Map.of("alt", "A better description"))
                .when().patch("/api/v1/assets/" + image).then().statusCode(200);

        read(slug).body("image.alt", equalTo("A better description"))
                .body("authors[0].avatar.alt", equalTo("A better description"));
    }

    @Test
    void anAvatarLeavesTheBylineWhenItsRightsRunOutWithNoChangeToPurgeIt() throws InterruptedException {
        String image = image("A portrait");
        Instant expiry = Instant.now().plusSeconds(4);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("rightsExpireAt", expiry.toString()))
                .when().patch("/api/v1/assets/" + image).then().statusCode(200);
        String author = createAuthor(unique("Licensed Portrait"));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("avatar", Map.of("assetId", image)))
                .when().patch("/api/v1/authors/" + author).then().statusCode(200);
        String slug = publishedArticle(article(unique("Portrayed"), author));
        read(slug).body("authors[0].avatar", notNullValue());
        read(slug).body("authors[0].avatar", notNullValue());

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis() + 50));

        read(slug).body("authors[0].avatar", nullValue());
    }

    @Test
    void aChangeAnotherInstanceMadeReachesTheBylinesFromTheChangeLog() throws Exception {
        String author = createAuthor(unique("Elsewhere"));
        String slug = publishedArticle(article(unique("Shared Database"), author));
        String id = asAdmin().when().get("/api/v1/authors/" + author).then().extract().path("id");
        read(slug).body("authors[0].location", equalTo(locationOf(author)));
        read(slug);

        AnotherInstance.relocateAuthor(database, id, author, "Tromsø");

        String location = null;
        for (int i = 0; i < 40 && !"Tromsø".equals(location); i++) {
            Thread.sleep(100);
            location = read(slug).extract().path("authors[0].location");
        }
        assertThat(location).isEqualTo("Tromsø");
    }

    private static io.restassured.response.ValidatableResponse read(String slug) {
        return asAdmin().when().get(ARTICLES + slug).then().statusCode(200);
    }

    private static String nameOf(String author) {
        return asAdmin().when().get("/api/v1/authors/" + author).then().extract().path("name");
    }

    private static String locationOf(String author) {
        return asAdmin().when().get("/api/v1/authors/" + author).then().extract().path("location");
    }

    private static String image(String alt) {
        return asAdmin().contentType("image/jpeg").queryParam("alt", alt)
                .body(TestImages.jpeg(320, 320, System.nanoTime()))
                .when().post("/api/v1/assets").then().statusCode(201).extract().path("id");
    }
}
