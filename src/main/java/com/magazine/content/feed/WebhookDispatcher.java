package com.magazine.content.feed;

import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.time.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, on every instance: each claims its own rows (FOR UPDATE SKIP LOCKED) and keeps the lock while
 * sending, so no delivery is sent by two at once. A crash mid-send rolls the claim back: the delivery is sent again
 * later with the same Webhook-Id, which is how receivers recognise a repeat.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final DeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final TargetGuard guard;
    private final ContentConfig.Webhooks config;
    private final HttpClient http;

    WebhookDispatcher(DeliveryRepository deliveries, WebhookRepository webhooks, TargetGuard guard,
            ContentConfig config) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.guard = guard;
        this.config = config.webhooks();
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(every = "${content.webhooks.dispatch-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchScheduled() {
        dispatchDue();
    }

    /** Sends what is due now; answers how many deliveries were tried. */
    @Transactional
    public int dispatchDue() {
        List<Delivery> due = deliveries.claimDue(Timestamps.now(), config.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        Map<UUID, Webhook> targets = webhooks.list("id in ?1", due.stream().map(Delivery::webhookId).toList())
                .stream().collect(Collectors.toMap(Webhook::id, Function.identity()));
        for (Delivery delivery : due) {
            send(delivery, targets.get(delivery.webhookId()));
        }
        return due.size();
    }

    private void send(Delivery delivery, Webhook webhook) {
        Optional<String> refusal = guard.refusal(webhook.url());
        if (refusal.isPresent()) {
            delivery.failed(null, "target refused: " + refusal.get(), config.maxAttempts(), config.retryBase());
            return;
        }
        long timestamp = Timestamps.now().getEpochSecond();
        String id = delivery.id().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "content-api-webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", Signatures.sign(webhook.secret(), id, timestamp, delivery.payload()))
                .header("webhook-event", delivery.event())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                delivery.delivered(response.statusCode());
            } else {
                delivery.failed(response.statusCode(), "HTTP " + response.statusCode(), config.maxAttempts(),
                        config.retryBase());
            }
        } catch (java.net.http.HttpTimeoutException e) {
            delivery.failed(null, "no answer within " + config.timeout().toSeconds() + " s", config.maxAttempts(),
                    config.retryBase());
        } catch (java.io.IOException e) {
            delivery.failed(null, "could not connect or send", config.maxAttempts(), config.retryBase());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.failed(null, "interrupted", config.maxAttempts(), config.retryBase());
        }
        if (delivery.status() != Delivery.Status.delivered) {
            LOG.debugf("Webhook delivery %s to %s failed (%s), try %d", id, webhook.url(), delivery.lastError(),
                    delivery.attempts());
        }
    }
}
