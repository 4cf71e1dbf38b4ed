package com.magazine.content.feed;

import com.magazine.content.common.database.Entities;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * Leases up to {@code limit} due deliveries until {@code until}, counting the try now, and answers them. Rows another
     * worker is leasing at the same moment are skipped, and a leased row is not due again before its lease ends, so
     * two instances never send the same delivery at once; the lease needs no lock or transaction while it lasts.
     */
    List<Delivery> lease(Instant now, int limit, Instant until) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        update webhook_delivery set attempts = attempts + 1, next_attempt_at = ?3
                        where id in (select id from webhook_delivery
                                     where status = 'pending' and next_attempt_at <= ?1
                                     order by next_attempt_at limit ?2
                                     for update skip locked)
                        returning id""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, until)
                .getResultList();
        return Entities.byIds(getEntityManager(), Delivery.class, ids).stream()
                .sorted(java.util.Comparator.comparing(Delivery::nextAttemptAt)).toList();
    }

    /** For the metrics: how many deliveries wait to be sent (or retried), and the due time of the oldest. */
    Backlog backlog() {
        Object[] row = (Object[]) getEntityManager().createNativeQuery(
                        "select count(*), min(next_attempt_at) from webhook_delivery where status = 'pending'")
                .getSingleResult();
        return new Backlog(((Number) row[0]).longValue(),
                row[1] == null ? null : com.magazine.content.common.time.Timestamps.fromJdbc(row[1]));
    }

    record Backlog(long pending, Instant oldestDue) {
    }

    /** Newest first. */
    List<Delivery> page(UUID webhookId, Instant beforeAt, UUID beforeId, int limit) {
        var query = beforeId == null
                ? find("webhookId = ?1 order by createdAt desc, id desc", webhookId)
                : find("webhookId = ?1 and (createdAt, id) < (?2, ?3) order by createdAt desc, id desc", webhookId,
                        beforeAt, beforeId);
        return query.page(0, limit).list();
    }
}
