package com.magazine.content.article;

import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.asset.TestImages;
import com.magazine.content.support.Api;
import com.magazine.content.support.Costed;
import com.magazine.content.support.StatementCounter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One article, and what hangs off it, costs the same SQL statements however many authors, tags, images, quotations,
 * contributors, corrections, revisions or previews it has: no query per related row.
 */
@QuarkusTest
class ArticleReadCostTest {

    private static final String ARTICLES = "/api/v1/articles/";

    @Inject
    StatementCounter counter;

    @Inject
    AgroalDataSource database;

    @Test
    @Costed("/api/v1/articles/{slug}")
    void anArticleCostsTheSameWithOneOrThreeOfEverything() {
        String one = articleWith(1);
        String three = articleWith(3);
        String bare = publishedArticle(article(unique("Bare"), createAuthor(unique("Alone"))));
        long ofOne = counter.get(ARTICLES + one);
        long ofThree = counter.get(ARTICLES + three);
        long ofBare = counter.get(ARTICLES + bare);
        // the article by its slug with its bylines, tags and body (contributors, corrections and lead image are
        // columns of its row), in one statement; the authors of bylines and contributors; the quotations it cites;
        // the assets of its images; and the two horizons of the response cache (the next scheduled article, the next
        // image whose rights expire)
        assertThat(ofThree).isEqualTo(ofOne).isEqualTo(6);
        // without images or quotations, their statements are not made
        assertThat(ofBare).isEqualTo(4);
    }

    @Test
    void aReadAfterTheFirstFindsWhatTheArticleEmbedsInMemory() {
        String three = articleWith(3);
        // the article by its slug, with its bylines, tags and body, and the two horizons: its authors, its images and
        // the quotations it cites are kept in memory since the first read (EmbeddedInMemoryTest: kept true)
        assertThat(counter.warm(ARTICLES + three)).isEqualTo(3);
    }

    @Test
    @Costed("/api/v1/articles/{slug}/json-ld")
    void itsJsonLdCostsTheSameWithOneOrThreeOfEverything() {
        String one = articleWith(1);
        String three = articleWith(3);
        long ofOne = counter.get(jsonLd(), ARTICLES + one + "/json-ld");
        long ofThree = counter.get(jsonLd(), ARTICLES + three + "/json-ld");
        // as the article itself
        assertThat(ofThree).isEqualTo(ofOne).isEqualTo(6);
    }

    @Test
    @Costed("/api/v1/articles/{slug}/quotations")
    void theQuotationsItCitesCostTheSameHowEverManyThereAre() {
        String one = articleWith(1);
        String three = articleWith(3);
        long ofOne = counter.get(ARTICLES + one + "/quotations");
        long ofThree = counter.get(ARTICLES + three + "/quotations");
        // the article by its slug; which quotations it cites; those quotations; the articles that cite them; the two
        // horizons
        assertThat(ofThree).isEqualTo(ofOne).isEqualTo(6);
    }

    @Test
    @Costed({"/api/v1/articles/{slug}/revisions", "/api/v1/articles/{slug}/revisions/{number}"})
    void aPageOfRevisionsCostsTheSameWhateverItsSize() {
        String slug = articleWith(3);
        for (int i = 0; i < 22; i++) {
            asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "Version " + i))
                    .when().patch(ARTICLES + slug).then().statusCode(200);
        }
        long two = counter.get(Api::asAdmin, ARTICLES + slug + "/revisions?limit=2");
        long twenty = counter.get(Api::asAdmin, ARTICLES + slug + "/revisions?limit=20");
        // the article by its slug; the page of revisions
        assertThat(twenty).isEqualTo(two).isEqualTo(2);
        // the article by its slug; the revision
        assertThat(counter.get(Api::asAdmin, ARTICLES + slug + "/revisions/3")).isEqualTo(2);
    }

    @Test
    @Costed("/api/v1/articles/{slug}/previews")
    void itsPreviewsCostTheSameHowEverManyThereAre() {
        String few = articleWith(1);
        String many = articleWith(1);
        for (int i = 0; i < 12; i++) {
            preview(many);
        }
        preview(few);
        long ofOne = counter.get(Api::asAdmin, ARTICLES + few + "/previews");
        long ofTwelve = counter.get(Api::asAdmin, ARTICLES + many + "/previews");
        // the article by its slug; its previews
        assertThat(ofTwelve).isEqualTo(ofOne).isEqualTo(2);
    }

    @Test
    @Costed("/api/v1/redirects")
    void anOldAddressCostsAConstantNumberOfStatements() throws SQLException {
        String slug = articleWith(3);
        String path = "/" + unique("old") + "/" + slug + "/";
        String id = asAdmin().when().get(ARTICLES + slug).then().statusCode(200).extract().path("id");
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(
                "insert into article_legacy_path (path, article_id) values (?, cast(? as uuid))")) {
            statement.setString(1, path);
            statement.setString(2, id);
            statement.executeUpdate();
        }
        // the old address; its article; the two horizons
        assertThat(counter.get("/api/v1/redirects?path=" + path)).isEqualTo(4);
    }

    /**
     * A published article with {@code n} authors, tags, contributors, images in its body (and a lead image),
     * quotations cited from {@code n} speakers and corrections.
     */
    static String articleWith(int n) {
        List<String> authors = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<Object> contributors = new ArrayList<>();
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "paragraph", "text", "An argument, with pictures and the words of others."));
        for (int i = 0; i < n; i++) {
            authors.add(createAuthor(unique("Writer")));
            tags.add(unique("Topic"));
            contributors.add(Map.of("role", "photographer", "author", createAuthor(unique("Photographer"))));
            blocks.add(Map.of("type", "image", "assetId", image()));
            blocks.add(Map.of("type", "quote", "quotationId", quotation()));
        }
        Map<String, Object> body = new HashMap<>(article(unique("Everything"), authors.toArray(String[]::new)));
        body.put("tags", tags);
        body.put("contributors", contributors);
        body.put("body", blocks);
        body.put("image", Map.of("assetId", image(), "caption", "The quay at first light"));
        String slug = publishedArticle(body);
        for (int i = 0; i < n; i++) {
            asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("type", "correction", "text", "An earlier version misspelt a name (" + i + ")."))
                    .when().post(ARTICLES + slug + "/corrections").then().statusCode(200);
        }
        return slug;
    }

    static String image() {
        return asAdmin().contentType("image/jpeg").queryParam("alt", "A view")
                .body(TestImages.jpeg(80, 60, System.nanoTime()))
                .when().post("/api/v1/assets").then().statusCode(201).extract().path("id");
    }

    static String quotation() {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("text", "The window for an agreement may not stay open for long.",
                        "speaker", Map.of("name", unique("Envoy"), "description", "envoy"),
                        "source", Map.of("title", "The Narrowing Window", "kind", "article")))
                .when().post("/api/v1/quotations").then().statusCode(201).extract().path("id");
    }

    private static void preview(String slug) {
        asAdmin().contentType(ContentType.JSON).body(Map.of()).when().post(ARTICLES + slug + "/previews")
                .then().statusCode(201);
    }

    private static java.util.function.Supplier<io.restassured.specification.RequestSpecification> jsonLd() {
        return () -> given().accept("application/ld+json, application/problem+json");
    }
}
