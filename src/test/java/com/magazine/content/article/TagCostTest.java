package com.magazine.content.article;

import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.common.text.Slugs;
import com.magazine.content.support.Costed;
import com.magazine.content.support.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tags, one or a page of them, cost the same SQL statements whatever the page's size and however many articles. */
@QuarkusTest
class TagCostTest {

    @Inject
    StatementCounter counter;

    @Test
    @Costed("/api/v1/tags")
    void aPageOfTagsCostsTheSameWhateverItsSize() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            tags.add(unique("Counted"));
        }
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new HashMap<>(article(unique("Tagged"), createAuthor(unique("Tagger"))));
            body.put("tags", tags);
            publishedArticle(body);
        }
        long two = counter.get("/api/v1/tags?limit=2");
        long twenty = counter.get("/api/v1/tags?limit=20");
        // the page of tags with their article counts; the two horizons of the response cache
        assertThat(twenty).isEqualTo(two).isEqualTo(3);
        assertThat(counter.get("/api/v1/tags?type=topic&limit=20")).isEqualTo(twenty);
    }

    @Test
    @Costed("/api/v1/tags/{slug}")
    void aTagCostsTheSameHowEverManyArticlesItHas() {
        String few = unique("Rare");
        String many = unique("Common");
        publishedArticle(tagged(few));
        for (int i = 0; i < 12; i++) {
            publishedArticle(tagged(many));
        }
        long ofOne = counter.get("/api/v1/tags/" + Slugs.of(few));
        long ofTwelve = counter.get("/api/v1/tags/" + Slugs.of(many));
        // the tag by its slug; its article count; the two horizons
        assertThat(ofTwelve).isEqualTo(ofOne).isEqualTo(4);
    }

    private static Map<String, Object> tagged(String tag) {
        Map<String, Object> body = new HashMap<>(article(unique("Tagged"), createAuthor(unique("Tagger"))));
        body.put("tags", List.of(tag, unique("Other")));
        return body;
    }
}
