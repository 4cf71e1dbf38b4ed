package com.magazine.content.feed;

import com.magazine.content.common.time.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook metrics: {@code content_webhook_deliveries_total{outcome}} (delivered, failed — to be retried —, gave_up,
 * refused), {@code content_webhook_delivery_seconds} (how long receivers take to answer), and the backlog as gauges,
 * {@code content_webhook_backlog} (deliveries waiting) and {@code content_webhook_backlog_overdue_seconds} (how late
 * the most overdue one is), read from the database every 15 s rather than at each scrape.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // its gauges exist from the first scrape, not from the first delivery
class WebhookMetrics {

    private final MeterRegistry registry;
    private final DeliveryRepository deliveries;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Timer latency;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong overdueSeconds = new AtomicLong();

    WebhookMetrics(MeterRegistry registry, DeliveryRepository deliveries) {
        this.registry = registry;
        this.deliveries = deliveries;
        this.latency = Timer.builder("content.webhook.delivery")
                .description("How long webhook receivers take to answer a delivery")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("content.webhook.backlog", backlog, AtomicLong::get)
                .description("Webhook deliveries waiting to be sent or retried").register(registry);
        Gauge.builder("content.webhook.backlog.overdue", overdueSeconds, AtomicLong::get)
                .baseUnit("seconds")
                .description("How long the most overdue waiting delivery has been due").register(registry);
    }

    void sent(Duration took) {
        latency.record(took);
    }

    /** One try's outcome: delivered, failed (to be retried), gave_up or refused. */
    void outcome(String outcome) {
        outcomes.computeIfAbsent(outcome, name -> Counter.builder("content.webhook.deliveries")
                .description("Webhook delivery tries by outcome")
                .tag("outcome", name)
                .register(registry)).increment();
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void readBacklog() {
        DeliveryRepository.Backlog now = QuarkusTransaction.requiringNew().call(deliveries::backlog);
        backlog.set(now.pending());
        overdueSeconds.set(now.oldestDue() == null ? 0
                : Math.max(0, Duration.between(now.oldestDue(), Timestamps.now()).toSeconds()));
    }
}
