package com.magazine.content.asset;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
class AssetRepository implements PanacheRepositoryBase<Asset, UUID> {

    Optional<Asset> bySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }

    /** Newest first, after the cursor's (createdAt, id) when there is one. */
    List<Asset> page(Instant beforeCreatedAt, UUID beforeId, int limit) {
        if (beforeCreatedAt == null) {
            return find("order by createdAt desc, id desc").page(0, limit).list();
        }
        return find("createdAt < ?1 or (createdAt = ?1 and id < ?2) order by createdAt desc, id desc",
                beforeCreatedAt, beforeId).page(0, limit).list();
    }

    /** Of these content hashes, those some asset has. */
    Set<String> knownHashes(Set<String> sha256s) {
        if (sha256s.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> known = getEntityManager()
                .createNativeQuery("select sha256 from asset where sha256 = any(?1)", String.class)
                .setParameter(1, sha256s.toArray(String[]::new)).getResultList();
        return Set.copyOf(known);
    }

    /** Of these ids, those some asset has. */
    Set<UUID> knownIds(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> known = getEntityManager()
                .createNativeQuery("select id from asset where id = any(?1)", UUID.class)
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        return Set.copyOf(known);
    }

    /** The first instant after {@code after} at which some asset's rights expire. */
    Optional<Instant> nextRightsExpiry(Instant after) {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select min(a.rightsExpireAt) from Asset a where a.rightsExpireAt > :after", Instant.class)
                .setParameter("after", after).getSingleResult());
    }
}
