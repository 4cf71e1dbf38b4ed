package com.magazine.content.article;

import com.magazine.content.common.database.Sql;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import jakarta.persistence.EntityManager;

/**
 * The public articles as other features see them: which cite a quotation, and what the sitemaps list (counts, months,
 * a period's articles), each from an index.
 */
@ApplicationScoped
class PublicArticleRepository {

    private final EntityManager entityManager;

    PublicArticleRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A quotation's uses: per article citing it, its id, slug, title, stored status and publication time. */
    record Usage(UUID quotationId, String slug, String title, Article.State state, Instant publishedAt,
            Instant unpublishAt) {
    }

    /** The articles citing these quotations, newest first; public ones only unless {@code all}. */
    List<Usage> usages(Collection<UUID> quotationIds, boolean all, Instant now) {
        if (quotationIds.isEmpty()) {
            return List.of();
        }
        Sql sql = new Sql(entityManager);
        sql.append("""
                select distinct q.quotation_id, a.slug, a.title, a.status, a.published_at, a.listed_at, a.unpublish_at
                from article_quotation q join article a on a.id = q.article_id
                where q.quotation_id in (""").append(sql.bindAll(quotationIds)).append(')');
        if (!all) {
            sql.append(" and ").append(PublicArticles.visible("a", sql.bind(now)));
        }
        sql.append(" order by a.listed_at desc, a.slug");
        List<Usage> usages = new ArrayList<>();
        for (Object row : sql.query().getResultList()) {
            Object[] columns = (Object[]) row;
            usages.add(new Usage((UUID) columns[0], (String) columns[1], (String) columns[2],
                    Article.State.valueOf((String) columns[3]), Timestamps.fromJdbc(columns[4]),
                    columns[6] == null ? null : Timestamps.fromJdbc(columns[6])));
        }
        return usages;
    }

    /** A public article as sitemaps list it. */
    record Listed(String slug, String canonicalUrl, String title, Instant publishedAt, Instant lastModified) {
    }

    /** How many articles are public (on the lists' index: listed_at is published_at for published articles). */
    long countPublic(Instant now) {
        return ((Number) entityManager.createNativeQuery(
                        "select count(*) from article a where " + PublicArticles.visible("a", "?1"))
                .setParameter(1, now)
                .getSingleResult()).longValue();
    }

    /**
     * The months (UTC, YYYY-MM) in which public articles were published, oldest first: one index lookup per month,
     * each for the first article after the month before (a distinct over a million articles took 0.8 s, this 4 ms).
     */
    List<String> publicMonths(Instant now) {
        @SuppressWarnings("unchecked")
        List<String> months = entityManager.createNativeQuery("""
                        with recursive m(month) as (
                            select date_trunc('month', min(a.listed_at) at time zone 'UTC') from article a
                            where %1$s
                          union all
                            select (select date_trunc('month', min(a.listed_at) at time zone 'UTC') from article a
                                    where %1$s
                                      and a.listed_at >= (m.month + interval '1 month') at time zone 'UTC')
                            from m where m.month is not null)
                        select to_char(month, 'YYYY-MM') from m where month is not null order by month"""
                        .formatted(PublicArticles.visible("a", "?1")))
                .setParameter(1, now)
                .getResultList();
        return months;
    }

    /** Articles public at {@code now} published in [{@code from}, {@code to}), newest first, up to {@code limit}. */
    List<Listed> publicBetween(Instant from, Instant to, int limit, Instant now) {
        List<Listed> listed = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                        select slug, coalesce(seo ->> 'canonicalUrl', canonical_url), title, published_at,
                               greatest(updated_at, published_at)
                        from article a
                        where %s and published_at >= ?1 and published_at < ?2
                          and listed_at >= ?1 and listed_at < ?2
                          and not coalesce(cast(seo ->> 'noindex' as boolean), false)
                        order by listed_at desc, id desc limit ?3""".formatted(PublicArticles.visible("a", "?4")))
                .setParameter(4, now)
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, limit)
                .getResultList()) {
            Object[] c = (Object[]) row;
            listed.add(new Listed((String) c[0], (String) c[1], (String) c[2], Timestamps.fromJdbc(c[3]),
                    Timestamps.fromJdbc(c[4])));
        }
        return listed;
    }

    /** How many articles embed the quotation with none of {@code authorId}'s bylines (any status). */
    long countQuotingWithoutAuthor(UUID quotationId, UUID authorId) {
        Object count = entityManager.createNativeQuery("""
                        select count(distinct q.article_id) from article_quotation q
                        where q.quotation_id = ?1 and not exists (
                            select 1 from article_author b where b.article_id = q.article_id and b.author_id = ?2)""")
                .setParameter(1, quotationId)
                .setParameter(2, authorId)
                .getSingleResult();
        return ((Number) count).longValue();
    }
}
