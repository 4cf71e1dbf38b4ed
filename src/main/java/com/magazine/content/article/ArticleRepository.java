package com.magazine.content.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.magazine.content.common.time.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Articles in PostgreSQL. A list page is one statement: the keyset on an index finds the page, and the same statement
 * reads each row's summary with its bylines and tags; no entities are loaded for it.
 */
@ApplicationScoped
class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /** What a list may be filtered by; {@code null} members do not filter. */
    record Filter(Visibility visibility, UUID author, UUID tag, List<ArticleStatus> statuses, Instant publishedAfter,
            Instant publishedBefore, String query) {
    }

    /** Who is looking: everyone sees public articles, an author also their own, staff everything. */
    record Visibility(boolean staff, UUID ownAuthor) {

        static final Visibility PUBLIC = new Visibility(false, null);
    }

    /** One row of a page: the key of its place in the order, for a search its text and the query, and the article. */
    record Row(String key, String text, String query, ArticleSummary article) {

        UUID id() {
            return article.id();
        }
    }

    /**
     * What a summary reads, bylines and tags included: the subqueries run for the rows a page returns only, as
     * PostgreSQL computes costly output columns after the sort and limit.
     */
    private static final String SUMMARY_COLUMNS = """
            a.id, a.slug, a.title, a.subtitle, a.excerpt, a.status, a.published_at, a.canonical_url, a.comments_open, \
            a.word_count, a.comment_count, a.created_at, a.updated_at, a.version, \
            (select string_agg(cast(w.author_id as text), ',' order by w.position) \
               from article_author w where w.article_id = a.id), \
            (select cast(json_agg(json_build_object('slug', t.slug, 'name', t.name) order by x.position) as text) \
               from article_tag x join tag t on t.id = x.tag_id where x.article_id = a.id)""";

    private static final TypeReference<List<TagRef>> TAGS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    ArticleRepository(ObjectMapper json) {
        this.json = json;
    }

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
     * One page, in order: {@code limit} rows after the keyset {@code after}. The inner query finds the page on an index
     * alone where it can (an index-only scan, and index-only probes for the tag and author filters), so that rows
     * the page skips are never read from the table; the outer one reads the page's rows and their summaries.
     */
    List<Row> page(Filter filter, ArticleOrder sort, String afterKey, UUID afterId, int limit, Instant now) {
        Sql sql = new Sql();
        // a tag's or an author's list by date walks that relation's own index (its rows carry listed_at)
        Relation via = null;
        if (filter.query() == null && (sort == ArticleOrder.newest || sort == ArticleOrder.oldest)) {
            via = filter.tag() != null ? Relation.TAG : filter.author() != null ? Relation.AUTHOR : null;
        }
        String key = via != null ? "x.listed_at" : switch (sort) {
            case newest, oldest -> "a.listed_at";
            case title -> "a.sort_title";
            case relevance -> "ts_rank(a.search, q.query)";
        };
        String id = via != null ? "x.article_id" : "a.id";
        // the snippet is cut in Java from the plain text and the query's lexemes: ts_headline costs far more
        sql.text.append("select p.key, ").append(filter.query() != null ? "a.body_text" : "cast(null as text)")
                .append(", p.query, ").append(SUMMARY_COLUMNS).append(" from (select ").append(id).append(" as id, ")
                .append(key).append(" as key, ")
                .append(filter.query() != null ? "cast(q.query as text)" : "cast(null as text)").append(" as query from ")
                .append(via != null ? via.table + " x join article a on a.id = x.article_id" : "article a");
        where(sql, filter, now, via);
        if (afterId != null) {
            String operator = sort == ArticleOrder.oldest || sort == ArticleOrder.title ? ">" : "<";
            String value = switch (sort) {
                case newest, oldest -> "cast(" + sql.bind(Instant.parse(afterKey)) + " as timestamptz)";
                case title -> sql.bind(afterKey);
                case relevance -> "cast(" + sql.bind(Float.parseFloat(afterKey)) + " as real)";
            };
            sql.text.append(" and (").append(key).append(", ").append(id).append(") ").append(operator)
                    .append(" (").append(value).append(", ").append(sql.bind(afterId)).append(')');
        }
        String descending = sort == ArticleOrder.newest || sort == ArticleOrder.relevance ? " desc" : "";
        sql.text.append(" order by ").append(key).append(descending).append(", ").append(id).append(descending)
                .append(" limit ").append(limit)
                .append(") p join article a on a.id = p.id order by p.key").append(descending)
                .append(", p.id").append(descending);
        List<Row> rows = new ArrayList<>();
        for (Object row : sql.query().getResultList()) {
            Object[] columns = (Object[]) row;
            rows.add(new Row(keyText(columns[0]), (String) columns[1], (String) columns[2], summary(columns, 3)));
        }
        return rows;
    }

    /** How many articles the whole filtered list has. */
    long count(Filter filter, Instant now) {
        Sql sql = new Sql();
        sql.text.append("select count(*) from article a");
        where(sql, filter, now, null);
        return ((Number) sql.query().getSingleResult()).longValue();
    }

    /**
     * These articles, in the order of {@code ids}, without their bodies; bylines and tags load in one batch each
     * when read.
     */
    List<Article> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Article> byId = new HashMap<>();
        for (Article article : getEntityManager()
                .createQuery("select a from Article a where a.id in :ids", Article.class)
                .setParameter("ids", ids)
                .getResultList()) {
            byId.put(article.id(), article);
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The summaries of these articles, in the order of {@code ids}, in one statement. */
    List<ArticleSummary> summaries(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Sql sql = new Sql();
        sql.text.append("select ").append(SUMMARY_COLUMNS).append(" from article a where a.id in (")
                .append(sql.bindAll(ids)).append(')');
        Map<UUID, ArticleSummary> byId = new HashMap<>();
        for (Object row : sql.query().getResultList()) {
            ArticleSummary summary = summary((Object[]) row, 0);
            byId.put(summary.id(), summary);
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The summary in {@link #SUMMARY_COLUMNS} from column {@code at} on. */
    private ArticleSummary summary(Object[] c, int at) {
        String bylines = (String) c[at + 14];
        List<UUID> authorIds = bylines == null ? List.of()
                : java.util.Arrays.stream(bylines.split(",")).map(UUID::fromString).toList();
        String tagList = (String) c[at + 15];
        List<TagRef> tags;
        try {
            tags = tagList == null ? List.of() : json.readValue(tagList, TAGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned tags that are not JSON: " + tagList, e);
        }
        return new ArticleSummary((UUID) c[at], (String) c[at + 1], (String) c[at + 2], (String) c[at + 3],
                (String) c[at + 4], Article.State.valueOf((String) c[at + 5]),
                c[at + 6] == null ? null : Timestamps.fromJdbc(c[at + 6]), (String) c[at + 7], (Boolean) c[at + 8],
                ((Number) c[at + 9]).intValue(), ((Number) c[at + 10]).intValue(), Timestamps.fromJdbc(c[at + 11]),
                Timestamps.fromJdbc(c[at + 12]), ((Number) c[at + 13]).longValue(), authorIds, tags);
    }

    /** The bodies of these articles, in one query. */
    Map<UUID, List<Block>> bodies(Collection<UUID> ids) {
        Map<UUID, List<Block>> bodies = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : getEntityManager()
                    .createQuery("select a.id, a.body from Article a where a.id in :ids", Object[].class)
                    .setParameter("ids", ids)
                    .getResultList()) {
                @SuppressWarnings("unchecked")
                List<Block> body = (List<Block>) row[1];
                bodies.put((UUID) row[0], body);
            }
        }
        return bodies;
    }

    /** Up to {@code limit} public articles sharing a tag or an author with {@code article}, newest first. */
    List<UUID> related(Article article, int limit, Instant now) {
        List<UUID> tagIds = article.tags().stream().map(Tag::id).toList();
        if (tagIds.isEmpty() && article.authorIds().isEmpty()) {
            return List.of();
        }
        Sql sql = new Sql();
        sql.text.append("select a.id from article a where a.status = 'published' and a.listed_at <= ")
                .append(sql.bind(now)).append(" and a.id <> ").append(sql.bind(article.id())).append(" and (false");
        if (!tagIds.isEmpty()) {
            sql.text.append(" or exists (select 1 from article_tag t where t.article_id = a.id and t.tag_id in (")
                    .append(sql.bindAll(tagIds)).append("))");
        }
        if (!article.authorIds().isEmpty()) {
            sql.text.append(" or exists (select 1 from article_author w where w.article_id = a.id and w.author_id in (")
                    .append(sql.bindAll(article.authorIds())).append("))");
        }
        sql.text.append(") order by a.listed_at desc, a.id desc limit ").append(limit);
        List<UUID> ids = new ArrayList<>();
        for (Object id : sql.query().getResultList()) {
            ids.add((UUID) id);
        }
        return ids;
    }

    /** A quotation's uses: per article citing it, its id, slug, title, stored status and publication time. */
    record Usage(UUID quotationId, String slug, String title, Article.State state, Instant publishedAt) {
    }

    /** The articles citing these quotations, newest first; public ones only unless {@code all}. */
    List<Usage> usages(Collection<UUID> quotationIds, boolean all, Instant now) {
        if (quotationIds.isEmpty()) {
            return List.of();
        }
        Sql sql = new Sql();
        sql.text.append("""
                select distinct q.quotation_id, a.slug, a.title, a.status, a.published_at, a.listed_at
                from article_quotation q join article a on a.id = q.article_id
                where q.quotation_id in (""").append(sql.bindAll(quotationIds)).append(')');
        if (!all) {
            sql.text.append(" and a.status = 'published' and a.published_at <= ").append(sql.bind(now));
        }
        sql.text.append(" order by a.listed_at desc, a.slug");
        List<Usage> usages = new ArrayList<>();
        for (Object row : sql.query().getResultList()) {
            Object[] columns = (Object[]) row;
            usages.add(new Usage((UUID) columns[0], (String) columns[1], (String) columns[2],
                    Article.State.valueOf((String) columns[3]), Timestamps.fromJdbc(columns[4])));
        }
        return usages;
    }

    /** How many articles embed the quotation with none of {@code authorId}'s bylines (any status). */
    long countQuotingWithoutAuthor(UUID quotationId, UUID authorId) {
        Object count = getEntityManager().createNativeQuery("""
                        select count(distinct q.article_id) from article_quotation q
                        where q.quotation_id = ?1 and not exists (
                            select 1 from article_author b where b.article_id = q.article_id and b.author_id = ?2)""")
                .setParameter(1, quotationId)
                .setParameter(2, authorId)
                .getSingleResult();
        return ((Number) count).longValue();
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
     * The earliest instant ahead at which a scheduled article becomes public. On listed_at (published_at for
     * published articles), which the lists' index holds: published_at has no index, and a million articles took a
     * second to scan.
     */
    Optional<Instant> nextScheduled(Instant now) {
        Object next = getEntityManager().createNativeQuery(
                        "select min(listed_at) from article where status = 'published' and listed_at > ?1")
                .setParameter(1, now)
                .getSingleResult();
        return Optional.ofNullable(next == null ? null : Timestamps.fromJdbc(next));
    }

    /** Locks and answers the published articles whose instant has passed and that were not announced yet. */
    List<UUID> claimDueAnnouncements(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        select id from article
                        where status = 'published' and announced_at is null and published_at <= ?1
                        order by published_at limit ?2
                        for update skip locked""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        return ids;
    }

    /** A public article as sitemaps list it. */
    record Listed(String slug, String canonicalUrl, String title, Instant publishedAt, Instant lastModified) {
    }

    /** How many articles are public (on the lists' index: listed_at is published_at for published articles). */
    long countPublic(Instant now) {
        return ((Number) getEntityManager().createNativeQuery(
                        "select count(*) from article where status = 'published' and listed_at <= ?1")
                .setParameter(1, now)
                .getSingleResult()).longValue();
    }

    /**
     * The months (UTC, YYYY-MM) in which public articles were published, oldest first: one index lookup per month,
     * each for the first article after the month before (a distinct over a million articles took 0.8 s, this 4 ms).
     */
    List<String> publicMonths(Instant now) {
        @SuppressWarnings("unchecked")
        List<String> months = getEntityManager().createNativeQuery("""
                        with recursive m(month) as (
                            select date_trunc('month', min(listed_at) at time zone 'UTC') from article
                            where status = 'published' and listed_at <= ?1
                          union all
                            select (select date_trunc('month', min(a.listed_at) at time zone 'UTC') from article a
                                    where a.status = 'published' and a.listed_at <= ?1
                                      and a.listed_at >= (m.month + interval '1 month') at time zone 'UTC')
                            from m where m.month is not null)
                        select to_char(month, 'YYYY-MM') from m where month is not null order by month""")
                .setParameter(1, now)
                .getResultList();
        return months;
    }

    /** Public articles published in [{@code from}, {@code to}), newest first, up to {@code limit}. */
    List<Listed> publicBetween(Instant from, Instant to, int limit) {
        List<Listed> listed = new ArrayList<>();
        for (Object row : getEntityManager().createNativeQuery("""
                        select slug, canonical_url, title, published_at, greatest(updated_at, published_at)
                        from article
                        where status = 'published' and published_at >= ?1 and published_at < ?2
                          and listed_at >= ?1 and listed_at < ?2
                        order by listed_at desc, id desc limit ?3""")
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

    /** How many articles an author has a byline on, in any status. */
    long countByAuthor(UUID authorId) {
        return ((Number) getEntityManager()
                .createNativeQuery("select count(distinct article_id) from article_author where author_id = ?1")
                .setParameter(1, authorId)
                .getSingleResult()).longValue();
    }

    /** A relation whose rows carry their article's listed_at, with an index on (its key, listed_at, article). */
    private enum Relation {
        TAG("article_tag"), AUTHOR("article_author");

        final String table;

        Relation(String table) {
            this.table = table;
        }
    }

    /** The filter's conditions; {@code via}, when the query reads that relation as {@code x}, filters on it there. */
    private void where(Sql sql, Filter filter, Instant now, Relation via) {
        if (filter.query() != null) {
            sql.text.append(", websearch_to_tsquery('english', ").append(sql.bind(filter.query())).append(") q(query)");
        }
        Supplier<String> nowParam = sql.bindOnUse(now);
        // listed_at is published_at for published articles (a check constraint keeps published_at set there), and it
        // is in the lists' index: pages are then found on the index alone
        Supplier<String> visible =
                () -> "(a.status = 'published' and a.listed_at <= " + nowParam.get() + ")";
        sql.text.append(" where ");
        Visibility visibility = filter.visibility();
        if (visibility.staff()) {
            sql.text.append("true");
        } else if (visibility.ownAuthor() != null) {
            sql.text.append("(").append(visible.get()).append(" or exists (select 1 from article_author o where ")
                    .append("o.article_id = a.id and o.author_id = ").append(sql.bind(visibility.ownAuthor())).append("))");
        } else {
            sql.text.append(visible.get());
        }
        if (filter.statuses() != null) {
            List<String> any = new ArrayList<>();
            for (ArticleStatus status : filter.statuses()) {
                any.add(switch (status) {
                    case draft -> "a.status = 'draft'";
                    case archived -> "a.status = 'archived'";
                    case published -> visible.get();
                    case scheduled -> "(a.status = 'published' and a.listed_at > " + nowParam.get() + ")";
                });
            }
            sql.text.append(" and (").append(String.join(" or ", any)).append(')');
        }
        if (via == Relation.AUTHOR) {
            sql.text.append(" and x.author_id = ").append(sql.bind(filter.author()));
        } else if (filter.author() != null) {
            sql.text.append(" and exists (select 1 from article_author w where w.article_id = a.id and w.author_id = ")
                    .append(sql.bind(filter.author())).append(')');
        }
        if (via == Relation.TAG) {
            sql.text.append(" and x.tag_id = ").append(sql.bind(filter.tag()));
        } else if (filter.tag() != null) {
            sql.text.append(" and exists (select 1 from article_tag t where t.article_id = a.id and t.tag_id = ")
                    .append(sql.bind(filter.tag())).append(')');
        }
        // on listed_at too, which equals published_at once published: the range then runs on the list's index
        if (filter.publishedAfter() != null) {
            String after = sql.bind(filter.publishedAfter());
            sql.text.append(" and a.published_at >= ").append(after).append(" and a.listed_at >= ").append(after);
        }
        if (filter.publishedBefore() != null) {
            String before = sql.bind(filter.publishedBefore());
            sql.text.append(" and a.published_at < ").append(before).append(" and a.listed_at < ").append(before);
        }
        if (filter.query() != null) {
            sql.text.append(" and a.search @@ q.query");
        }
    }

    /** A sort key as cursor text that reads back exactly: an instant in ISO form, a rank as the float it is. */
    private static String keyText(Object key) {
        if (key instanceof String || key instanceof Number) {
            return key.toString();
        }
        return key == null ? "" : Timestamps.fromJdbc(key).toString();
    }

    /** A native query built piece by piece, every value bound as a parameter. */
    private final class Sql {

        final StringBuilder text = new StringBuilder();
        final Map<Integer, Object> parameters = new LinkedHashMap<>();

        String bind(Object value) {
            parameters.put(parameters.size() + 1, value);
            return "?" + parameters.size();
        }

        /**
         * A parameter bound the first time its placeholder is asked for, so that a condition left out of the
         * statement leaves no parameter behind (one the statement does not name is an error).
         */
        Supplier<String> bindOnUse(Object value) {
            return new Supplier<>() {
                private String name;

                @Override
                public String get() {
                    if (name == null) {
                        name = bind(value);
                    }
                    return name;
                }
            };
        }

        String bindAll(Collection<?> values) {
            return String.join(", ", values.stream().map(this::bind).toList());
        }

        Query query() {
            Query query = getEntityManager().createNativeQuery(text.toString());
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
