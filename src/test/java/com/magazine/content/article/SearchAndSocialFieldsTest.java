package com.magazine.content.article;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The search and social card fields: always complete, from the overrides where given and the article otherwise, so
 * that a frontend fills its head (title, description, canonical, robots, Open Graph, X cards) from one object.
 */
@QuarkusTest
class SearchAndSocialFieldsTest {

    private static final String API_URL = "http://localhost:8080";

    private static String picture(int width, int height, String alt) {
        return asAdmin().contentType("image/jpeg").queryParam("alt", alt)
                .body(com.magazine.content.asset.TestImages.jpeg(width, height, System.nanoTime()))
                .when().post("/api/v1/assets").then().statusCode(201).extract().path("id");
    }

    @Test
    void withoutOverridesEverythingFallsBackToTheArticle() {
        Map<String, Object> input = article(unique("Plain Headline"), createAuthor(unique("Plain")));
        String slug = publishedArticle(input);
        anonymous().when().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("seo.title", equalTo(input.get("title")))
                .body("seo.description", equalTo("What the piece argues, in two lines."))
                .body("seo.canonicalUrl", equalTo("https://magazine.example/" + slug))
                .body("seo.noindex", equalTo(false))
                .body("social.title", equalTo(input.get("title")))
                .body("social.description", equalTo("What the piece argues, in two lines."))
                .body("social.url", equalTo("https://magazine.example/" + slug))
                .body("social.image", nullValue());
    }

    @Test
    void theCardTakesTheLeadImageCroppedTo1200By630() throws Exception {
        String lead = picture(2000, 1400, "A pilot boat leaving the harbour");
        Map<String, Object> input = article(unique("Pictured Headline"), createAuthor(unique("Carded")));
        input.put("image", Map.of("assetId", lead));
        String slug = publishedArticle(input);
        Response read = anonymous().when().get("/api/v1/articles/" + slug);
        read.then().statusCode(200)
                .body("social.image.width", equalTo(1200))
                .body("social.image.height", equalTo(630))
                .body("social.image.type", equalTo("image/jpeg"))
                .body("social.image.alt", equalTo("A pilot boat leaving the harbour"));
        String url = read.path("social.image.url");
        assertThat(url).startsWith(API_URL + "/media/" + lead + "/").endsWith("/40x21/1200.jpg");
        byte[] card = RestAssured.given().accept("image/*").when().get(url.substring(API_URL.length()))
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(card));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
    }

    @Test
    void overridesWinAndNoindexKeepsItOutOfTheSitemaps() {
        String author = createAuthor(unique("Tuned"));
        String card = picture(1300, 700, "Harbour cranes at dusk");
        Map<String, Object> input = article(unique("Tuned Headline"), author);
        Map<String, Object> seo = new HashMap<>();
        seo.put("title", "Tuned for search");
        seo.put("description", "A description for search engines.");
        seo.put("canonicalUrl", "https://partner.example/original");
        seo.put("noindex", true);
        input.put("seo", seo);
        input.put("social", Map.of("title", "Tuned for sharing", "image", Map.of("assetId", card)));
        String hidden = publishedArticle(input);
        String shown = publishedArticle(article(unique("Indexed Headline"), author));
        anonymous().when().get("/api/v1/articles/" + hidden).then().statusCode(200)
                .body("seo.title", equalTo("Tuned for search"))
                .body("seo.canonicalUrl", equalTo("https://partner.example/original"))
                .body("seo.noindex", equalTo(true))
                .body("social.title", equalTo("Tuned for sharing"))
                .body("social.description", equalTo("A description for search engines."))
                .body("social.url", equalTo("https://partner.example/original"))
                .body("social.image.width", equalTo(1200))
                .body("social.image.alt", equalTo("Harbour cranes at dusk"));
        String news = RestAssured.given().accept("application/xml").when().get("/sitemaps/news.xml")
                .then().statusCode(200).extract().asString();
        assertThat(news).contains("https://magazine.example/" + shown).doesNotContain(hidden)
                .doesNotContain("partner.example");
        // the overrides are part of the article as written: a merge patch clears one
        Map<String, Object> clear = new HashMap<>();
        clear.put("seo", null);
        asAdmin().contentType("application/merge-patch+json").body(clear).when().patch("/api/v1/articles/" + hidden)
                .then().statusCode(200).body("seo.noindex", equalTo(false))
                .body("seo.title", equalTo(input.get("title")));
    }

    @Test
    void badOverridesAreRefusedNamingTheField() {
        Map<String, Object> input = article(unique("Badly Tuned"), createAuthor(unique("Careless Tuner")));
        input.put("seo", Map.of("canonicalUrl", "javascript:alert(1)"));
        asAdmin().contentType(ContentType.JSON).body(input).when().post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem("seo.canonicalUrl"));
        input.put("seo", Map.of("title", "Fine"));
        input.put("social", Map.of("image", Map.of("assetId", "01936f2e-7c1a-7d3e-9b1a-3c5d7e9f1a2b")));
        asAdmin().contentType(ContentType.JSON).body(input).when().post("/api/v1/articles")
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("social.image.assetId"));
    }
}
