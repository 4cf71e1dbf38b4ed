package com.magazine.content.article;

import com.magazine.content.common.database.Entities;
import com.magazine.content.common.time.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Articles as entities in PostgreSQL: finding one by slug (and by an old one), slug history, loading for writes, and
 * the scheduled articles due to be announced. Lists are {@link ArticleListRepository}'s; what other features ask of
 * public articles is {@link PublicArticleRepository}'s.
 */
@ApplicationScoped
class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /**
     * Marks what this transaction loads from now on as read-only: no snapshot is kept for dirty checking, which for
     * JSON columns (the body) means no deep copy of every row read.
     */
    void readOnly() {
        getEntityManager().unwrap(org.hibernate.Session.class).setDefaultReadOnly(true);
    }

    Optional<Article> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The current slug of the article that once had {@code slug}. */
    Optional<String> currentSlugOf(String oldSlug) {
        List<?> rows = getEntityManager().createNativeQuery(
                        "select a.slug from article_slug s join article a on a.id = s.article_id where s.slug = ?1")
                .setParameter(1, oldSlug)
                .getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    /** Whether another article has or had {@code slug}. */
    boolean slugTaken(String slug, UUID except) {
        Number count = (Number) getEntityManager().createNativeQuery("""
                        select (select count(*) from article where slug = ?1 and id <> ?2)
                             + (select count(*) from article_slug where slug = ?1 and article_id <> ?2)""")
                .setParameter(1, slug)
                .setParameter(2, except == null ? new UUID(0, 0) : except)
                .getSingleResult();
        return count.longValue() > 0;
    }

    List<String> slugsLike(String base) {
        @SuppressWarnings("unchecked")
        List<String> slugs = getEntityManager().createNativeQuery("""
                        select slug from article where slug = ?1 or slug like ?2
                        union select slug from article_slug where slug = ?1 or slug like ?2""")
                .setParameter(1, base)
                .setParameter(2, base.replace("_", "\\_").replace("%", "\\%") + "-%")
                .getResultList();
        return slugs;
    }

    /** Keeps {@code oldSlug} answering for the article (a 301 to its new slug). */
    void rememberSlug(UUID articleId, String oldSlug, Instant at) {
        getEntityManager().createNativeQuery("""
                        insert into article_slug (slug, article_id, created_at) values (?1, ?2, ?3)
                        on conflict (slug) do update set article_id = excluded.article_id, created_at = excluded.created_at""")
                .setParameter(1, oldSlug)
                .setParameter(2, articleId)
                .setParameter(3, at)
                .executeUpdate();
        // an article taking back one of its old slugs no longer needs it in its history
        getEntityManager().createNativeQuery(
                        "delete from article_slug where article_id = ?1 and slug = (select slug from article where id = ?1)")
                .setParameter(1, articleId)
                .executeUpdate();
    }

    /**
     * These articles, in the order of {@code ids}, without their bodies; bylines and tags load in one batch each
     * when read.
     */
    List<Article> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Entities.byIds(getEntityManager(), Article.class, ids);
    }

    List<UUID> idsByAuthor(UUID authorId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager()
                .createNativeQuery("select distinct article_id from article_author where author_id = ?1")
                .setParameter(1, authorId)
                .getResultList();
        return ids;
    }

    /**
     * The earliest instant ahead at which an article enters public view (a scheduled one) or leaves it (an expiry).
     * Each on an index: listed_at (published_at for published articles) on the lists' one, unpublish_at on its own;
     * published_at has no index, and a million articles took a second to scan.
     */
    Optional<Instant> nextVisibilityChange(Instant now) {
        Object next = getEntityManager().createNativeQuery("""
                        select least(
                            (select min(listed_at) from article where status = 'published' and listed_at > ?1),
                            (select min(unpublish_at) from article where status = 'published' and unpublish_at > ?1))""")
                .setParameter(1, now)
                .getSingleResult();
        return Optional.ofNullable(next == null ? null : Timestamps.fromJdbc(next));
    }

    /** Locks and answers the articles public at {@code now} whose going public was not announced yet. */
    List<UUID> claimDueAnnouncements(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        select id from article a
                        where announced_at is null and published_at <= ?1 and %s
                        order by published_at limit ?2
                        for update skip locked""".formatted(PublicArticles.visible("a", "?1")))
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        return ids;
    }

    /** Locks and answers the announced articles whose expiry has passed: the public must be told they left. */
    List<UUID> claimDueExpiries(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        select id from article a
                        where announced_at is not null and expiry_announced_at is null and %s
                        order by unpublish_at limit ?2
                        for update skip locked""".formatted(PublicArticles.expired("a", "?1")))
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        return ids;
    }

    /** How many articles an author has a byline or a credit on, in any status. */
    long countByAuthor(UUID authorId) {
        // each count on its own index (an article with both a byline and a credit counts twice: it only sizes a refusal)
        return ((Number) getEntityManager().createNativeQuery("""
                        select (select count(distinct article_id) from article_author where author_id = ?1)
                             + (select count(*) from article where contributors @> cast(?2 as jsonb))""")
                .setParameter(1, authorId)
                .setParameter(2, new ArticleListRepository.Credit(authorId, null).containment())
                .getSingleResult()).longValue();
    }
}
