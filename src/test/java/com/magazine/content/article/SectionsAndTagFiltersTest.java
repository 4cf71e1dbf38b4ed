package com.magazine.content.article;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.magazine.content.common.text.Slugs;
import com.magazine.content.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sections and series: tags have a type, an article has at most one primary section (its breadcrumb step), and lists
 * filter by several tags at once (a,b both; a|b either; -a not) and by section.
 */
@QuarkusTest
class SectionsAndTagFiltersTest {

    private static final String ARTICLES = "/api/v1/articles";

    private static String filed(String title, String author, String section, List<String> tags) {
        Map<String, Object> input = article(title, author);
        input.put("tags", tags);
        if (section != null) {
            input.put("section", section);
        }
        return publishedArticle(input);
    }

    @Test
    void anArticlesSectionIsATagOfTypeSectionAndItsBreadcrumbStep() {
        String author = createAuthor(unique("Sectioned"));
        String section = unique("Foreign Policy");
        String sectionSlug = Slugs.of(section);
        String slug = filed(unique("Section Piece"), author, section, List.of("Diplomacy"));

        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .body("section.slug", equalTo(sectionSlug))
                .body("section.name", equalTo(section))
                .body("section.type", equalTo("section"))
                .body("section.id", nullValue()) // internal: never sent
                .body("tags.slug", containsInAnyOrder("diplomacy", sectionSlug))
                .body("breadcrumb.name[1]", equalTo(section))
                .body("breadcrumb.url[1]", equalTo("https://magazine.example/tags/" + sectionSlug));
        anonymous().queryParam("section", sectionSlug).when().get(ARTICLES).then().statusCode(200)
                .body("items.slug", contains(slug))
                .body("items[0].section.slug", equalTo(sectionSlug));
        anonymous().queryParam("type", "section").queryParam("limit", 100).when().get("/api/v1/tags").then()
                .statusCode(200).body("items.slug", hasItem(sectionSlug)).body("items.type", not(hasItem("topic")));
        anonymous().when().get("/api/v1/tags/" + sectionSlug).then().statusCode(200)
                .body("type", equalTo("section")).body("articleCount", equalTo(1));
        io.restassured.RestAssured.given().accept("application/ld+json").when().get(ARTICLES + "/" + slug + "/json-ld")
                .then().statusCode(200).body("articleSection", equalTo(section));

        // without a section the breadcrumb keeps the seed page's Home / author / title
        String plain = filed(unique("Unsectioned Piece"), author, null, List.of("Diplomacy"));
        anonymous().when().get(ARTICLES + "/" + plain).then().statusCode(200)
                .body("section", nullValue())
                .body("breadcrumb.url[1]", equalTo("https://magazine.example/authors/" + author));
    }

    @Test
    void aTopicIsNotASectionUntilEditorsRetypeItAndEveryArticleShowsTheChange() {
        String author = createAuthor(unique("Retyper"));
        String name = unique("Culture");
        String tagSlug = Slugs.of(name);
        String slug = filed(unique("Topical Piece"), author, null, List.of(name));
        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .body("tags[0].type", equalTo("topic"))
                .header("Surrogate-Key", containsString("tag:"));
        anonymous().when().get(ARTICLES + "/" + slug).then().header("X-Cache", equalTo("hit"));

        Map<String, Object> input = article(unique("Wants A Section"), author);
        input.put("section", name);
        asAdmin().contentType("application/json").body(input).when().post(ARTICLES).then().statusCode(422)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("section"));

