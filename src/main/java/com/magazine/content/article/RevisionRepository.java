package com.magazine.content.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class RevisionRepository implements PanacheRepositoryBase<ArticleRevision, UUID> {

    Optional<ArticleRevision> latest(UUID articleId) {
        return find("articleId = ?1 order by number desc", articleId).firstResultOptional();
    }

    Optional<ArticleRevision> find(UUID articleId, int number) {
        return find("articleId = ?1 and number = ?2", articleId, number).firstResultOptional();
    }

    /** Newest first, below revision {@code before} when given. */
    List<ArticleRevision> page(UUID articleId, Integer before, int limit) {
        var query = before == null
                ? find("articleId = ?1 order by number desc", articleId)
                : find("articleId = ?1 and number < ?2 order by number desc", articleId, before);
        return query.page(0, limit).list();
    }
}
