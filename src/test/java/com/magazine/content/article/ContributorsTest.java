package com.magazine.content.article;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Credits beside the byline: people credited with a role, one of our authors or a free name, shown in the article,
 * its JSON-LD and its feeds, and listed by contributor and role.
 */
@io.quarkus.test.junit.QuarkusTest
class ContributorsTest {

    private static final String ARTICLES = "/api/v1/articles";

    @Test
    void creditsAreShownInOrderInTheArticleJsonLdAndFeeds() throws Exception {
        String writer = createAuthor(unique("Bylined"));
        String photographer = createAuthor(unique("Lens"));
        Map<String, Object> input = article(unique("Credited Piece"), writer);
        String tag = unique("Credits");
        input.put("tags", List.of(tag));
        input.put("contributors", List.of(
                Map.of("role", "photographer", "author", photographer),
                Map.of("role", "translator", "name", "Ines Marlow"),
                Map.of("role", "editor", "name", "  Ruth   Okafor ")));
        String slug = publishedArticle(input);
        String photographerName = anonymous().when().get("/api/v1/authors/" + photographer).then().extract()
                .path("name");

        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .body("authors.slug", contains(writer))
                .body("contributors.role", contains("photographer", "translator", "editor"))
                .body("contributors.name", contains(photographerName, "Ines Marlow", "Ruth Okafor"))
                .body("contributors[0].author", equalTo(photographer))
                .body("contributors[0].url", equalTo("https://magazine.example/authors/" + photographer))
                .body("contributors[1].author", equalTo(null));

        RestAssured.given().accept("application/ld+json").when().get(ARTICLES + "/" + slug + "/json-ld").then()
                .statusCode(200)
                .body("translator[0].name", equalTo("Ines Marlow"))
                .body("editor[0].name", equalTo("Ruth Okafor"))
                .body("contributor[0].'@type'", equalTo("Role"))
                .body("contributor[0].roleName", equalTo("photographer"))
                .body("contributor[0].contributor.name", equalTo(photographerName));

        String tagSlug = com.magazine.content.common.text.Slugs.of(tag);
        for (String format : List.of("atom", "rss")) {
            String xml = RestAssured.given().when().get("/feeds/tags/" + tagSlug + "." + format).then()
                    .statusCode(200).extract().asString();
            SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
            SyndEntry entry = feed.getEntries().get(0);
            List<String> names = format.equals("atom")
                    ? entry.getContributors().stream().map(SyndPerson::getName).toList()
                    : ((com.rometools.rome.feed.module.DCModule) entry.getModule(
                            com.rometools.rome.feed.module.DCModule.URI)).getContributors();
            assertThat(names).as(format).containsExactly(photographerName, "Ines Marlow", "Ruth Okafor");
        }

        // an author renamed is renamed in every credit at once (the cached article is purged)
        anonymous().when().get(ARTICLES + "/" + slug).then().header("X-Cache", equalTo("hit"));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("name", "Lens Renamed"))
                .when().patch("/api/v1/authors/" + photographer).then().statusCode(200);
        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .body("contributors[0].name", equalTo("Lens Renamed"));
        // and an author with credits cannot be deleted
        asAdmin().when().delete("/api/v1/authors/" + photographer).then().statusCode(409)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void listsFilterByContributorAndRole() {
        String writer = createAuthor(unique("Writer"));
        String helper = createAuthor(unique("Helper"));
        Map<String, Object> shot = article(unique("Photographed"), writer);
        shot.put("contributors", List.of(Map.of("role", "photographer", "author", helper)));
        String photographed = publishedArticle(shot);
        Map<String, Object> edited = article(unique("Edited"), writer);
        edited.put("contributors", List.of(Map.of("role", "editor", "author", helper)));
        String editedSlug = publishedArticle(edited);
        publishedArticle(article(unique("Uncredited"), writer));

        anonymous().queryParam("contributor", helper).when().get(ARTICLES).then().statusCode(200)
                .body("items.slug", contains(editedSlug, photographed));
        anonymous().queryParam("contributor", helper).queryParam("contributorRole", "photographer")
                .when().get(ARTICLES).then().statusCode(200).body("items.slug", contains(photographed));
        // the author's own byline list is not their credits
        anonymous().queryParam("author", helper).when().get(ARTICLES).then().statusCode(200).body("items", empty());
        anonymous().queryParam("contributor", "no-one-" + System.nanoTime()).when().get(ARTICLES).then()
                .statusCode(200).body("items", empty());
        com.magazine.content.support.Api.offContract().queryParam("contributorRole", "editor").when().get(ARTICLES)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("contributorRole"));
        com.magazine.content.support.Api.offContract().queryParam("contributor", helper)
                .queryParam("contributorRole", "driver").when().get(ARTICLES).then().statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aCreditNamesAnAuthorOrANameAndEveryFieldIsChecked() {
        String writer = createAuthor(unique("Checked"));
        Map<String, Object> input = article(unique("Badly Credited"), writer);
        Map<String, Object> both = new HashMap<>(Map.of("role", "editor", "author", writer, "name", "Someone"));
        input.put("contributors", List.of(both, Map.of("role", "editor"), Map.of("role", "editor", "author",
                "nobody-" + System.nanoTime())));
        asAdmin().contentType(ContentType.JSON).body(input).when().post(ARTICLES).then().statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("contributors[0]"))
                .body("violations.field", hasItem("contributors[1].name"))
                .body("violations.field", hasItem("contributors[2].author"));
        input.put("contributors", List.of(Map.of("role", "driver", "name", "Someone")));
        com.magazine.content.support.Api.offContractAsAdmin().contentType(ContentType.JSON).body(input)
                .when().post(ARTICLES).then().statusCode(400).contentType(PROBLEM_JSON);
        // credits are kept by revisions and a merge patch replaces them
        input.put("contributors", List.of(Map.of("role", "research", "name", "Pol Arnaud")));
        String slug = asAdmin().contentType(ContentType.JSON).body(input).when().post(ARTICLES).then()
                .statusCode(201).extract().path("slug");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("contributors", List.of()))
                .when().patch(ARTICLES + "/" + slug).then().statusCode(200).body("contributors", empty());
        asAdmin().when().post(ARTICLES + "/" + slug + "/revisions/1/restore").then().statusCode(200)
                .body("contributors.name", contains("Pol Arnaud"))
                .body("contributors.role", not(hasItem("editor")));
    }
}
