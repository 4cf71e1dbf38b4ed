package com.magazine.content.asset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.magazine.content.common.http.Purgeable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * What serving a rendition needs to know of its asset, kept in memory: a page asks for many renditions, and each
 * would otherwise be a query. Kept true the way the response cache is: purged by the surrogate key
 * {@code asset:<id>} of every change of the asset, here or on another instance (from the change log). Unknown ids
 * are remembered too (an asset made later purges its key when it is created).
 */
@ApplicationScoped
class AssetLookups implements Purgeable {

    private static final String PREFIX = AssetKeys.ASSET + ":";

    /** One asset, as renditions see it. */
    record Lookup(Renditions.Source source, String sha256, Instant rightsExpireAt) {

        boolean publicAt(Instant at) {
            return rightsExpireAt == null || at.isBefore(rightsExpireAt);
        }
    }

    private final AssetRepository assets;
    private final Cache<UUID, Optional<Lookup>> lookups = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    AssetLookups(AssetRepository assets) {
        this.assets = assets;
    }

    Optional<Lookup> of(UUID id) {
        return lookups.get(id, key -> QuarkusTransaction.joiningExisting().call(() -> assets.findByIdOptional(key)
                .map(asset -> new Lookup(AssetService.source(asset), asset.sha256(), asset.rightsExpireAt()))));
    }

    /** The asset if it is in memory now (null-free: empty when unknown or not yet looked up). */
    Optional<Lookup> ifKnown(UUID id) {
        Optional<Lookup> known = lookups.getIfPresent(id);
        return known == null ? Optional.empty() : known;
    }

    @Override
    public void purgeAll() {
        lookups.invalidateAll();
    }

    @Override
    public void purge(Collection<String> surrogateKeys) {
        for (String key : surrogateKeys) {
            if (key.startsWith(PREFIX)) {
                try {
                    lookups.invalidate(UUID.fromString(key.substring(PREFIX.length())));
                } catch (IllegalArgumentException e) {
                    // not an asset's key
                }
            }
        }
    }
}
