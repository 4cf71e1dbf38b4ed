package com.magazine.content.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.magazine.content.support.Costed;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every GET of openapi/openapi.yaml has a test that asserts how many SQL statements it costs (a method marked
 * {@link Costed}), so that a query per row cannot come in with a new route unseen.
 */
class EveryReadIsCostedTest {

    /** The statement-count tests, one per feature; a new one is added here. */
    static final List<String> COST_TESTS = List.of(
            "com.magazine.content.article.ArticleQueryCostTest",
            "com.magazine.content.article.ArticleReadCostTest",
            "com.magazine.content.article.TagCostTest",
            "com.magazine.content.author.AuthorCostTest",
            "com.magazine.content.quotation.QuotationCostTest",
            "com.magazine.content.asset.AssetCostTest",
            "com.magazine.content.comment.CommentCostTest",
            "com.magazine.content.feed.FeedCostTest",
            "com.magazine.content.feed.WebhookCostTest",
            "com.magazine.content.access.ApiKeyCostTest",
            "com.magazine.content.wordpress.ImportCostTest",
            "com.magazine.content.backup.ExportCostTest");

    @Test
    void everyDocumentedReadHasAStatementCountTest() throws Exception {
        assertThat(costed())
                .as("every GET of openapi/openapi.yaml has a test marked @Costed with its path (see COST_TESTS)")
                .containsAll(documentedReads());
    }

    @Test
    void everyCostedRouteIsDocumented() throws Exception {
        assertThat(documentedReads()).as("a @Costed path names a GET of openapi/openapi.yaml").containsAll(costed());
    }

    private static Set<String> documentedReads() throws Exception {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
        Set<String> reads = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getValue().has("get")) {
                reads.add(path.getKey());
            }
        });
        return reads;
    }

    /** The paths of every {@link Costed} test method, nested classes included. */
    private static Set<String> costed() throws ClassNotFoundException {
        Set<String> costed = new TreeSet<>();
        Deque<Class<?>> classes = new ArrayDeque<>();
        for (String name : COST_TESTS) {
            classes.add(Class.forName(name));
        }
        while (!classes.isEmpty()) {
            Class<?> type = classes.pop();
            for (Method method : type.getDeclaredMethods()) {
                Costed routes = method.getAnnotation(Costed.class);
                if (routes != null) {
                    costed.addAll(List.of(routes.value()));
                }
            }
            classes.addAll(List.of(type.getDeclaredClasses()));
        }
        return costed;
    }
}
