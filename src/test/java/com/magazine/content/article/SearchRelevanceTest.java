package com.magazine.content.article;

import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Search by relevance ranks the newest matches (at most {@link ArticleListRepository#RANKED}) and pages through them
 * by rank; the statement is planned for its words every time (V21), whatever the connection ran before.
 */
@QuarkusTest
class SearchRelevanceTest {

    private static final String ARTICLES = "/api/v1/articles";

    private static String withBody(String title, String author, String text) {
        Map<String, Object> input = article(title, author);
        input.put("body", List.of(Map.of("type", "paragraph", "text", text)));
        return publishedArticle(input);
    }

    private static String word() {
        return "zr" + unique("x").substring(2, 8).replaceAll("[0-9]", "q");
    }

    @Test
    void relevancePagesByCursorBestFirstAndEndsOnce() {
        String author = createAuthor(unique("Ranker"));
        String word = word();
        String once = withBody(unique("Quiet One"), author, "Only once: " + word + ".");
        String inTitle = withBody("The " + word + " Affair " + unique("x"), author, "Nothing more to say here.");
        String thrice = withBody(unique("Quiet Three"), author, word + ", " + word + " and " + word + " again.");

        List<String> slugs = new ArrayList<>();
        String cursor = null;
        do {
            var request = anonymous().queryParam("q", word).queryParam("sort", "relevance").queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get(ARTICLES).then().statusCode(200).extract().jsonPath();
            slugs.addAll(page.getList("items.slug", String.class));
            cursor = page.getString("next");
        } while (cursor != null && slugs.size() < 10);
        // the title weighs most (A), then three mentions in the body over one
        assertThat(slugs).containsExactly(inTitle, thrice, once);
    }

    @Test
    void theSameSearchStatementManyTimesOverAnswersTheSame() {
        // past the driver's fifth use (a server-side statement) and PostgreSQL's fifth custom plan on every pooled
        // connection: a common word, a rare one, both; each answer as on the first asking (as an editor: the response
        // cache keeps no keyed answer, so every one of them runs the statement)
        String author = createAuthor(unique("Repeater"));
        String rare = word();
        String common = word();
        String both = withBody(unique("Both Words"), author, rare + " meets " + common + ".");
        List<String> commons = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            commons.add(withBody(unique("Common " + i), author, "Just " + common + " here."));
        }
        for (int round = 0; round < 30; round++) {
            assertThat(search(rare)).containsExactly(both);
            assertThat(search(common)).hasSize(4).contains(both).containsAll(commons);
            assertThat(search(rare + " " + common)).containsExactly(both);
        }
    }

    private static List<String> search(String words) {
        return asAdmin().queryParam("q", words).queryParam("sort", "relevance").when().get(ARTICLES)
                .then().statusCode(200).extract().jsonPath().getList("items.slug", String.class);
    }
}
