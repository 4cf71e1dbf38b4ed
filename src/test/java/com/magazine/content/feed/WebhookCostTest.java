package com.magazine.content.feed;

import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.support.Api;
import com.magazine.content.support.Costed;
import com.magazine.content.support.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change feed, webhooks and their deliveries cost the same SQL statements whatever the page's size. */
@QuarkusTest
class WebhookCostTest {

    @Inject
    StatementCounter counter;

    @Test
    @Costed("/api/v1/changes")
    void aPageOfChangesCostsTheSameWhateverItsSize() {
        createAuthor(unique("Changed")); // so that the log is not empty (a cursor at its very start skips a check)
        String since = ChangeFeedTest.tail(Api::asAdmin);
        for (int i = 0; i < 22; i++) {
            createAuthor(unique("Changed"));
        }
        long two = counter.get("/api/v1/changes?limit=2&since=" + since);
        long twenty = counter.get("/api/v1/changes?limit=20&since=" + since);
        // where the log was pruned up to; where it ends; the page
        assertThat(twenty).isEqualTo(two).isEqualTo(3);
        assertThat(counter.get(Api::asAdmin, "/api/v1/changes?limit=20&since=" + since)).isEqualTo(twenty);
    }

    @Test
    @Costed({"/api/v1/webhooks", "/api/v1/webhooks/{id}", "/api/v1/webhooks/{id}/deliveries"})
    void webhooksAndTheirDeliveriesCostTheSameWhateverThePagesSize() throws InterruptedException {
        List<String> webhooks = new ArrayList<>();
        try {
            for (int i = 0; i < 22; i++) {
                webhooks.add(asAdmin().contentType(ContentType.JSON)
                        .body(Map.of("url", "https://93.184.216.34/" + unique("hook"),
                                "events", List.of("author.*")))
                        .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("webhook.id"));
            }
            long two = counter.get(Api::asAdmin, "/api/v1/webhooks?limit=2");
            long twenty = counter.get(Api::asAdmin, "/api/v1/webhooks?limit=20");
            // the page of webhooks
            assertThat(twenty).isEqualTo(two).isEqualTo(1);
            // the webhook
            assertThat(counter.get(Api::asAdmin, "/api/v1/webhooks/" + webhooks.get(0))).isEqualTo(1);

            // one webhook is enough for its deliveries: 21 more would queue 462 tries whose statements the
            // dispatcher makes while the page is counted (CI once counted 4 for 2)
            while (webhooks.size() > 1) {
                asAdmin().when().delete("/api/v1/webhooks/" + webhooks.remove(webhooks.size() - 1))
                        .then().statusCode(204);
            }
            for (int i = 0; i < 22; i++) {
                createAuthor(unique("Announced"));
            }
            String deliveries = "/api/v1/webhooks/" + webhooks.get(0) + "/deliveries";
            firstTriesMade(deliveries, 22); // the next ones are 10 s away: the counting runs in quiet
            long twoDeliveries = counter.get(Api::asAdmin, deliveries + "?limit=2");
            long twentyDeliveries = counter.get(Api::asAdmin, deliveries + "?limit=20");
            // the webhook; the page of its deliveries
            assertThat(twentyDeliveries).isEqualTo(twoDeliveries).isEqualTo(2);
        } finally {
            // nothing more is sent to them, nor left for the next tests' dispatcher
            webhooks.forEach(id -> asAdmin().when().delete("/api/v1/webhooks/" + id).then().statusCode(204));
        }
    }

    /** Waits (up to a minute) until the dispatcher has tried each of the webhook's {@code count} deliveries once. */
    private static void firstTriesMade(String deliveries, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            List<Integer> attempts = asAdmin().when().get(deliveries + "?limit=" + count).then().statusCode(200)
                    .extract().path("items.attempts");
            if (attempts.size() >= count && attempts.stream().allMatch(tries -> tries > 0)) {
                return;
            }
            assertThat(System.currentTimeMillis()).as("deliveries tried once within a minute: " + attempts)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
