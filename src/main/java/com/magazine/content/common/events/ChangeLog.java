package com.magazine.content.common.events;

import com.magazine.content.common.http.SurrogateKey;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The log of changes every feature writes to, in the transaction of the change itself: what the change feed serves,
 * what webhooks are sent from, and what every instance purges its response cache from.
 *
 * <p>Positions are sequence numbers, and sequence order is commit order: a writer takes a transaction-scoped advisory
 * lock before it takes its number and keeps it until it commits or rolls back, so no later number can commit before
 * an earlier one. A reader therefore sees, at any moment, every change up to some number and none after it, and reads
 * on by number alone. Nothing outside a change's own transaction can hold the feed back: not a slow transaction of
 * another kind (a webhook delivery), not another database on the same server. The price is that the tails of writing
 * transactions (from their first change to their commit) run one at a time, which for a newsroom's writes is nothing.
 */
@ApplicationScoped
public class ChangeLog {

    /** The advisory lock that orders the writers of the log (an arbitrary constant, this log's alone). */
    static final long WRITERS_LOCK = 0x636f6e74656e74L; // "content"

    private final EntityManager entityManager;
    private final Event<ChangeRecorded> recorded;

    ChangeLog(EntityManager entityManager, Event<ChangeRecorded> recorded) {
        this.entityManager = entityManager;
        this.recorded = recorded;
    }

    /** Whose view of the log is read: each sees its own op of a change, and no change where it has none. */
    public enum Reader { STAFF, PARTNER, PUBLIC }

    /** Records {@code change} in the current transaction, which must exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Change change) {
        // held until this transaction ends (taken again by a second change of the same transaction, at no cost)
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, WRITERS_LOCK)
                .getSingleResult();
        Instant at = Timestamps.now();
        Number seq = (Number) entityManager.createNativeQuery("""
                        insert into change_event (type, entity_id, slug, public_op, staff_op, action, version, at,
                                                  related_id, purges, partner_op)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as text[]), ?11) returning seq""")
                .setParameter(1, change.type())
                .setParameter(2, change.id())
                .setParameter(3, change.slug())
                .setParameter(4, change.publicOp() == null ? null : change.publicOp().name())
                .setParameter(5, change.staffOp().name())
                .setParameter(6, change.action())
                .setParameter(7, change.version())
                .setParameter(8, at)
                .setParameter(9, change.relatedId())
                .setParameter(10, textArray(change.purges().stream().map(SurrogateKey::value).sorted().toList()))
                .setParameter(11, change.partnerOp() == null ? null : change.partnerOp().name())
                .getSingleResult();
        // other instances hear of it at commit (ChangeNotifications); one notification per transaction is sent
        entityManager.createNativeQuery("select pg_notify(?1, '')").setParameter(1, ChangeNotifications.CHANNEL)
                .getSingleResult();
        recorded.fire(new ChangeRecorded(seq.longValue(), change, at));
    }

    /** A PostgreSQL array literal of plain keys (they hold no quotes, commas, braces or spaces). */
    private static String textArray(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    /** A position in the log: after the change numbered {@code seq}; {@link #START} is before everything. */
    public record Position(long seq) {

        public static final Position START = new Position(0);
    }

    /** A change as read, with the position just after it. */
    public record Entry(Position position, String type, UUID id, String slug, Change.Op op, String action,
            Long version, Instant at, UUID relatedId, List<String> purges) {
    }

    /** A page of the log: the changes read, and where to resume. */
    public record Page(List<Entry> entries, Position next) {
    }

    /**
     * Up to {@code limit} changes after {@code after} that the public ({@code staff} false) or editors see. The next
     * position is after the last change read; once nothing more is to be read, it is after the last change committed,
     * so that changes the reader may not see are not scanned again.
     */
    @Transactional
    public Page read(Position after, Reader reader, int limit) {
        // where the log ends first, then the changes up to there: each statement sees the log as of its own start,
        // and a later one may see more; so the end is never past what the page was read from
        Position end = last(after);
        String op = switch (reader) {
            case STAFF -> "staff_op";
            case PARTNER -> "partner_op";
            case PUBLIC -> "public_op";
        };
        List<?> rows = entityManager.createNativeQuery("""
                        select seq, type, entity_id, slug, %s, action, version, at, related_id,
                               array_to_string(purges, ' ')
                        from change_event
                        where seq > ?1 and seq <= ?3 and %s is not null
                        order by seq
                        limit ?2""".formatted(op, op))
                .setParameter(1, after.seq())
                .setParameter(2, limit)
                .setParameter(3, end.seq())
                .getResultList();
        List<Entry> entries = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            entries.add(new Entry(new Position(((Number) c[0]).longValue()), (String) c[1], (UUID) c[2],
                    (String) c[3], Change.Op.valueOf((String) c[4]), (String) c[5],
                    c[6] == null ? null : ((Number) c[6]).longValue(), Timestamps.fromJdbc(c[7]), (UUID) c[8],
                    c[9] == null || ((String) c[9]).isEmpty() ? List.of() : List.of(((String) c[9]).split(" "))));
        }
        Position next = entries.size() < limit ? end : entries.get(entries.size() - 1).position();
        return new Page(entries, next);
    }

    /**
     * Removes up to {@code batch} changes recorded before {@code before}, with the webhook deliveries made from them,
     * and moves the pruned mark past them; answers how many changes went. Deliveries are pruned first (they refer to
     * their change).
     */
    @Transactional
    public int prune(Instant before, int batch) {
        entityManager.createNativeQuery("""
                        delete from webhook_delivery where event_seq in (
                            select seq from change_event where at < ?1 order by seq limit ?2)""")
                .setParameter(1, before)
                .setParameter(2, batch)
                .executeUpdate();
        List<?> pruned = entityManager.createNativeQuery("""
                        delete from change_event where seq in (
                            select seq from change_event where at < ?1 order by seq limit ?2)
                        returning seq""")
                .setParameter(1, before)
                .setParameter(2, batch)
                .getResultList();
        if (!pruned.isEmpty()) {
            long upTo = pruned.stream().mapToLong(seq -> ((Number) seq).longValue()).max().orElse(0);
            entityManager.createNativeQuery("update change_log_pruned set up_to = greatest(up_to, ?1)")
                    .setParameter(1, upTo)
                    .executeUpdate();
        }
        return pruned.size();
    }

    /** The highest change number pruned: a position before it can no longer be read on from. */
    @Transactional
    public long prunedUpTo() {
        return ((Number) entityManager.createNativeQuery("select up_to from change_log_pruned").getSingleResult())
                .longValue();
    }

    /** Where the log ends now: after the last change committed. */
    @Transactional
    public Position end() {
        return last(Position.START);
    }

    /**
     * A position given by the earlier form of the change feed's cursor, (transaction id, number), as a number: the
     * first change after it in the old order, less one. A change may then be served twice, never skipped.
     */
    @Transactional
    public Position fromTransactionPosition(String txid, long seq) {
        Object first = entityManager.createNativeQuery("""
                        select min(seq) from change_event where (txid, seq) > (cast(?1 as xid8), ?2)""")
                .setParameter(1, txid)
                .setParameter(2, seq)
                .getSingleResult();
        return first == null ? last(new Position(seq)) : new Position(((Number) first).longValue() - 1);
    }

    /** After the last change committed, or {@code after} when none follows it. */
    private Position last(Position after) {
        Object last = entityManager.createNativeQuery("select max(seq) from change_event where seq > ?1")
                .setParameter(1, after.seq())
                .getSingleResult();
        return last == null ? after : new Position(((Number) last).longValue());
    }
}
