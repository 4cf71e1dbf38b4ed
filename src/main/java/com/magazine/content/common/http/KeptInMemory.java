package com.magazine.content.common.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Small, rarely changing things that many answers embed (bylines, images, quotations), kept in memory by id so that a
 * read need not ask the database for them again. Each is kept with the surrogate keys of everything it shows, and is
 * dropped by {@link CachePurges} when a change purges any of them, here or on another instance (from the change log):
 * the one mechanism that keeps the response cache true keeps these true too. A subclass is an application-scoped bean
 * that names its size; it holds no rules of its own.
 *
 * <p>What it guarantees, by construction rather than by each caller remembering:
 * <ul>
 * <li>A read declares the keys of what it took from memory, as a read from the database would
 * ({@link ReadDependencies}), so answers built on them are purged with them.</li>
 * <li>A value loaded while a purge happened is not kept (it may predate the change the purge announces).</li>
 * <li>Inside a transaction nothing is taken from or put into memory: a write sees its own uncommitted rows, and what it
 * reads may be rolled back.</li>
 * <li>A value whose content changes with time (an image whose rights expire) is kept only until then.</li>
 * </ul>
 *
 * @param <V> what is kept: an immutable view
 */
public abstract class KeptInMemory<V> implements Purgeable {

    /**
     * A value as loaded, with the keys of everything it shows and, when what it shows changes by itself at some time,
     * that time (else null).
     */
    public record Loaded<V>(V value, Set<SurrogateKey> keys, Instant until) {

        public Loaded {
            keys = Set.copyOf(keys);
        }

        boolean holdsAt(Instant now) {
            return until == null || now.isBefore(until);
        }
    }

    private final String kind;
    private final long maximumSize;
    private final Cache<UUID, Loaded<V>> kept;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /** Which kept ids show each surrogate key; may name ids no longer kept (dropping those is harmless). */
    private final Map<String, Set<UUID>> dependents = new HashMap<>();
    /** Grows with every purge: a load that saw a purge happen is not kept. Guarded by {@code this}. */
    private long purges;

    /** {@code kind} names what is kept, in the metrics (ResponseCacheMetrics). */
    protected KeptInMemory(String kind, long maximumSize) {
        this.kind = kind;
        this.maximumSize = maximumSize;
        this.kept = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                // a last resort only: every change purges what it touches at once
                .expireAfterWrite(Duration.ofMinutes(10))
                .build();
    }

    /**
     * These ids' values as at {@code now}: from memory where kept, the others from {@code load} (given only the
     * missing ids, at once) and then kept. Ids that {@code load} does not find are left out.
     */
    public Map<UUID, V> get(Collection<UUID> ids, Instant now, Function<Set<UUID>, Map<UUID, Loaded<V>>> load) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        boolean inTransaction = QuarkusTransaction.getStatus() != Status.STATUS_NO_TRANSACTION;
        Map<UUID, V> found = new LinkedHashMap<>();
        Set<UUID> missing = new HashSet<>();
        List<SurrogateKey> shown = new ArrayList<>();
        for (UUID id : ids) {
            Loaded<V> loaded = inTransaction ? null : kept.getIfPresent(id);
            if (loaded != null && loaded.holdsAt(now)) {
                found.put(id, loaded.value());
                shown.addAll(loaded.keys());
            } else {
                missing.add(id);
            }
        }
        hits.add(found.size());
        misses.add(missing.size());
        if (!missing.isEmpty()) {
            long seen = purgesSoFar();
            Map<UUID, Loaded<V>> loaded = load.apply(missing);
            loaded.forEach((id, value) -> {
                found.put(id, value.value());
                shown.addAll(value.keys());
            });
            if (!inTransaction) {
                keep(seen, loaded);
            }
        }
        ReadDependencies.on(shown);
        return found;
    }

    /** What is kept, for the metrics: {@code authors}, {@code assets}… */
    public String kind() {
        return kind;
    }

    /** How many values are kept now. */
    public long size() {
        return kept.estimatedSize();
    }

    /** How many ids were asked for and found in memory. */
    public long hits() {
        return hits.sum();
    }

    /** How many ids were asked for and loaded from the database (in a transaction, every one). */
    public long misses() {
        return misses.sum();
    }

    private synchronized long purgesSoFar() {
        return purges;
    }

    private synchronized void keep(long seen, Map<UUID, Loaded<V>> loaded) {
        if (purges != seen) {
            return;
        }
        if (dependents.size() > 4 * maximumSize) {
            // ids evicted by size leave their keys behind: start afresh rather than let them pile up
            dependents.clear();
            kept.invalidateAll();
        }
        loaded.forEach((id, value) -> {
            value.keys().forEach(key -> dependents.computeIfAbsent(key.value(), k -> new HashSet<>()).add(id));
            kept.put(id, value);
        });
    }

    @Override
    public synchronized void purge(Collection<String> surrogateKeys) {
        purges++;
        for (String key : surrogateKeys) {
            Set<UUID> ids = dependents.remove(key);
            if (ids != null) {
                kept.invalidateAll(ids);
            }
        }
    }

    @Override
    public synchronized void purgeAll() {
        purges++;
        dependents.clear();
        kept.invalidateAll();
    }
}
