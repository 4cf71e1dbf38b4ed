package com.magazine.content.common;

import static com.magazine.content.support.Api.ACCEPT;
import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.platform;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.common.http.ResponseCache;
import com.magazine.content.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent anonymous misses of one answer make it once: the first request makes it, the others wait for it and are
 * answered from the cache, as any hit is. Each test holds the first request in the database (a lock on the article
 * table, which every read of an article waits for), sends the others while it is held, and reads what happened from
 * the service's metrics: how many requests made their answer, how many waited, and how each wait ended.
 */
@QuarkusTest
class ResponseCacheCoalescingTest {

    private static final String MISSES = "content_response_cache_requests_total{result=\"miss\"}";
    private static final String HITS = "content_response_cache_requests_total{result=\"hit\"}";
    private static final String COALESCED_HIT = "content_response_cache_coalesced_total{result=\"hit\"}";
    private static final String COALESCED_MISS = "content_response_cache_coalesced_total{result=\"miss\"}";
    private static final String COALESCED_TIMEOUT = "content_response_cache_coalesced_total{result=\"timeout\"}";
    private static final String WAITING = "content_response_cache_waiting";
    /** What a wait that never comes may also mean: the first request was not held, its answer was made at once. */
    private static final String HELD = " (waiting: %s; they can wait only while the first is held, by the lock on"
            + " the article table, which a read of an article must wait for)";

    @Inject
    AgroalDataSource database;

    @Inject
    ResponseCache cache;

    @ConfigProperty(name = "content.http.response-cache.coalesce-timeout")
    Duration coalesceTimeout;

    private ExecutorService clients;

    @BeforeEach
    void startClients() {
        clients = Executors.newFixedThreadPool(17);
    }

    /** Sends {@code count} anonymous GETs of {@code path} and waits until all of them wait for the first one. */
    private List<Future<Answer>> sendBehindTheFirst(int count, String path) {
        List<Future<Answer>> sent = send(count, Api::anonymous, path);
        await(() -> metric(WAITING) == count, "the other " + count + " wait for the first" + HELD,
                () -> metric(WAITING));
        return sent;
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void sixteenConcurrentReadsOfAnUncachedArticleMakeItOnce() throws Exception {
        String path = "/api/v1/articles/" + newArticle("Stampede");
        Map<String, Double> before = metrics();
        Future<Answer> first;
        List<Future<Answer>> others;
        try (HeldTable held = hold("article")) {
            first = send(Api::anonymous, path);
            awaitFirstMiss(before);
            others = sendBehindTheFirst(15, path);
            assertThat(first.isDone()).as("the first request is still held in the database").isFalse();
        }
        Answer made = first.get(30, TimeUnit.SECONDS);
        assertThat(made.status()).isEqualTo(200);
        assertThat(made.cache()).isEqualTo("miss");
        for (Future<Answer> other : others) {
            Answer answer = other.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.cache()).isEqualTo("hit");
            assertThat(answer.etag()).isEqualTo(made.etag()).isNotNull();
            assertThat(answer.body()).isEqualTo(made.body());
        }
        Map<String, Double> after = metrics();
        assertThat(delta(before, after, MISSES)).as("requests that made the answer").isEqualTo(1);
        assertThat(delta(before, after, HITS)).as("requests answered from the cache").isEqualTo(15);
        assertThat(delta(before, after, COALESCED_HIT)).as("requests answered with the first one's answer")
                .isEqualTo(15);
        assertThat(after.get(WAITING)).isZero();
    }

    @Test
    void aWaitingRequestIsAnsweredAsAnyHitIsWith304AndGzip() throws Exception {
        Map<String, Object> body = article(unique("Waited For"), createAuthor(unique("Waited Writer")));
        body.put("body", List.of(Map.of("type", "paragraph",
                "text", "A long paragraph, so that the answer is worth gzipping. ".repeat(40))));
        String path = "/api/v1/articles/" + publishedArticle(body);
        // the answer's ETag, asked afresh: neither served from the cache nor kept in it
        String etag = anonymous().header("Cache-Control", "no-cache").when().get(path)
                .then().statusCode(200).extract().header("ETag");
        RestAssuredConfig undecoded = RestAssuredConfig.config()
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        Map<String, Double> before = metrics();
        Future<Answer> first;
        List<Future<Answer>> matching;
        Future<Answer> other;
        Future<Answer> gzip;
        Future<Answer> identity;
        try (HeldTable held = hold("article")) {
            first = send(Api::anonymous, path);
            awaitFirstMiss(before);
            matching = send(3, () -> anonymous().header("If-None-Match", etag), path);
            other = send(() -> anonymous().header("If-None-Match", "\"another\""), path);
            gzip = send(() -> anonymous().header("Accept-Encoding", "gzip"), path); // decoded by REST Assured
            identity = send(() -> anonymous().config(undecoded).header("Accept-Encoding", "identity"), path);
            await(() -> metric(WAITING) == 6, "the other 6 wait for the first" + HELD, () -> metric(WAITING));
        }
        Answer made = first.get(30, TimeUnit.SECONDS);
        assertThat(made.status()).isEqualTo(200);
        assertThat(made.etag()).isEqualTo(etag);
        for (Future<Answer> conditional : matching) {
            Answer answer = conditional.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(304);
            assertThat(answer.cache()).isEqualTo("hit");
            assertThat(answer.etag()).isEqualTo(etag);
            assertThat(answer.body()).isEmpty();
        }
        Answer changed = other.get(30, TimeUnit.SECONDS);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(made.body());
        Answer zipped = gzip.get(30, TimeUnit.SECONDS);
        assertThat(zipped.status()).isEqualTo(200);
        assertThat(zipped.cache()).isEqualTo("hit");
        assertThat(zipped.encoding()).isEqualTo("gzip");
        Answer plain = identity.get(30, TimeUnit.SECONDS);
        assertThat(plain.encoding()).isNull();
        assertThat(plain.body()).isEqualTo(made.body()).hasSizeGreaterThan(1024);
        Map<String, Double> after = metrics();
        assertThat(delta(before, after, MISSES)).isEqualTo(1);
        assertThat(delta(before, after, COALESCED_HIT)).isEqualTo(6);
    }

