package com.magazine.content.access;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    Optional<ApiKey> findActiveBySecretHash(byte[] hash) {
        return find("secretHash = ?1 and revokedAt is null", (Object) hash).firstResultOptional();
    }

    /** Newest first; {@code before} is the id of the last key of the previous page (ids grow with time). */
    List<ApiKey> page(UUID before, int limit) {
        var query = before == null
                ? find("order by id desc")
                : find("id < ?1 order by id desc", before);
        return query.page(0, limit).list();
    }

    long countActiveForAuthor(UUID authorId) {
        return count("authorId = ?1 and revokedAt is null", authorId);
    }
}
