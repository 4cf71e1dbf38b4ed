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
 * The log of changes every feature writes to, in the transaction of the change itself: what the change feed serves
 * and what webhooks are sent from.
 *
 * <p>Positions are ({@code txid}, {@code seq}); a reader only reads below the oldest transaction still running. A
 * transaction that started earlier but commits later therefore never slips in behind a reader: until it ends, the
 * frontier stays below its events.
 */
@ApplicationScoped
public class ChangeLog {

    private final EntityManager entityManager;
    private final Event<ChangeRecorded> recorded;

    ChangeLog(EntityManager entityManager, Event<ChangeRecorded> recorded) {
        this.entityManager = entityManager;
        this.recorded = recorded;
    }

    /** Records {@code change} in the current transaction, which must exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Change change) {
        Instant at = Timestamps.now();
        Number seq = (Number) entityManager.createNativeQuery("""
                        insert into change_event (type, entity_id, slug, public_op, staff_op, action, version, at,
                                                  related_id, purges)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as text[])) returning seq""")
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
                .getSingleResult();
        recorded.fire(new ChangeRecorded(seq.longValue(), change, at));
    }

    /** A PostgreSQL array literal of plain keys (they hold no quotes, commas, braces or spaces). */
    private static String textArray(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    /** A position in the log; {@link #START} is before everything. */
    public record Position(String txid, long seq) {

        public static final Position START = new Position("0", 0);
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
     * position is after the last change read; once nothing more is to be read, it is the last settled position, so
     * that changes the reader may not see are not scanned again.
     */
    @Transactional
    public Page read(Position after, boolean staff, int limit) {
        // one frontier for both queries below: taken once, it cannot move between them and let a late commit be
        // jumped over
        String frontier = (String) entityManager.createNativeQuery(
                        "select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)")
                .getSingleResult();
        String op = staff ? "staff_op" : "public_op";
        List<?> rows = entityManager.createNativeQuery("""
                        select cast(txid as text), seq, type, entity_id, slug, %s, action, version, at, related_id,
                               array_to_string(purges, ' ')
                        from change_event
                        where (txid, seq) > (cast(?1 as xid8), ?2)
                          and txid < cast(?3 as xid8)
                          and %s is not null
                        order by txid, seq
                        limit ?4""".formatted(op, op))
                .setParameter(1, after.txid())
                .setParameter(2, after.seq())
                .setParameter(3, frontier)
                .setParameter(4, limit)
                .getResultList();
        List<Entry> entries = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            entries.add(new Entry(new Position((String) c[0], ((Number) c[1]).longValue()), (String) c[2],
                    (UUID) c[3], (String) c[4], Change.Op.valueOf((String) c[5]), (String) c[6],
                    c[7] == null ? null : ((Number) c[7]).longValue(), Timestamps.fromJdbc(c[8]), (UUID) c[9],
                    c[10] == null || ((String) c[10]).isEmpty() ? List.of() : List.of(((String) c[10]).split(" "))));
        }
        Position next = entries.isEmpty() ? after : entries.get(entries.size() - 1).position();
        if (entries.size() < limit) {
            next = settled(next, frontier);
        }
        return new Page(entries, next);
    }

    /** Where the log ends now: the position after the last settled change. */
    @Transactional
    public Position end() {
        String frontier = (String) entityManager.createNativeQuery(
                        "select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)")
                .getSingleResult();
        return settled(Position.START, frontier);
    }

    /** The last position below the frontier, whoever may see it. */
    private Position settled(Position after, String frontier) {
        List<?> rows = entityManager.createNativeQuery("""
                        select cast(txid as text), seq from change_event
                        where (txid, seq) > (cast(?1 as xid8), ?2)
                          and txid < cast(?3 as xid8)
                        order by txid desc, seq desc limit 1""")
                .setParameter(1, after.txid())
                .setParameter(2, after.seq())
                .setParameter(3, frontier)
                .getResultList();
        if (rows.isEmpty()) {
            return after;
        }
        Object[] c = (Object[]) rows.get(0);
        return new Position((String) c[0], ((Number) c[1]).longValue());
    }
}
