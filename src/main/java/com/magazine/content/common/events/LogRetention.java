package com.magazine.content.common.events;

import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.time.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps the change log and the webhook deliveries from growing forever: every few minutes, on every instance, rows
 * older than their retention are removed in small batches (each its own short transaction), so that pruning never
 * holds a lock for long. Instances pruning at once skip nothing and remove nothing twice (a row is deleted once).
 */
@ApplicationScoped
class LogRetention {

    private static final Logger LOG = Logger.getLogger(LogRetention.class);
    private static final int MAX_BATCHES = 100;

    private final ChangeLog log;
    private final EntityManager entityManager;
    private final ContentConfig.Retention config;

    LogRetention(ChangeLog log, EntityManager entityManager, ContentConfig config) {
        this.log = log;
        this.entityManager = entityManager;
        this.config = config.retention();
    }

    @Scheduled(every = "${content.retention.every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneScheduled() {
        try {
            prune(Timestamps.now());
        } catch (RuntimeException e) {
            LOG.warn("Could not prune the change log and webhook deliveries; trying again later", e);
        }
    }

    /** Prunes what is past retention at {@code now}; answers how many changes and deliveries went. */
    public int[] prune(Instant now) {
        int deliveries = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int removed = QuarkusTransaction.requiringNew().call(() -> pruneDeliveries(now.minus(config.deliveries())));
            deliveries += removed;
            if (removed < config.batchSize()) {
                break;
            }
        }
        int changes = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int removed = log.prune(now.minus(config.changes()), config.batchSize());
            changes += removed;
            if (removed < config.batchSize()) {
                break;
            }
        }
        if (changes + deliveries > 0) {
            LOG.infof("Pruned %d change(s) and %d webhook delivery(ies) past retention", changes, deliveries);
        }
        return new int[] {changes, deliveries};
    }

    private int pruneDeliveries(Instant before) {
        return entityManager.createNativeQuery("""
                        delete from webhook_delivery where id in (
                            select id from webhook_delivery where created_at < ?1 limit ?2)""")
                .setParameter(1, before)
                .setParameter(2, config.batchSize())
                .executeUpdate();
    }
}
