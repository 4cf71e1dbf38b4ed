package com.magazine.content.asset;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Removes files no asset owns: an upload whose process died between storing its files and committing its row, or a
 * deletion whose files could not be removed at once. Only files older than an hour are judged (an upload in progress
 * is never taken for an orphan); every instance may run it, since removing a file twice is harmless.
 */
@ApplicationScoped
class MediaSweeper {

    private static final Logger LOG = Logger.getLogger(MediaSweeper.class);
    static final Duration GRACE = Duration.ofHours(1);

    private final MediaStore store;
    private final AssetRepository assets;

    MediaSweeper(MediaStore store, AssetRepository assets) {
        this.store = store;
        this.assets = assets;
    }

    @Scheduled(every = "${content.assets.sweep-every:30m}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep(Instant.now().minus(GRACE));
        } catch (MediaStoreUnavailable e) {
            LOG.warnf("Media sweep skipped: %s", e.getMessage());
        }
    }

    /** Removes the files written before {@code before} that no asset owns; answers how many. */
    int sweep(Instant before) {
        int removed = 0;
        for (String prefix : List.of("originals/", "masters/")) {
            List<MediaStore.Stored> old = store.list(prefix).stream()
                    .filter(stored -> stored.writtenAt().isBefore(before)).toList();
            Set<String> hashes = new HashSet<>();
            old.forEach(stored -> hashes.add(hashOf(stored.key())));
            Set<String> known = QuarkusTransaction.requiringNew().call(() -> assets.knownHashes(hashes));
            for (MediaStore.Stored stored : old) {
                if (!known.contains(hashOf(stored.key()))) {
                    store.delete(stored.key());
                    removed++;
                }
            }
        }
        List<MediaStore.Stored> renditions = store.list("renditions/").stream()
                .filter(stored -> stored.writtenAt().isBefore(before)).toList();
        Set<UUID> ids = new HashSet<>();
        renditions.forEach(stored -> idOf(stored.key()).ifPresent(ids::add));
        Set<UUID> known = QuarkusTransaction.requiringNew().call(() -> assets.knownIds(ids));
        for (MediaStore.Stored stored : renditions) {
            if (idOf(stored.key()).map(id -> !known.contains(id)).orElse(true)) {
                store.delete(stored.key());
                removed++;
            }
        }
        if (removed > 0) {
            LOG.infof("Media sweep removed %d files no asset owns", removed);
        }
        return removed;
    }

    /** originals/<sha256> or masters/<sha256>.jpg: the hash. */
    private static String hashOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** renditions/<id>/...: the id. */
    private static java.util.Optional<UUID> idOf(String key) {
        String[] parts = key.split("/");
        try {
            return parts.length > 1 ? java.util.Optional.of(UUID.fromString(parts[1])) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
