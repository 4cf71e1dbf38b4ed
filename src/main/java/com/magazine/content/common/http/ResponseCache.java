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
 */
@ApplicationScoped
public class ResponseCache {

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
        private final long lifetimeNanos;
        private volatile byte[] gzipped;

        Entry(int status, String mediaType, Map<String, String> headers, byte[] body, Set<String> keys,
                long lifetimeNanos) {
            this.status = status;
            this.mediaType = mediaType;
            this.headers = headers;
            this.body = body;
            this.keys = keys;
            this.lifetimeNanos = lifetimeNanos;
        }

        public int status() {
            return status;
        }

        public String mediaType() {
            return mediaType;
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

    /** Bodies smaller than this are sent as they are: gzip would save less than a packet's worth. */
    static final int GZIP_MIN_BYTES = 1024;

    private final boolean enabled;
    private final long ttlNanos;
    private final Instance<VisibilityHorizon> horizons;
    private volatile Instant horizon;
    private volatile long horizonGeneration = -1;
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
                    if (entry != null) {
                        entry.keys().forEach(surrogate -> unindex(surrogate, key));
                    }
                })
                .build();
    }

    public boolean enabled() {
        return enabled;
    }

    public Entry get(String key) {
        Entry entry = entries.getIfPresent(key);
        (entry == null ? misses : hits).incrementAndGet();
        return entry;
    }

    /** For the metrics (ResponseCacheMetrics): lookups answered, lookups not, purges, bytes and answers held. */
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
     * next visibility horizon, whichever comes first.
     */
    public void put(String key, int status, String mediaType, Map<String, String> headers, byte[] body,
            Set<String> keys, long generationAtStart) {
        if (generation.get() != generationAtStart) {
            return;
        }
        long lifetime = ttlNanos;
        Instant next = horizon();
        if (next != null) {
            lifetime = Math.min(lifetime, Duration.between(Instant.now(), next).toNanos());
        }
        if (lifetime <= 0) {
            return; // something is due to become visible: answer from the database until it is announced
        }
        Entry entry = new Entry(status, mediaType, headers, body, keys, lifetime);
        entry.keys().forEach(surrogate -> index.computeIfAbsent(surrogate, k -> ConcurrentHashMap.newKeySet()).add(key));
        entries.put(key, entry);
        if (generation.get() != generationAtStart) {
            entries.invalidate(key); // a purge ran meanwhile: do not keep what it may have removed
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

    /** The next visibility horizon, asked again after each purge or once it has passed. */
    private Instant horizon() {
        long now = generation.get();
        Instant known = horizon;
        if (horizonGeneration != now || (known != null && !known.isAfter(Instant.now()))) {
            known = horizons.isResolvable() ? horizons.get().next().orElse(null) : null;
            horizon = known;
            horizonGeneration = now;
        }
        return known;
    }

    /** Drops every answer that carries one of these surrogate keys; a key ending in ':' drops all that start so. */
    public void purge(Collection<String> surrogateKeys) {
        generation.incrementAndGet();
        purges.incrementAndGet();
        for (String surrogate : surrogateKeys) {
            if (surrogate.endsWith(":")) {
                index.keySet().stream().filter(key -> key.startsWith(surrogate)).toList()
                        .forEach(this::purgeKey);
            } else {
                purgeKey(surrogate);
            }
        }
    }

    private void purgeKey(String surrogate) {
        Set<String> keys = index.remove(surrogate);
        if (keys != null) {
            entries.invalidateAll(keys);
        }
    }

    private void unindex(String surrogate, String key) {
        index.computeIfPresent(surrogate, (k, keys) -> {
            keys.remove(key);
            return keys.isEmpty() ? null : keys;
        });
    }
}
