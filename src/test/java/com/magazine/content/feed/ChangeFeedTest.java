package com.magazine.content.feed;

import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createArticle;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class ChangeFeedTest {

    static final String CHANGES = "/api/v1/changes";

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource database;

    @jakarta.inject.Inject
    com.magazine.content.common.paging.Cursors cursors;

    /** Reads until up to date and answers where to resume. */
    public static String tail(Supplier<RequestSpecification> as) {
        String since = null;
        while (true) {
            Response page = read(as, since, 1000);
            String next = page.path("next");
            if (page.<List<?>>path("items").isEmpty()) {
                return next;
            }
            since = next;
        }
    }

    public static Response read(Supplier<RequestSpecification> as, String since, int limit) {
        RequestSpecification request = as.get().queryParam("limit", limit);
        if (since != null) {
            request.queryParam("since", since);
        }
        return request.when().get(CHANGES).then().statusCode(200).extract().response();
    }

    /** The changes after {@code since}, as "type:id:op:action". */
    public static List<String> changesAfter(Supplier<RequestSpecification> as, String since) {
        List<String> seen = new ArrayList<>();
        Response page = read(as, since, 1000);
        for (Map<String, Object> item : page.<List<Map<String, Object>>>path("items")) {
            seen.add(item.get("type") + ":" + item.get("id") + ":" + item.get("op") + ":" + item.get("action"));
        }
        return seen;
    }

    static String idOf(String slug) {
        return asAdmin().when().get("/api/v1/articles/" + slug).then().extract().path("id");
    }

    @Test
    void thePublicSeesPublicationsAndDeparturesButNoDrafts() {
        String since = tail(() -> anonymous());
        String staffSince = tail(() -> asAdmin());
        String author = createAuthor(unique("Fed"));
        String authorId = anonymous().when().get("/api/v1/authors/" + author).then().extract().path("id");
        String draft = createArticle(article(unique("Fed Draft"), author));
        String published = publishedArticle(article(unique("Fed Live"), author));
        asAdmin().when().post("/api/v1/articles/" + published + "/unpublish").then().statusCode(200);
        String draftId = idOf(draft);
        String publishedId = idOf(published);

        assertThat(changesAfter(() -> anonymous(), since)).containsExactly(
                "author:" + authorId + ":upsert:created",
                "article:" + publishedId + ":upsert:published",
                "article:" + publishedId + ":delete:unpublished");
        assertThat(changesAfter(() -> asAdmin(), staffSince)).containsExactly(
                "author:" + authorId + ":upsert:created",
                "article:" + draftId + ":upsert:created",
                "article:" + publishedId + ":upsert:created",
                "article:" + publishedId + ":upsert:published",
                "article:" + publishedId + ":upsert:unpublished");
    }

    @Test
    void aScheduledArticleAppearsWhenItsInstantPasses() throws InterruptedException {
        String author = createAuthor(unique("Timely"));
        String slug = createArticle(article(unique("Later"), author));
        String since = tail(() -> anonymous());
        Instant at = Instant.now().plusSeconds(2);
        asAdmin().contentType(ContentType.JSON).body(Map.of("at", at.toString()))
                .when().post("/api/v1/articles/" + slug + "/publish").then().statusCode(200)
                .body("status", equalTo("scheduled"));
        assertThat(changesAfter(() -> anonymous(), since)).isEmpty();

        String id = idOf(slug);
        List<String> seen = List.of();
        for (int i = 0; i < 40 && seen.isEmpty(); i++) {
            Thread.sleep(250);
            seen = changesAfter(() -> anonymous(), since);
        }
        assertThat(Instant.now()).isAfter(at);
        assertThat(seen).containsExactly("article:" + id + ":upsert:published");
    }

    @Test
    void commentsAppearWhenApprovedAndLeaveWhenRejected() {
        String slug = publishedArticle(article(unique("Talked About"), createAuthor(unique("Talker"))));
        String since = tail(() -> anonymous());
        String id = anonymous().header("X-Forwarded-For", "10.9.8.7").contentType(ContentType.JSON)
                .body(Map.of("authorName", "Reader", "authorEmail", unique("r") + "@example.org", "body", "Hello"))
                .when().post("/api/v1/articles/" + slug + "/comments").then().statusCode(202).extract().path("id");
        asAdmin().when().post("/api/v1/comments/" + id + "/approve").then().statusCode(200);
        asAdmin().when().post("/api/v1/comments/" + id + "/reject").then().statusCode(200);
        assertThat(changesAfter(() -> anonymous(), since)).containsExactly(
                "comment:" + id + ":upsert:approved", "comment:" + id + ":delete:rejected");
    }

    @Test
    void upToDateReadersKeepTheirPlace() {
        String since = tail(() -> anonymous());
        Response page = read(() -> anonymous(), since, 10);
        assertThat(page.<List<?>>path("items")).isEmpty();
        assertThat(page.<String>path("next")).isEqualTo(since);
        anonymous().queryParam("since", "garbage").when().get(CHANGES).then().statusCode(400);
    }

    @Test
    void noChangeIsSkippedWhenConcurrentWritersCommitOutOfOrder() throws Exception {
        String author = createAuthor(unique("Racer"));
        String key = com.magazine.content.support.Api.editorKey();
        String since = tail(() -> withKey(key));
        int writers = 6;
        int perWriter = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<String> created = Collections.synchronizedSet(new HashSet<>());
        try {
            Future<List<String>> reader = pool.submit(() -> {
                List<String> read = new ArrayList<>();
                String cursor = since;
                boolean done = false;
                while (!done) {
                    // decided before reading: a read that starts after the last write ended sees everything
                    boolean last = !writing.get();
                    Response page = read(() -> withKey(key), cursor, 7);
                    List<Map<String, Object>> items = page.path("items");
                    for (Map<String, Object> item : items) {
                        if ("article".equals(item.get("type")) && "created".equals(item.get("action"))) {
                            read.add((String) item.get("slug"));
                        }
                    }
                    cursor = page.path("next");
                    done = last && items.isEmpty();
                }
                return read;
            });
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        created.add(createArticle(article(unique("Race"), author)));
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            writing.set(false);
            List<String> read = reader.get();
            assertThat(read).doesNotHaveDuplicates();
            assertThat(new HashSet<>(read)).isEqualTo(created);
            assertThat(created).hasSize(writers * perWriter);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A transaction that records no change, however long it runs (a slow webhook delivery, a report, a migration in
     * another database on the server), never holds the feed back: the feed is read by change number, and numbers are
     * taken in commit order by the log's own writers only.
     */
    @Test
    void aLongTransactionThatRecordsNoChangeDoesNotHoldTheFeedBack() throws Exception {
        String since = tail(com.magazine.content.support.Api::anonymous);
        try (java.sql.Connection other = database.getConnection()) {
            other.setAutoCommit(false);
            try (java.sql.Statement statement = other.createStatement()) {
                statement.execute("select pg_current_xact_id()"); // a transaction with an id, held open
                String slug = publishedArticle(article(unique("Unheld"), createAuthor(unique("Unheld Writer"))));
                anonymous().queryParam("since", since).queryParam("limit", 1000).when().get(CHANGES)
                        .then().statusCode(200).body("items.slug", org.hamcrest.Matchers.hasItem(slug));
            } finally {
                other.rollback();
            }
        }
    }

    /** A cursor of the earlier form (transaction id, number) still reads on, skipping nothing. */
    @Test
    void aCursorOfTheEarlierFormStillReadsOn() throws Exception {
        String txid;
        long seq;
        try (java.sql.Connection connection = database.getConnection();
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet last = statement.executeQuery(
                        "select cast(txid as text), seq from change_event order by seq desc limit 1")) {
            last.next();
            txid = last.getString(1);
            seq = last.getLong(2);
        }
        String slug = publishedArticle(article(unique("Old Cursor"), createAuthor(unique("Old Cursor Writer"))));
        String old = cursors.encode("changes", txid, String.valueOf(seq));
        anonymous().queryParam("since", old).queryParam("limit", 1000).when().get(CHANGES)
                .then().statusCode(200).body("items.slug", org.hamcrest.Matchers.hasItem(slug));
    }
}
