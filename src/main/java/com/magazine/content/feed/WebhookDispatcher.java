package com.magazine.content.feed;

import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.time.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    private final WebhookMetrics metrics;

    WebhookDispatcher(DeliveryRepository deliveries, WebhookRepository webhooks, TargetGuard guard,
            WebhookSender sender, WebhookSecrets secrets, WebhookMetrics metrics, ContentConfig config) {
        this.metrics = metrics;
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.guard = guard;
        this.config = config.webhooks();
        this.sender = sender;
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
        TargetGuard.Decision target = guard.check(webhook.url());
        String id = delivery.id().toString();
        if (!target.allowed()) {
            delivery.failed(null, "target refused: " + target.refusal(), config.maxAttempts(), config.retryBase());
        } else {
            long timestamp = Timestamps.now().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", "content-api-webhooks/1");
            headers.put("webhook-id", id);
            headers.put("webhook-timestamp", String.valueOf(timestamp));
            headers.put("webhook-signature", Signatures.sign(secrets.open(webhook.secret()), id, timestamp, delivery.payload()));
            headers.put("webhook-event", delivery.event());
            long started = System.nanoTime();
            WebhookSender.Outcome outcome = sender.post(target.target(), headers, delivery.payload());
            metrics.sent(java.time.Duration.ofNanos(System.nanoTime() - started));
            if (outcome.delivered()) {
                delivery.delivered(outcome.statusCode());
            } else {
                delivery.failed(outcome.statusCode(), outcome.statusCode() != null ? "HTTP " + outcome.statusCode()
                        : outcome.error(), config.maxAttempts(), config.retryBase());
            }
        }
        metrics.outcome(delivery.status() == Delivery.Status.delivered ? "delivered"
                : delivery.status() == Delivery.Status.failed ? "gave_up" : !target.allowed() ? "refused" : "failed");
        if (delivery.status() == Delivery.Status.failed) {
            LOG.warnf("Webhook delivery %s to %s given up after %d tries: %s", id, webhook.url(),
                    delivery.attempts(), delivery.lastError());
        } else if (delivery.status() != Delivery.Status.delivered) {
            LOG.infof("Webhook delivery %s to %s failed (%s), try %d", id, webhook.url(), delivery.lastError(),
                    delivery.attempts());
        }
    }
}
