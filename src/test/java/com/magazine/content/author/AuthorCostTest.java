package com.magazine.content.author;

import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.author;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.asset.TestImages;
import com.magazine.content.support.Costed;
import com.magazine.content.support.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authors, one or a page of them, cost the same SQL statements whatever the page's size and however many articles. */
@QuarkusTest
class AuthorCostTest {

    @Inject
    StatementCounter counter;

    @Test
    @Costed("/api/v1/authors")
    void aPageOfAuthorsWithAvatarsCostsTheSameWhateverItsSize() {
        for (int i = 0; i < 22; i++) {
            String slug = pictured(unique("Listed"));
            publishedArticle(article(unique("Listed Piece"), slug));
        }
        long two = counter.get("/api/v1/authors?limit=2");
        long twenty = counter.get("/api/v1/authors?limit=20");
        // the page of authors (their avatars are kept on their rows); the two horizons of the response cache
        assertThat(twenty).isEqualTo(two).isEqualTo(3);
    }

    @Test
    @Costed("/api/v1/authors/{slug}")
    void anAuthorCostsTheSameHowEverManyArticlesTheyWrote() {
        String few = pictured(unique("Occasional"));
        String many = pictured(unique("Prolific"));
        publishedArticle(article(unique("Once"), few));
        for (int i = 0; i < 12; i++) {
            publishedArticle(article(unique("Again"), many, createAuthor(unique("Co"))));
        }
        long ofOne = counter.get("/api/v1/authors/" + few);
        long ofTwelve = counter.get("/api/v1/authors/" + many);
        // the author by their slug; their avatar's asset; the two horizons
        assertThat(ofTwelve).isEqualTo(ofOne).isEqualTo(4);
    }

    /** An author with an avatar, made through the API; answers the slug. */
    private static String pictured(String name) {
        String picture = asAdmin().contentType("image/jpeg").queryParam("alt", "A portrait")
                .body(TestImages.jpeg(90, 90, System.nanoTime()))
                .when().post("/api/v1/assets").then().statusCode(201).extract().path("id");
        Map<String, Object> input = new HashMap<>(author(name));
        input.put("avatar", Map.of("assetId", picture));
        return asAdmin().contentType(ContentType.JSON).body(input).when().post("/api/v1/authors")
                .then().statusCode(201).extract().path("slug");
    }
}
