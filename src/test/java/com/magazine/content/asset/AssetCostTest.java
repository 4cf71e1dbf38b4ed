package com.magazine.content.asset;

import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.author;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.support.Api;
import com.magazine.content.support.Costed;
import com.magazine.content.support.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Assets, one or a page of them, cost the same SQL statements whatever the page's size and however many articles and
 * authors show them; a rendition is served from memory.
 */
@QuarkusTest
class AssetCostTest {

    @Inject
    StatementCounter counter;

    @Test
    @Costed("/api/v1/assets")
    void aPageOfAssetsInUseCostsTheSameWhateverItsSize() {
        for (int i = 0; i < 22; i++) {
            String picture = upload().path("id");
            showIn(picture);
        }
        long two = counter.get(Api::asAdmin, "/api/v1/assets?limit=2");
        long twenty = counter.get(Api::asAdmin, "/api/v1/assets?limit=20");
        // the page of assets; the articles that show them; the authors that show them
        assertThat(twenty).isEqualTo(two).isEqualTo(3);
    }

    @Test
    @Costed("/api/v1/assets/{id}")
    void anAssetCostsTheSameHowEverManyArticlesShowIt() {
        String once = upload().path("id");
        String often = upload().path("id");
        showIn(once);
        for (int i = 0; i < 6; i++) {
            showIn(often);
        }
        long ofOne = counter.get(Api::asAdmin, "/api/v1/assets/" + once);
        long ofSix = counter.get(Api::asAdmin, "/api/v1/assets/" + often);
        // the asset; the articles that show it; the authors that show it
        assertThat(ofSix).isEqualTo(ofOne).isEqualTo(3);
    }

    @Test
    @Costed({"/media/{id}/{tag}/{file}", "/media/{id}/{tag}/{crop}/{file}"})
    void aRenditionIsServedWithoutAStatementOnceItsAssetIsKnown() {
        Response uploaded = upload();
        String src = URI.create(uploaded.path("image.src")).getPath();
        String crop = URI.create(uploaded.<String>path("image.crops.'1x1'.src")).getPath();
        // what serving needs of the asset is kept in memory (AssetLookups): no statement once it has been asked
        assertThat(counter.warm(AssetCostTest::browser, src)).isZero();
        assertThat(counter.warm(AssetCostTest::browser, crop)).isZero();
        // and one, for the asset, when it is not in memory (after a change to it, say)
        assertThat(counter.get(AssetCostTest::browser, src)).isEqualTo(1);
    }

    private static Response upload() {
        Response created = asAdmin().contentType("image/jpeg").queryParam("alt", "A view")
                .body(TestImages.jpeg(80, 60, System.nanoTime())).when().post("/api/v1/assets");
        created.then().statusCode(201);
        return created;
    }

    /** Shows the picture in an article's body and as its lead image, and as an author's avatar. */
    private static void showIn(String picture) {
        Map<String, Object> body = new HashMap<>(article(unique("Pictured"), createAuthor(unique("Photographed"))));
        body.put("image", Map.of("assetId", picture));
        body.put("body", List.of(Map.of("type", "image", "assetId", picture)));
        publishedArticle(body);
        Map<String, Object> input = new HashMap<>(author(unique("Portrayed")));
        input.put("avatar", Map.of("assetId", picture));
        asAdmin().contentType(ContentType.JSON).body(input).when().post("/api/v1/authors").then().statusCode(201);
    }

    private static io.restassured.specification.RequestSpecification browser() {
        return RestAssured.given().accept("image/avif,image/webp,image/*,*/*;q=0.8");
    }
}
