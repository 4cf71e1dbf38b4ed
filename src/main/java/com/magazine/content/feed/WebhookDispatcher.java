package com.magazine.content.feed;

import com.magazine.content.common.database.Entities;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.time.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, on every instance, holding no transaction or connection while it sends: it leases a batch in
 * one short transaction (the try is counted then, and the rows are not due again until the lease ends), posts each
 * with none open, and records each outcome in a short transaction of its own. So no delivery is sent by two instances
 * at once, a slow receiver holds up nothing but its own deliveries, and a crash mid-send sends the delivery again when
 * its lease ends, with the same Webhook-Id, which is how receivers recognise a repeat.
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

    /** A leased delivery, with what sending it needs: no entity outlives the lease's transaction. */
    private record Leased(UUID id, String event, String payload, String url, String sealedSecret) {
    }

    /** Sends what is due now; answers how many deliveries were tried. */
    public int dispatchDue() {
        List<Leased> due = lease();
        for (Leased delivery : due) {
            send(delivery);
        }
        return due.size();
    }

    /**
     * Leases a batch for as long as sending all of it may take (each post waits at most the timeout), with a margin;
     * then it is due again, and is sent again if this instance died meanwhile.
     */
    private List<Leased> lease() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Timestamps.now();
            Instant until = now.plus(config.timeout().multipliedBy(config.batchSize())).plusSeconds(30);
            List<Delivery> leased = deliveries.lease(now, config.batchSize(), until);
            if (leased.isEmpty()) {
                return List.of();
            }
            Map<UUID, Webhook> targets = Entities.byIds(webhooks.getEntityManager(), Webhook.class,
                            leased.stream().map(Delivery::webhookId).toList())
                    .stream().collect(Collectors.toMap(Webhook::id, Function.identity()));
            return leased.stream().map(delivery -> {
                Webhook webhook = targets.get(delivery.webhookId());
                return new Leased(delivery.id(), delivery.event(), delivery.payload(), webhook.url(), webhook.secret());
            }).toList();
        });
    }

    /** Posts one leased delivery, with no transaction open, then records the outcome in a transaction of its own. */
    private void send(Leased delivery) {
        TargetGuard.Decision target = guard.check(delivery.url());
        String id = delivery.id().toString();
        WebhookSender.Outcome outcome = null;
        if (target.allowed()) {
            long timestamp = Timestamps.now().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", "content-api-webhooks/1");
            headers.put("webhook-id", id);
            headers.put("webhook-timestamp", String.valueOf(timestamp));
            headers.put("webhook-signature", Signatures.sign(secrets.open(delivery.sealedSecret()), id, timestamp,
                    delivery.payload()));
            headers.put("webhook-event", delivery.event());
            long started = System.nanoTime();
            outcome = sender.post(target.target(), headers, delivery.payload());
            metrics.sent(java.time.Duration.ofNanos(System.nanoTime() - started));
        }
        WebhookSender.Outcome result = outcome;
        QuarkusTransaction.requiringNew().run(() -> record(delivery, target, result));
    }

    private void record(Leased leased, TargetGuard.Decision target, WebhookSender.Outcome outcome) {
        Delivery delivery = deliveries.findById(leased.id());
        if (delivery == null) {
            return; // its webhook was deleted meanwhile
        }
        if (!target.allowed()) {
            delivery.failed(null, "target refused: " + target.refusal(), config.maxAttempts(), config.retryBase());
        } else if (outcome.delivered()) {
            delivery.delivered(outcome.statusCode());
        } else {
            delivery.failed(outcome.statusCode(), outcome.statusCode() != null ? "HTTP " + outcome.statusCode()
                    : outcome.error(), config.maxAttempts(), config.retryBase());
        }
        metrics.outcome(delivery.status() == Delivery.Status.delivered ? "delivered"
                : delivery.status() == Delivery.Status.failed ? "gave_up" : !target.allowed() ? "refused" : "failed");
        if (delivery.status() == Delivery.Status.failed) {
            LOG.warnf("Webhook delivery %s to %s given up after %d tries: %s", leased.id(), leased.url(),
                    delivery.attempts(), delivery.lastError());
        } else if (delivery.status() != Delivery.Status.delivered) {
            LOG.infof("Webhook delivery %s to %s failed (%s), try %d", leased.id(), leased.url(),
                    delivery.lastError(), delivery.attempts());
        }
    }
}
