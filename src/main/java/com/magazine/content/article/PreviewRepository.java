package com.magazine.content.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class PreviewRepository implements PanacheRepositoryBase<ArticlePreview, UUID> {

    Optional<ArticlePreview> byTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /** An article's previews, newest first. */
    List<ArticlePreview> ofArticle(UUID articleId) {
        return find("articleId = ?1 order by createdAt desc, id desc", articleId).list();
    }
}
