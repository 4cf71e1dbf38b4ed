package com.magazine.content.quotation;

import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.support.Costed;
import com.magazine.content.support.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quotations and speakers, one or a page of them, cost the same SQL statements whatever the page's size and however
 * many articles cite them.
 */
@QuarkusTest
class QuotationCostTest {

    private static final String QUOTATIONS = "/api/v1/quotations";

    @Inject
    StatementCounter counter;

    @Test
    @Costed("/api/v1/quotations")
    void aPageOfQuotationsCostsTheSameWhateverItsSize() {
        String work = "Costed " + unique("Work");
        String word = "quotedword" + Long.toString(System.nanoTime(), 36);
        String author = createAuthor(unique("Speaking Author"));
        List<String> quotations = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            quotations.add(create(unique("Speaker"), i % 2 == 0 ? author : null, work, word));
        }
        // each quotation is cited by two articles
        for (int i = 0; i < 2; i++) {
            publishedArticle(citing(quotations));
        }
        String source = "&source=" + work;
        long two = counter.get(QUOTATIONS + "?limit=2" + source);
        long twenty = counter.get(QUOTATIONS + "?limit=20" + source);
        // the page's ids; those quotations; the articles that cite them; the authors among their speakers; the two
        // horizons of the response cache
        assertThat(twenty).isEqualTo(two).isEqualTo(6);
        assertThat(counter.get(QUOTATIONS + "?limit=2")).isEqualTo(counter.get(QUOTATIONS + "?limit=20"))
                .isEqualTo(twenty);
        assertThat(counter.get(QUOTATIONS + "?limit=20&q=" + word)).isEqualTo(twenty);
    }

    @Test
    @Costed("/api/v1/quotations/{id}")
    void aQuotationCostsTheSameHowEverManyArticlesCiteIt() {
        String author = createAuthor(unique("Speaking Author"));
        String once = create(unique("Speaker"), author, "Costed " + unique("Work"), "once");
        String often = create(unique("Speaker"), author, "Costed " + unique("Work"), "often");
        publishedArticle(citing(List.of(once)));
        for (int i = 0; i < 12; i++) {
            publishedArticle(citing(List.of(often)));
        }
        long ofOne = counter.get(QUOTATIONS + "/" + once);
        long ofTwelve = counter.get(QUOTATIONS + "/" + often);
        // the quotation; the articles that cite it; its speaker's author; the two horizons
        assertThat(ofTwelve).isEqualTo(ofOne).isEqualTo(5);
    }

    @Test
    @Costed("/api/v1/speakers")
    void aPageOfSpeakersCostsTheSameWhateverItsSize() {
        String family = "Spoke" + Long.toString(System.nanoTime(), 36);
        String author = createAuthor(unique("Speaking Author"));
        for (int i = 0; i < 22; i++) {
            String speaker = family + " " + unique("Person");
            for (int j = 0; j < 2; j++) {
                create(speaker, i % 2 == 0 ? author : null, "Costed " + unique("Work"), "said");
            }
        }
        long two = counter.get("/api/v1/speakers?limit=2&q=" + family);
        long twenty = counter.get("/api/v1/speakers?limit=20&q=" + family);
        // the page of speakers with their counts; the authors among them; the two horizons of the response cache
        assertThat(twenty).isEqualTo(two).isEqualTo(4);
        // a page with no author among its speakers does without the authors' statement (a family of its own: the
        // unfiltered pages hold other tests' speakers, with or without authors)
        String unauthored = "Unspoke" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 22; i++) {
            create(unauthored + " " + unique("Person"), null, "Costed " + unique("Work"), "said");
        }
        assertThat(counter.get("/api/v1/speakers?limit=2&q=" + unauthored))
                .isEqualTo(counter.get("/api/v1/speakers?limit=20&q=" + unauthored)).isEqualTo(3);
    }

    private static String create(String speaker, String author, String work, String word) {
        Map<String, Object> who = new HashMap<>(Map.of("name", speaker, "description", "envoy"));
        if (author != null) {
            who.put("author", author);
        }
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("text", "The window for an agreement may not stay open for long, " + word + ".",
                        "speaker", who, "source", Map.of("title", work, "kind", "speech")))
                .when().post(QUOTATIONS).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> citing(List<String> quotations) {
        return QuotationResourceTest.articleQuoting(createAuthor(unique("Quoter")), quotations.toArray(String[]::new));
    }
}
