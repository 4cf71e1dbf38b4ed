package com.magazine.content.common.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.magazine.content.common.ContentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Answers to anonymous reads, kept in memory by request (method, URI, Accept) and indexed by their surrogate keys,
 * so that a change purges exactly the answers that show it. Bounded in bytes and in age.
 *
 * <p>An answer computed while a purge happened is not kept (it may show what the purge removed): each purge moves a
 * generation on, and {@link #put} only keeps answers whose generation is still current.
 *
 * <p>The index from surrogate keys to requests stays true whatever the interleaving: an answer is indexed after it is
 * stored and a purge moves the generation before it reads the index, so a purge either finds the answer or makes its
 * {@code put} drop it; and an entry's removal unindexes only the keys that the entry now stored under the same request
 * (a replacement written by a concurrent miss) does not carry.
 */
@ApplicationScoped
public class ResponseCache implements Purgeable {

    /**
     * A kept answer: its status, media type, the headers that describe it, its body, its surrogate keys, and how long
     * it may be kept. The body gzipped is made on the first hit that accepts gzip, then kept with it: an answer asked
     * for once (most searches) never pays for compression.
     */
    public static final class Entry {

        private final int status;
        private final String mediaType;
        private final Map<String, String> headers;
        private final byte[] body;
        private final Set<String> keys;
        private final Instant exactLastModified;
        private final long lifetimeNanos;
        private final String route;
        private volatile byte[] gzipped;

        Entry(int status, String mediaType, Map<String, String> headers, byte[] body, Set<String> keys,
                Instant exactLastModified, long lifetimeNanos, String route) {
            this.route = route;
            this.status = status;
            this.mediaType = mediaType;
            this.headers = headers;
            this.body = body;
            this.keys = keys;
            this.exactLastModified = exactLastModified;
            this.lifetimeNanos = lifetimeNanos;
        }

        public int status() {
            return status;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The route template that made the answer (/api/v1/articles/{slug}), for the metrics of its hits; or null. */
        public String route() {
            return route;
        }

        public Map<String, String> headers() {
            return headers;
        }

        public byte[] body() {
            return body;
        }

        public Set<String> keys() {
            return keys;
        }

        /**
         * When the answer last changed, to the microsecond, where that date moves with every change (so that
         * If-Modified-Since may be used); else null.
         */
        public Instant exactLastModified() {
            return exactLastModified;
        }

        long lifetimeNanos() {
            return lifetimeNanos;
        }

        /** The body gzipped, or null when it is too small to be worth it (two threads may both make it: harmless). */
        public byte[] gzipped() {
            if (body.length < GZIP_MIN_BYTES) {
                return null;
            }
            byte[] made = gzipped;
            if (made == null) {
                made = gzip(body);
                gzipped = made;
            }
            return made;
        }
    }

    /**
     * Paths whose answers are never kept: the change feed (always read fresh), the platform's own endpoints, and image
     * renditions (files, sent from the media store; immutable, so a CDN keeps them).
     */
    public static final java.util.List<String> NEVER_CACHED = java.util.List.of("/api/v1/changes", "/q/", "/media/");

    /** Bodies smaller than this are sent as they are: gzip would save less than a packet's worth. */
    static final int GZIP_MIN_BYTES = 1024;

    private final boolean enabled;
    private final long ttlNanos;
    private final Instance<VisibilityHorizon> horizons;
    /** The last horizon asked for, and for which generation and instant: one reference, never seen half-written. */
    private volatile Horizon horizon;
    private final Cache<String, Entry> entries;
    private final Map<String, Set<String>> index = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong purges = new AtomicLong();

    ResponseCache(ContentConfig config, Instance<VisibilityHorizon> horizons) {
        ContentConfig.Http.ResponseCache settings = config.http().responseCache();
        this.enabled = settings.enabled();
        this.ttlNanos = settings.ttl().toNanos();
        this.horizons = horizons;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(settings.maxSize().asLongValue())
                // a body over the gzip threshold may come to carry its gzipped copy too (a quarter of it, or less)
                .weigher((String key, Entry entry) -> entry.body().length
                        + (entry.body().length < GZIP_MIN_BYTES ? 0 : entry.body().length / 4) + key.length() + 256)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long currentTime) {
                        return entry.lifetimeNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
                        return entry.lifetimeNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .removalListener((String key, Entry entry, RemovalCause cause) -> {
                    if (entry != null && key != null) {
                        entry.keys().forEach(surrogate -> unindex(surrogate, key));
                    }
                })
                .build();
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The answer kept for {@code key}, or null; not counted: a request that waits for another's answer looks twice,
     * and is counted once, by how it was answered ({@link #countHit}, {@link #countMiss}).
     */
    public Entry peek(String key) {
        return entries.getIfPresent(key);
    }

    void countHit() {
        hits.incrementAndGet();
    }

    void countMiss() {
        misses.incrementAndGet();
    }

    /**
     * For the metrics (ResponseCacheMetrics): requests answered from the cache, requests that made their answer,
     * purges, bytes and answers held.
     */
    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public long purges() {
        return purges.get();
    }

    public long bytes() {
        return entries.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    public long size() {
        return entries.estimatedSize();
    }

    public long generation() {
        return generation.get();
    }

    /**
     * Keeps an answer unless a purge happened since {@code generationAtStart}, for the configured time or until the
     * first visibility horizon after {@code startedAt} (when the answer began to be made), whichever comes first: an
     * answer made before a scheduled article went public is never kept once it has, even if it is put after.
     */
    public void put(String key, int status, String mediaType, Map<String, String> headers, byte[] body,
            Set<String> keys, Instant exactLastModified, long generationAtStart, Instant startedAt, String route) {
        if (generation.get() != generationAtStart) {
            return;
        }
        long lifetime = ttlNanos;
        Instant next = horizonAfter(startedAt);
        if (next != null) {
            lifetime = Math.min(lifetime, Duration.between(Instant.now(), next).toNanos());
        }
        if (lifetime <= 0) {
            return; // something is due to become visible: answer from the database until it is announced
        }
        Entry entry = new Entry(status, mediaType, headers, body, Set.copyOf(keys), exactLastModified, lifetime,
                route);
        entries.put(key, entry);
        for (String surrogate : entry.keys()) {
            index.compute(surrogate, (k, requests) -> {
                Set<String> indexed = requests == null ? ConcurrentHashMap.newKeySet() : requests;
                indexed.add(key);
                return indexed;
            });
        }
        if (generation.get() != generationAtStart) {
            entries.asMap().remove(key, entry); // a purge ran meanwhile: do not keep what it may have removed
        }
    }

    /**
     * A body gzipped, once per kept answer: answers from the cache bypass the server's own compression, which works
     * per resource method.
     */
    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return out.toByteArray();
    }

    /** The first visibility horizon after {@code after}, as known in {@code generation}; null: none. */
    private record Horizon(long generation, Instant after, Instant next) {

        /** Whether this also answers for {@code since} in {@code now}: nothing can have come due in between. */
        boolean answers(long now, Instant since) {
            return generation == now && !after.isAfter(since) && (next == null || next.isAfter(since));
        }
    }

    /**
     * The first visibility horizon after {@code since}: asked again after each purge, for an earlier instant than the
     * one known, or once the known one has passed.
     */
    private Instant horizonAfter(Instant since) {
        long now = generation.get();
        Horizon known = horizon;
        if (known == null || !known.answers(now, since)) {
            Instant next = null;
            for (VisibilityHorizon source : horizons) {
                Instant candidate = source.nextAfter(since).orElse(null);
                if (candidate != null && (next == null || candidate.isBefore(next))) {
                    next = candidate;
                }
            }
            known = new Horizon(now, since, next);
            horizon = known;
        }
        return known.next();
    }

    /** Drops every answer that carries one of these surrogate keys. */
    @Override
    public void purge(Collection<String> surrogateKeys) {
        generation.incrementAndGet(); // before the index is read: a put racing with this purge then drops its answer
        purges.incrementAndGet();
        for (String surrogate : surrogateKeys) {
            Set<String> requests = index.remove(surrogate);
            if (requests != null) {
                entries.invalidateAll(requests);
            }
        }
    }


    @Override
    public void purgeAll() {
        generation.incrementAndGet();
        purges.incrementAndGet();
        entries.invalidateAll();
        index.clear();
    }

    /**
     * Forgets that {@code key}'s answer carries {@code surrogate}, unless the answer now kept for {@code key} (one that
     * replaced the removed one) carries it too. Decided and done under the index's lock for {@code surrogate}, which
     * {@link #put} also takes after storing: the two cannot interleave.
     */
    private void unindex(String surrogate, String key) {
        index.computeIfPresent(surrogate, (k, requests) -> {
            Entry current = entries.policy().getIfPresentQuietly(key);
            if (current == null || !current.keys().contains(surrogate)) {
                requests.remove(key);
            }
            return requests.isEmpty() ? null : requests;
        });
    }
}