    @Test
    void requestsThatWaitedForA404EachMakeTheirOwn() throws Exception {
        String path = "/api/v1/articles/" + unique("never-written");
        Map<String, Double> before = metrics();
        Future<Answer> first;
        List<Future<Answer>> others;
        try (HeldTable held = hold("article")) {
            first = send(Api::anonymous, path);
            awaitFirstMiss(before);
            others = sendBehindTheFirst(5, path);
        }
        List<Answer> answers = new ArrayList<>();
        answers.add(first.get(30, TimeUnit.SECONDS));
        for (Future<Answer> other : others) {
            answers.add(other.get(30, TimeUnit.SECONDS));
        }
        for (Answer answer : answers) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
            assertThat(answer.cache()).isEqualTo("miss");
            JsonPath problem = JsonPath.from(answer.body());
            assertThat(problem.getInt("status")).isEqualTo(404);
            assertThat(problem.getString("instance")).isEqualTo(path);
            // its own answer: the problem names this request's id, no other's
            assertThat(problem.getString("requestId")).isEqualTo(answer.requestId()).isNotNull();
        }
        assertThat(answers.stream().map(Answer::requestId).distinct()).hasSize(6);
        Map<String, Double> after = metrics();
        assertThat(delta(before, after, COALESCED_MISS)).as("waited, found nothing kept, made their own")
                .isEqualTo(5);
        assertThat(delta(before, after, MISSES)).isEqualTo(6);
        assertThat(delta(before, after, HITS)).isZero();
    }

    @Test
    void aPurgeWhileTheAnswerIsMadeSendsLaterRequestsToMakeItAfresh() throws Exception {
        String path = "/api/v1/articles/" + newArticle("Purged Meanwhile");
        Map<String, Double> before = metrics();
        Future<Answer> first;
        List<Future<Answer>> others;
        Future<Answer> later;
        try (HeldTable held = hold("article")) {
            first = send(Api::anonymous, path);
            awaitFirstMiss(before);
            others = sendBehindTheFirst(3, path);
            // any purge: the answer the first is making can no longer be kept
            cache.purge(List.of(unique("elsewhere")));
            later = send(Api::anonymous, path);
            await(() -> metric(MISSES) - before.get(MISSES) == 2,
                    "a request after the purge makes the answer rather than wait for one the cache will not keep");
            assertThat(metric(WAITING)).isEqualTo(3);
        }
        Answer made = later.get(30, TimeUnit.SECONDS);
        assertThat(made.status()).isEqualTo(200);
        assertThat(made.cache()).isEqualTo("miss");
        assertThat(first.get(30, TimeUnit.SECONDS).etag()).isEqualTo(made.etag());
        for (Future<Answer> other : others) {
            Answer answer = other.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.etag()).isEqualTo(made.etag());
        }
        Map<String, Double> after = metrics();
        // the first one's answer is not kept; the later one's may be kept by the time the 3 look again
        long madeTheirOwn = delta(before, after, COALESCED_MISS);
        assertThat(madeTheirOwn + delta(before, after, COALESCED_HIT)).isEqualTo(3);
        assertThat(delta(before, after, MISSES)).isEqualTo(2 + madeTheirOwn);
    }

    @Test
    void requestsStopWaitingForAnAnswerThatTakesLongerThanTheTimeout() throws Exception {
        String path = "/api/v1/articles/" + newArticle("Slow Leader");
        Map<String, Double> before = metrics();
        Future<Answer> first;
        List<Future<Answer>> others;
        long started;
        try (HeldTable held = hold("article")) {
            started = System.nanoTime();
            first = send(Api::anonymous, path);
            awaitFirstMiss(before);
            others = sendBehindTheFirst(3, path);
            await(() -> metric(COALESCED_TIMEOUT) - before.get(COALESCED_TIMEOUT) == 3,
                    "the 3 stop waiting after %s", () -> coalesceTimeout);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(coalesceTimeout);
            assertThat(metric(WAITING)).isZero();
            // on their own now, in the database like the first: held by the lock too
            Thread.sleep(200);
            assertThat(others).noneMatch(Future::isDone);
            assertThat(first.isDone()).isFalse();
        }
        Answer made = first.get(30, TimeUnit.SECONDS);
        assertThat(made.status()).isEqualTo(200);
        for (Future<Answer> other : others) {
            Answer answer = other.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.cache()).isEqualTo("miss");
            assertThat(answer.etag()).isEqualTo(made.etag());
        }
        assertThat(delta(before, metrics(), MISSES)).isEqualTo(4);
    }

    @Test
    void aFirstRequestWhoseClientLeavesDoesNotKeepTheOthersWaiting() throws Exception {
        String path = "/api/v1/articles/" + newArticle("Left Early");
        Map<String, Double> before = metrics();
        List<Future<Answer>> others;
        try (HeldTable held = hold("article")) {
            long waited;
            try (Socket leaving = new Socket("localhost", RestAssured.port)) {
                OutputStream out = leaving.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + ACCEPT + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                awaitFirstMiss(before);
                others = sendBehindTheFirst(3, path);
                waited = System.nanoTime();
            }
            await(() -> metric(WAITING) == 0, "the others stop waiting once the first one's client has left");
            assertThat(Duration.ofNanos(System.nanoTime() - waited)).isLessThan(coalesceTimeout.dividedBy(2));
        }
        for (Future<Answer> other : others) {
            assertThat(other.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        Map<String, Double> after = metrics();
        // released while the first was still held, so with no answer to take: each made its own
        assertThat(delta(before, after, COALESCED_MISS)).isEqualTo(3);
        assertThat(delta(before, after, COALESCED_TIMEOUT)).isZero();
        // nothing is left waiting for the request that left: the next read is answered at once
        Future<Answer> next = send(Api::anonymous, path);
        assertThat(next.get(coalesceTimeout.toMillis() / 2, TimeUnit.MILLISECONDS).status()).isEqualTo(200);
    }

    /** A published article of its own, never read yet: not in the response cache. */
    private static String newArticle(String title) {
        return publishedArticle(article(unique(title), createAuthor(unique(title + " Writer"))));
    }

    /** What a client saw. */
    private record Answer(int status, String cache, String etag, String encoding, String contentType,
            String requestId, String body) {

        static Answer of(Response response) {
            return new Answer(response.statusCode(), response.header("X-Cache"), response.header("ETag"),
                    response.header("Content-Encoding"), response.contentType(), response.header("X-Request-Id"),
                    response.asString());
        }
    }

    private Future<Answer> send(Supplier<RequestSpecification> request, String path) {
        return clients.submit(() -> Answer.of(request.get().when().get(path)));
    }

    private List<Future<Answer>> send(int count, Supplier<RequestSpecification> request, String path) {
        List<Future<Answer>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(send(request, path));
        }
        return sent;
    }

    /** Until the first request has missed the cache (and so leads): it is then held by the lock. */
    private static void awaitFirstMiss(Map<String, Double> before) {
        await(() -> metric(MISSES) - before.get(MISSES) == 1, "the first request misses the cache (misses: %s)",
                () -> metric(MISSES) - before.get(MISSES));
    }

    private static void await(BooleanSupplier condition, String what, Supplier<?>... arguments) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Object[] values = java.util.Arrays.stream(arguments).map(Supplier::get).toArray();
                throw new AssertionError("Timed out waiting until " + what.formatted(values));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static double metric(String series) {
        return metrics().getOrDefault(series, Double.NaN);
    }

    private static long delta(Map<String, Double> before, Map<String, Double> after, String series) {
        return Math.round(after.get(series) - before.get(series));
    }

    /** The service's metrics now, by series (name and labels as Prometheus writes them). */
    private static Map<String, Double> metrics() {
        String text = platform().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> series = new HashMap<>();
        for (String line : text.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (line.startsWith("content_response_cache_") && space > 0) {
                series.put(line.substring(0, space), Double.valueOf(line.substring(space + 1)));
            }
        }
        for (String expected : List.of(MISSES, HITS, COALESCED_HIT, COALESCED_MISS, COALESCED_TIMEOUT, WAITING)) {
            assertThat(series).as("metrics").containsKey(expected);
        }
        return series;
    }

    /** A table locked against every reader until closed: what reads it waits meanwhile. */
    private HeldTable hold(String table) throws SQLException {
        Connection connection = database.getConnection();
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local lock_timeout = '10s'");
                statement.execute("lock table " + table + " in access exclusive mode");
            }
            return new HeldTable(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private record HeldTable(Connection connection) implements AutoCloseable {

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }
}