        String etag = anonymous().when().get(ARTICLES + "/" + slug).then().extract().header("ETag");
        String tagEtag = asAdmin().when().get("/api/v1/tags/" + tagSlug).then().statusCode(200).extract()
                .header("ETag");
        asAdmin().header("If-Match", tagEtag).contentType("application/merge-patch+json")
                .body(Map.of("type", "section", "name", name + " & Arts"))
                .when().patch("/api/v1/tags/" + tagSlug).then().statusCode(200)
                .body("slug", equalTo(tagSlug)).body("type", equalTo("section")).body("name", equalTo(name + " & Arts"));
        // the cached article answer was purged: it shows the new name and type at once
        anonymous().when().get(ARTICLES + "/" + slug).then().statusCode(200)
                .header("X-Cache", not(equalTo("hit")))
                .body("tags[0].type", equalTo("section"))
                .body("tags[0].name", equalTo(name + " & Arts"));
        // a second editor working from the tag as it was is refused, not silently overwritten
        asAdmin().header("If-Match", tagEtag).contentType("application/merge-patch+json").body(Map.of("type", "tone"))
                .when().patch("/api/v1/tags/" + tagSlug).then().statusCode(412).contentType(PROBLEM_JSON);
        // and a client revalidating what it kept gets the new answer, not a 304
        anonymous().header("If-None-Match", etag).when().get(ARTICLES + "/" + slug).then().statusCode(200);
        asAdmin().contentType("application/json").body(input).when().post(ARTICLES).then().statusCode(201)
                .body("section.slug", equalTo(tagSlug));
        // a renamed tag keeps its articles when they are next written by the names they show
        asAdmin().contentType("application/merge-patch+json").body(Map.of("title", unique("Retitled")))
                .when().patch(ARTICLES + "/" + slug).then().statusCode(200)
                .body("tags[0].slug", equalTo(tagSlug))
                .body("tags[0].name", equalTo(name + " & Arts"));
        // a section in use stays one
        asAdmin().contentType("application/merge-patch+json").body(Map.of("type", "topic"))
                .when().patch("/api/v1/tags/" + tagSlug).then().statusCode(409).contentType(PROBLEM_JSON);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("type", "rumour"))
                .when().patch("/api/v1/tags/" + tagSlug).then().statusCode(400).contentType(PROBLEM_JSON);
        Api.offContract().contentType("application/merge-patch+json").body(Map.of("type", "tone"))
                .when().patch("/api/v1/tags/" + tagSlug).then().statusCode(401);
    }

    @Test
    void aTextLongerThanItsColumnOnceNormalisedIsA422NotA500() {
        // U+0958 is one character that Unicode normalisation (NFC) writes as two: 300 of them pass the length check
        Map<String, Object> input = article("\u0958".repeat(300), createAuthor(unique("Devanagari")));
        asAdmin().contentType("application/json").body(input).when().post(ARTICLES).then().statusCode(422)
                .contentType(PROBLEM_JSON);
        Map<String, Object> sectioned = article(unique("Long Section"), createAuthor(unique("Sectioner")));
        sectioned.put("section", "\u0958".repeat(100));
        asAdmin().contentType("application/json").body(sectioned).when().post(ARTICLES).then().statusCode(422)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void listsFilterByAllAnyAndNoneOfSeveralTags() {
        String author = createAuthor(unique("Filterer"));
        String a = unique("Alpha");
        String b = unique("Bravo");
        String c = unique("Charlie");
        String both = filed(unique("Both"), author, null, List.of(a, b));
        String onlyA = filed(unique("Only A"), author, null, List.of(a));
        String onlyB = filed(unique("Only B"), author, null, List.of(b));
        String aAndC = filed(unique("A and C"), author, null, List.of(a, c));
        String sa = Slugs.of(a);
        String sb = Slugs.of(b);
        String sc = Slugs.of(c);

        anonymous().queryParam("tag", sa + "," + sb).when().get(ARTICLES).then().statusCode(200)
                .body("items.slug", contains(both));
        anonymous().queryParam("tag", sa + "|" + sb).when().get(ARTICLES).then().statusCode(200)
                .body("items.slug", contains(aAndC, onlyB, onlyA, both));
        anonymous().queryParam("tag", sa + ",-" + sc).when().get(ARTICLES).then().statusCode(200)
                .body("items.slug", contains(onlyA, both));
        anonymous().queryParam("tag", sb + "|" + sc + ",-" + sa).when().get(ARTICLES).then().statusCode(200)
                .body("items.slug", contains(onlyB));
        // and on the other orders, paged: the same set
        anonymous().queryParam("tag", sa + ",-" + sc).queryParam("sort", "title").queryParam("limit", 1)
                .when().get(ARTICLES).then().statusCode(200).body("items.slug", contains(both));
        // unknown tags: a term of them only matches nothing, an excluded one excludes nothing
        anonymous().queryParam("tag", sa + ",no-such-tag-" + System.nanoTime()).when().get(ARTICLES).then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty());
        anonymous().queryParam("tag", sa + "|no-such-tag,-no-such-tag-either").queryParam("count", true)
                .when().get(ARTICLES).then().statusCode(200).body("total", equalTo(3));
        // and what is not the grammar is a 400 naming the parameter
        for (String bad : List.of("A,B", "a,,b", "-a|b", "a|", ",a", "a b", "-", "a|b|c|d|e|f|g|h|i|j|k")) {
            Api.offContract().queryParam("tag", bad).when().get(ARTICLES).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo("tag"));
        }
    }
}
