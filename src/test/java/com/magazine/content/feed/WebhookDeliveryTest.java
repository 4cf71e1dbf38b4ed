package com.magazine.content.feed;

import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createArticle;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.newKey;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries to a receiver on 127.0.0.1 (private targets allowed here, as the tests' receiver is local). */
@QuarkusTest
@TestProfile(WebhookDeliveryTest.LocalReceivers.class)
class WebhookDeliveryTest {

    public static class LocalReceivers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "content.webhooks.allow-private-targets", "true",
                    "content.webhooks.dispatch-every", "off", // only the tests dispatch: no second dispatcher races them
                    // a receiver on a busy CI machine may take seconds to answer: a timeout there is no failure
                    // of the dispatcher's (aSlowReceiver… shows that the dispatcher waits its time)
                    "content.webhooks.timeout", "30S",
                    "content.webhooks.retry-base", "0.2S",
                    "content.webhooks.max-attempts", "3",
                    "content.webhooks.batch-size", "5");
        }
    }

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    io.agroal.api.AgroalDataSource database;

    Receiver receiver;
    String partner;
    String webhookId;
    String secret;

    @BeforeEach
    void register() throws Exception {
        receiver = new Receiver();
        partner = newKey("partner", null);
        Response created = withKey(partner).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "events", List.of("article.*")))
                .when().post("/api/v1/webhooks")
                .then().statusCode(201)
                .body("webhook.events", contains("article.*"))
                .extract().response();
        webhookId = created.path("webhook.id");
        secret = created.path("secret");
    }

    @AfterEach
    void unregister() {
        withKey(partner).when().delete("/api/v1/webhooks/" + webhookId).then().statusCode(204);
        receiver.close();
    }

    @Test
    void aPublishIsDeliveredSignedAndRecorded() throws Exception {
        String author = createAuthor(unique("Hooked"));
        createArticle(article(unique("Quiet Draft"), author));
        String slug = publishedArticle(article(unique("Loud News"), author));
        drain();

        assertThat(receiver.received).hasSize(1);
        Receiver.Received delivery = receiver.received.get(0);
        String id = delivery.headers().get("webhook-id");
        String timestamp = delivery.headers().get("webhook-timestamp");
        assertThat(delivery.headers().get("webhook-signature"))
                .isEqualTo(Signatures.sign(secret, id, Long.parseLong(timestamp), delivery.body()));
        assertThat(delivery.headers().get("webhook-signature")).startsWith("v1,");
        JsonNode body = new ObjectMapper().readTree(delivery.body());
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("event").asText()).isEqualTo("article.published");
        // the body is exactly what the document says a receiver gets (its schema is closed)
        io.swagger.v3.oas.models.OpenAPI document = new io.swagger.v3.parser.OpenAPIV3Parser()
                .read("openapi/openapi.yaml");
        com.atlassian.oai.validator.report.ValidationReport report =
                new com.atlassian.oai.validator.schema.SchemaValidator(document,
                        new com.atlassian.oai.validator.report.MessageResolver())
                        .validate(delivery.body(), document.getComponents().getSchemas().get("WebhookPayload"),
                                "webhook");
        assertThat(report.getMessages()).as("the delivery against the WebhookPayload schema").isEmpty();
        assertThat(body.get("op").asText()).isEqualTo("upsert");
        assertThat(body.get("entity").get("slug").asText()).isEqualTo(slug);
        // what a CDN purger needs: the keys of every answer the change made stale
        List<String> keys = new ArrayList<>();
        body.get("surrogateKeys").forEach(key -> keys.add(key.asText()));
        assertThat(keys).containsExactlyInAnyOrder("article:" + body.get("entity").get("id").asText(), "articles");

        withKey(partner).when().get("/api/v1/webhooks/" + webhookId + "/deliveries")
                .then().statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].status", equalTo("delivered"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", equalTo(200));
    }

    @Test
    void anExpiryIsDeliveredAtItsInstantAndAnEmbargoOnlyToPartners() throws Exception {
        String author = createAuthor(unique("Timed"));
        String expiring = publishedArticle(article(unique("Expiring News"), author));
        asAdmin().contentType("application/merge-patch+json")
                .body(Map.of("unpublishAt", java.time.Instant.now().plusMillis(1200).toString()))
                .when().patch("/api/v1/articles/" + expiring).then().statusCode(200);
        Map<String, Object> embargoed = new java.util.HashMap<>(article(unique("Embargoed News"), author));
        embargoed.put("embargo", true);
        String early = createArticle(embargoed);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("at", java.time.Instant.now().plus(java.time.Duration.ofHours(3)).toString()))
                .when().post("/api/v1/articles/" + early + "/publish").then().statusCode(200);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 80 && !events.contains("article.unpublished " + expiring); i++) {
            Thread.sleep(100);
            drain();
            events.clear();
            for (Receiver.Received delivery : receiver.received) {
                JsonNode body = new ObjectMapper().readTree(delivery.body());
                events.add(body.get("event").asText() + " " + body.get("entity").get("slug").asText());
            }
        }
        // published, then (the expiry job, by itself) unpublished; the embargoed one is heard of when scheduled
        assertThat(events).containsSubsequence("article.published " + expiring, "article.unpublished " + expiring)
                .contains("article.scheduled " + early);
    }

    @Test
    void assetChangesAreDeliveredToWebhooksForAssets() throws Exception {
        try (Receiver assets = new Receiver()) {
            String hook = withKey(partner).contentType(ContentType.JSON)
                    .body(Map.of("url", assets.url(), "events", List.of("asset.*")))
                    .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("webhook.id");
            String id = asAdmin().contentType("image/jpeg")
                    .body(com.magazine.content.asset.TestImages.jpeg(400, 300, System.nanoTime()))
                    .when().post("/api/v1/assets").then().statusCode(201).extract().path("id");
            asAdmin().contentType("application/merge-patch+json").body(Map.of("alt", "A buoy in a swell"))
                    .when().patch("/api/v1/assets/" + id).then().statusCode(200);
            drain();

            List<String> events = new ArrayList<>();
            for (Receiver.Received delivery : assets.received) {
                JsonNode body = new ObjectMapper().readTree(delivery.body());
                assertThat(body.get("entity").get("id").asText()).isEqualTo(id);
                List<String> keys = new ArrayList<>();
                body.get("surrogateKeys").forEach(key -> keys.add(key.asText()));
                assertThat(keys).contains("asset:" + id); // what purges every answer that shows the image
                events.add(body.get("event").asText());
            }
            assertThat(events).containsExactlyInAnyOrder("asset.created", "asset.updated"); // sent side by side
            assertThat(receiver.received).isEmpty(); // the article webhook hears nothing of assets
            withKey(partner).when().delete("/api/v1/webhooks/" + hook).then().statusCode(204);
        }
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffThenGivenUp() throws Exception {
        drain(); // what earlier tests left due is sent first, so that this test's dispatches see only its own
        receiver.status.set(500);
        String slug = publishedArticle(article(unique("Retried"), createAuthor(unique("Retrier"))));
        dispatcher.dispatchDue();
        Map<String, Object> first = latestDelivery();
        assertThat(first.get("status")).as("%s", first).isEqualTo("pending");
        assertThat(first.get("attempts")).as("%s", first).isEqualTo(1);
        assertThat(first.get("lastStatusCode")).as("%s", first).isEqualTo(500);

        assertThat(dispatcher.dispatchDue()).as("not due before its backoff").isZero();
        Thread.sleep(300);
        dispatcher.dispatchDue();
        assertThat(latestDelivery().get("attempts")).isEqualTo(2);

        receiver.status.set(204);
        Thread.sleep(500);
        dispatcher.dispatchDue();
        Map<String, Object> last = latestDelivery();
        assertThat(last.get("status")).isEqualTo("delivered");
        assertThat(last.get("attempts")).isEqualTo(3);
        assertThat(receiver.received).hasSize(3)
                .extracting(r -> r.headers().get("webhook-id"))
                .containsOnly((String) first.get("id"));

        receiver.status.set(500);
        asAdmin().when().post("/api/v1/articles/" + slug + "/unpublish").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            dispatcher.dispatchDue();
            Thread.sleep(i == 0 ? 300 : 500);
        }
        assertThat(latestDelivery().get("status")).isEqualTo("failed");
    }

    /**
     * While a slow receiver takes its time, the dispatcher holds no transaction (nor its row locks) open: nothing else
     * waits on it, and its try is counted once the answer comes.
     */
    @Test
    void aSlowReceiverIsSentToWithNoTransactionOpen() throws Exception {
        receiver.delayMillis.set(2500);
        publishedArticle(article(unique("Slowly Told"), createAuthor(unique("Slow Teller"))));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> sending = pool.submit(() -> dispatcher.dispatchDue());
            Thread.sleep(1500);
            assertThat(receiver.received).as("the receiver has the delivery and has not answered").hasSize(1);
            try (java.sql.Connection connection = database.getConnection();
                    java.sql.Statement statement = connection.createStatement();
                    java.sql.ResultSet idle = statement.executeQuery("""
                            select count(*) from pg_stat_activity
                            where datname = current_database() and state like 'idle in transaction%'
                              and now() - state_change > interval '1 second'""")) {
                idle.next();
                assertThat(idle.getInt(1)).as("transactions left open while the receiver answers").isZero();
            }
            assertThat(sending.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            receiver.delayMillis.set(0);
        }
        Map<String, Object> delivery = latestDelivery();
        assertThat(delivery.get("status")).isEqualTo("delivered");
        assertThat(delivery.get("attempts")).isEqualTo(1);
    }

    @Test
    void twoWorkersNeverSendTheSameDeliveryTwice() throws Exception {
        String author = createAuthor(unique("Busy"));
        for (int i = 0; i < 16; i++) {
            publishedArticle(article(unique("Busy " + i), author));
        }
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int worker = 0; worker < 2; worker++) {
                runs.add(workers.submit(() -> {
                    while (dispatcher.dispatchDue() > 0) {
                        // each worker claims its own batch until none is due
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            workers.shutdown();
        }
        drain();
        List<String> ids = receiver.received.stream().map(r -> r.headers().get("webhook-id")).toList();
        assertThat(ids).hasSize(16).doesNotHaveDuplicates();
    }

    @Test
    void partnersSeeOnlyTheirOwnWebhooks() {
        String other = newKey("partner", null);
        withKey(other).when().get("/api/v1/webhooks/" + webhookId).then().statusCode(404);
        withKey(other).when().get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", not(hasItem(webhookId)));
        asAdmin().when().get("/api/v1/webhooks/" + webhookId).then().statusCode(200)
                .body("url", equalTo(receiver.url()));
        withKey(partner).when().get("/api/v1/webhooks").then().body("items.id", contains(webhookId));
    }

    private void drain() {
        while (dispatcher.dispatchDue() > 0) {
            // until nothing is due
        }
    }

    private Map<String, Object> latestDelivery() {
        return withKey(partner).when().get("/api/v1/webhooks/" + webhookId + "/deliveries")
                .then().statusCode(200).extract().path("items[0]");
    }

    static Set<String> set(List<String> values) {
        return new HashSet<>(values);
    }
}
