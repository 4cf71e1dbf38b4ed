package com.magazine.content.comment;

import static com.magazine.content.comment.Comments.approve;
import static com.magazine.content.comment.Comments.comment;
import static com.magazine.content.comment.Comments.post;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.support.Api;
import com.magazine.content.support.Costed;
import com.magazine.content.support.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Comments, in threads or in the moderation queue, cost the same SQL statements whatever the page's size. */
@QuarkusTest
class CommentCostTest {

    @Inject
    StatementCounter counter;

    @Test
    @Costed("/api/v1/articles/{slug}/comments")
    void aPageOfThreadsWithRepliesCostsTheSameWhateverItsSize() {
        String slug = discussed(22);
        long two = counter.get("/api/v1/articles/" + slug + "/comments?limit=2");
        long twenty = counter.get("/api/v1/articles/" + slug + "/comments?limit=20");
        // the article by its slug; the page of threads with their replies (one statement); the two horizons of the
        // response cache
        assertThat(twenty).isEqualTo(two).isEqualTo(4);
    }

    @Test
    @Costed({"/api/v1/comments", "/api/v1/comments/{id}"})
    void aPageOfTheModerationQueueCostsTheSameWhateverItsSize() {
        String slug = discussed(11);
        for (int i = 0; i < 22; i++) {
            post(slug, comment("Still waiting " + i));
        }
        long two = counter.get(Api::asAdmin, "/api/v1/comments?article=" + slug + "&limit=2");
        long twenty = counter.get(Api::asAdmin, "/api/v1/comments?article=" + slug + "&limit=20");
        // the article by its slug; the page of comments; the page's articles
        assertThat(twenty).isEqualTo(two).isEqualTo(3);
        assertThat(counter.get(Api::asAdmin, "/api/v1/comments?status=approved&article=" + slug + "&limit=20"))
                .isEqualTo(twenty);
        assertThat(counter.get(Api::asAdmin, "/api/v1/comments?limit=2"))
                .isEqualTo(counter.get(Api::asAdmin, "/api/v1/comments?limit=20")).isLessThanOrEqualTo(twenty);
        String one = post(slug, comment("One to look at"));
        // the comment; its article
        assertThat(counter.get(Api::asAdmin, "/api/v1/comments/" + one)).isEqualTo(2);
    }

    /** A published article with {@code threads} approved comments, each with two approved replies. */
    private static String discussed(int threads) {
        Map<String, Object> body = new HashMap<>(article(unique("Discussed"), createAuthor(unique("Provoker"))));
        String slug = publishedArticle(body);
        for (int i = 0; i < threads; i++) {
            String thread = post(slug, comment("A view, number " + i));
            approve(thread);
            for (int j = 0; j < 2; j++) {
                Map<String, Object> reply = comment("A reply " + j + " to view " + i);
                reply.put("parentId", thread);
                approve(post(slug, reply));
            }
        }
        return slug;
    }
}
