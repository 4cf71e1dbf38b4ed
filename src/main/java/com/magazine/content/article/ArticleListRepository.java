package com.magazine.content.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.magazine.content.common.database.Sql;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import jakarta.persistence.EntityManager;

/**
 * Lists and searches of articles in PostgreSQL, the one place their dynamic SQL is written. A page is one statement:
 * the keyset on an index finds the page, and the same statement reads each row's summary with its bylines and tags; no
 * entities are loaded for it.
 */
@ApplicationScoped
class ArticleListRepository {

    /** What a list may be filtered by; {@code null} members do not filter. */
    record Filter(Visibility visibility, UUID author, TagFilter.Resolved tags, UUID section, Credit credit,
            List<ArticleStatus> statuses, Instant publishedAfter, Instant publishedBefore, String query,
            boolean syndicatedOnly) {

        Filter {
            tags = tags == null ? TagFilter.NONE : tags;
        }
    }

    /** A contributor filter: an author credited beside the byline, in any role (null) or in one. */
    record Credit(UUID authorId, ContributorRole role) {

        /**
         * The jsonb the contributors column contains when it holds this credit: {@code contributors @> …} finds it on
         * the GIN index. A UUID and a role name need no JSON escaping.
         */
        String containment() {
            return "[{\"authorId\":\"" + authorId + "\"" + (role == null ? "" : ",\"role\":\"" + role.name() + "\"")
                    + "}]";
        }
    }

    /** Who is looking: everyone sees public articles, an author also their own, staff everything. */
    record Visibility(boolean staff, UUID ownAuthor, boolean partner) {

        static final Visibility PUBLIC = new Visibility(false, null, false);
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
            (select cast(json_agg(json_build_object('slug', t.slug, 'name', t.name, 'type', t.type, 'id', t.id) \
                                  order by x.position) as text) \
               from article_tag x join tag t on t.id = x.tag_id where x.article_id = a.id), \
            cast(a.image as text), cast(a.seo as text), cast(a.social as text), a.unpublish_at, \
            (select cast(json_build_object('slug', s.slug, 'name', s.name, 'type', s.type, 'id', s.id) as text) \
               from tag s where s.id = a.section_id), \
            cast(a.contributors as text), cast(a.corrections as text), a.syndicatable, a.legally_sensitive, a.embargo""";

    /** How many columns {@link #SUMMARY_COLUMNS} reads. */
    private static final int SUMMARY_WIDTH = 26;

    /**
     * How many matches a search by relevance ranks: the newest this many (ten pages of 20), the best of them first.
     * Ranking reads each match's whole tsvector (ts_rank), so ranking every match cost what the words match: at
     * 1,000,000 articles a common word matches 816,000 of them and took 5.6 to 9.6 s (bench/README.md, "Search and the
     * archive at 1,000,000 articles"). The newest matches are found on the lists' index when the words are common (a
     * few rows read per match) and on the search index when they are rare, so the cost is bounded by this number
     * rather than by the archive: 3.8 ms for that word. A search matching fewer articles ranks them all, as before.
     */
    static final int RANKED = 200;

    /**
     * A condition that is true (the words are never null) and that only a custom plan knows to be true: with the words
     * bound, PostgreSQL folds it away while planning; in a generic plan it stays and costs what V21 declares the
     * function to cost, so that a generic plan is never cheaper than the custom ones. The JDBC driver prepares a
     * statement on the server after its fifth use on a connection, and PostgreSQL then plans it without the values
     * (generic) as soon as that plan looks no dearer than the average custom plan so far; for a search that is wrong
     * for any words: whether they are common (walk the newest articles) or rare (the search index) decides the plan.
     * Measured at 1,000,000 articles, the generic plan took 52-146 ms for a search whose custom plan takes 2-3 ms, and
     * 6.5 s for a common word.
     */
    private static final String CUSTOM_PLAN_GUARD = "custom_plan_guard()";

    private static final TypeReference<List<TagRef>> TAGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Block>> BODY = new TypeReference<>() {
    };
    private static final TypeReference<List<Correction>> CORRECTIONS = new TypeReference<>() {
    };

    private static final TypeReference<List<ContributorInput.Stored>> CONTRIBUTORS = new TypeReference<>() {
    };

    /** A relation whose rows carry their article's listed_at, with an index on (its key, listed_at, article). */
    private enum Relation {
        TAG("article_tag"), AUTHOR("article_author");

        final String table;

        Relation(String table) {
            this.table = table;
        }
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;

    ArticleListRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * One page, in order: {@code limit} rows after the keyset {@code after}. The inner query finds the page on an index
     * alone where it can (an index-only scan, and index-only probes for the tag and author filters), so that rows
     * the page skips are never read from the table; the outer one reads the page's rows and their summaries.
     */
    List<Row> page(Filter filter, ArticleOrder sort, String afterKey, UUID afterId, int limit, Instant now) {
        Sql sql = new Sql(entityManager);
        // a tag's or an author's list by date walks that relation's own index (its rows carry listed_at)
        Relation via = null;
        if (filter.query() == null && (sort == ArticleOrder.newest || sort == ArticleOrder.oldest)) {
            via = filter.tags().walkable() != null ? Relation.TAG : filter.author() != null ? Relation.AUTHOR : null;
        }
        // by relevance, the rank is computed for the newest RANKED matches only (see there), read as c
        boolean ranked = sort == ArticleOrder.relevance;
        String key = via != null ? "x.listed_at" : switch (sort) {
            case newest, oldest -> "a.listed_at";
            case title -> "a.sort_title";
            case relevance -> "ts_rank(c.search, c.query)";
        };
        String id = via != null ? "x.article_id" : ranked ? "c.id" : "a.id";
        // the snippet is cut in Java from the plain text and the query's lexemes: ts_headline costs far more
        sql.append("select p.key, ").append(filter.query() != null ? "a.body_text" : "cast(null as text)")
                .append(", p.query, ").append(SUMMARY_COLUMNS).append(" from (select ").append(id).append(" as id, ")
                .append(key).append(" as key, ")
                .append(filter.query() == null ? "cast(null as text)" : ranked ? "cast(c.query as text)"
                        : "cast(q.query as text)")
                .append(" as query from ");
        if (ranked) {
            sql.append("(select a.id, a.search, q.query from article a");
            where(sql, filter, now, null);
            sql.append(" order by a.listed_at desc, a.id desc limit ").append(RANKED).append(") c");
        } else {
            sql.append(via != null ? via.table + " x join article a on a.id = x.article_id" : "article a");
            where(sql, filter, now, via);
        }
        if (afterId != null) {
            String operator = sort == ArticleOrder.oldest || sort == ArticleOrder.title ? ">" : "<";
            String value = switch (sort) {
                case newest, oldest -> "cast(" + sql.bind(Instant.parse(afterKey)) + " as timestamptz)";
                case title -> sql.bind(afterKey);
                case relevance -> "cast(" + sql.bind(Float.parseFloat(afterKey)) + " as real)";
            };
            sql.append(ranked ? " where (" : " and (").append(key).append(", ").append(id).append(") ").append(operator)
                    .append(" (").append(value).append(", ").append(sql.bind(afterId)).append(')');
        }
        String descending = sort == ArticleOrder.newest || sort == ArticleOrder.relevance ? " desc" : "";
        sql.append(" order by ").append(key).append(descending).append(", ").append(id).append(descending)
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
        Sql sql = new Sql(entityManager);
        sql.append("select count(*) from article a");
        where(sql, filter, now, null);
        return ((Number) sql.query().getSingleResult()).longValue();
    }

    /** An article as a single read finds it: its summary, and its body when the read shows it (else null). */
    record Found(ArticleSummary summary, List<Block> body) {
    }

    private static final String BY_SLUG = "select " + SUMMARY_COLUMNS + ", cast(null as text) from article a where a.slug = ?1";
    private static final String BY_SLUG_WITH_BODY = "select " + SUMMARY_COLUMNS
            + ", cast(a.body as text) from article a where a.slug = ?1";

    /**
     * The article that has {@code slug} now, with its bylines, tags and (when {@code withBody}) its body, in one
     * statement of fixed text (its plan is prepared once): what a single read needs of the article itself.
     */
    java.util.Optional<Found> bySlug(String slug, boolean withBody) {
        List<?> rows = entityManager.createNativeQuery(withBody ? BY_SLUG_WITH_BODY : BY_SLUG)
                .setParameter(1, slug)
                .getResultList();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        Object[] columns = (Object[]) rows.get(0);
        return java.util.Optional.of(new Found(summary(columns, 0), jsonColumn(columns[SUMMARY_WIDTH], BODY)));
    }

    /** The summary in {@link #SUMMARY_COLUMNS} from column {@code at} on. */
    private ArticleSummary summary(Object[] c, int at) {
        String bylines = (String) c[at + 14];
        List<UUID> authorIds = bylines == null ? List.of()
                : java.util.Arrays.stream(bylines.split(",")).map(UUID::fromString).toList();
        List<TagRef> tags = jsonColumn(c[at + 15], TAGS);
        com.magazine.content.asset.ImageUse image = jsonColumn(c[at + 16], com.magazine.content.asset.ImageUse.class);
        SeoInput seo = jsonColumn(c[at + 17], SeoInput.class);
        SocialInput social = jsonColumn(c[at + 18], SocialInput.class);
        return new ArticleSummary((UUID) c[at], (String) c[at + 1], (String) c[at + 2], (String) c[at + 3],
                (String) c[at + 4], Article.State.valueOf((String) c[at + 5]),
                c[at + 6] == null ? null : Timestamps.fromJdbc(c[at + 6]), (String) c[at + 7], (Boolean) c[at + 8],
                ((Number) c[at + 9]).intValue(), ((Number) c[at + 10]).intValue(), Timestamps.fromJdbc(c[at + 11]),
                Timestamps.fromJdbc(c[at + 12]), ((Number) c[at + 13]).longValue(), authorIds, tags, image, seo,
                social, c[at + 19] == null ? null : Timestamps.fromJdbc(c[at + 19]),
                jsonColumn(c[at + 20], TagRef.class), jsonColumn(c[at + 21], CONTRIBUTORS), jsonColumn(c[at + 22], CORRECTIONS),
                new ArticleSummary.Rights((Boolean) c[at + 23], (Boolean) c[at + 24], (Boolean) c[at + 25]));
    }

    /** A jsonb column read as text, as {@code type}; null stays null. */
    private <T> T jsonColumn(Object column, Class<T> type) {
        return jsonColumn(column, json.constructType(type));
    }

    private <T> T jsonColumn(Object column, TypeReference<T> type) {
        return jsonColumn(column, json.getTypeFactory().constructType(type));
    }

    private <T> T jsonColumn(Object column, com.fasterxml.jackson.databind.JavaType type) {
        try {
            return column == null ? null : json.readValue((String) column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned a " + type + " that is not JSON: " + column, e);
        }
    }

    /** The bodies of these articles, in one query. */
    Map<UUID, List<Block>> bodies(Collection<UUID> ids) {
        Map<UUID, List<Block>> bodies = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object row : entityManager
                    .createNativeQuery("select a.id, cast(a.body as text) from article a where a.id = any(?1)")
                    .setParameter(1, ids.toArray(UUID[]::new))
                    .getResultList()) {
                Object[] columns = (Object[]) row;
                bodies.put((UUID) columns[0], jsonColumn(columns[1], BODY));
            }
        }
        return bodies;
    }

    /**
     * Up to {@code limit} public articles sharing a tag or an author with {@code article}, newest first, as summaries:
     * one statement.
     */
    List<ArticleSummary> related(ArticleSummary article, int limit, Instant now, boolean partner) {
        UUID[] tagIds = article.tags().stream().map(TagRef::id).filter(java.util.Objects::nonNull).toArray(UUID[]::new);
        UUID[] authorIds = article.authorIds().toArray(UUID[]::new);
        if (tagIds.length == 0 && authorIds.length == 0) {
            return List.of();
        }
        Sql sql = new Sql(entityManager);
        String at = sql.bind(now);
        sql.append("select ").append(SUMMARY_COLUMNS).append(" from article a where ")
                .append(partner ? PublicArticles.visibleToPartners("a", at) : PublicArticles.visible("a", at))
                .append(" and a.id <> ").append(sql.bind(article.id())).append(" and (false");
        if (tagIds.length > 0) {
            sql.append(" or exists (select 1 from article_tag t where t.article_id = a.id and t.tag_id = any(")
                    .append(sql.bind(tagIds)).append("))");
        }
        if (authorIds.length > 0) {
            sql.append(" or exists (select 1 from article_author w where w.article_id = a.id and w.author_id = any(")
                    .append(sql.bind(authorIds)).append("))");
        }
        sql.append(") order by a.listed_at desc, a.id desc limit ").append(limit);
        List<ArticleSummary> related = new ArrayList<>();
        for (Object row : sql.query().getResultList()) {
            related.add(summary((Object[]) row, 0));
        }
        return related;
    }

    /** The filter's conditions; {@code via}, when the query reads that relation as {@code x}, filters on it there. */
    private void where(Sql sql, Filter filter, Instant now, Relation via) {
        String words = filter.query() == null ? null : sql.bind(filter.query());
        if (words != null) {
            sql.append(", websearch_to_tsquery('english', ").append(words).append(") q(query)");
        }
        Supplier<String> nowParam = sql.bindOnUse(now);
        Supplier<String> visible = filter.visibility().partner()
                ? () -> PublicArticles.visibleToPartners("a", nowParam.get())
                : () -> PublicArticles.visible("a", nowParam.get());
        sql.append(" where ");
        Visibility visibility = filter.visibility();
        if (visibility.staff()) {
            sql.append("true");
        } else if (visibility.ownAuthor() != null) {
            sql.append("(").append(visible.get()).append(" or exists (select 1 from article_author o where ")
                    .append("o.article_id = a.id and o.author_id = ").append(sql.bind(visibility.ownAuthor())).append("))");
        } else {
            sql.append(visible.get());
        }
        if (filter.statuses() != null) {
            List<String> any = new ArrayList<>();
            for (ArticleStatus status : filter.statuses()) {
                any.add(switch (status) {
                    case draft -> "a.status = 'draft'";
                    case archived -> "a.status = 'archived'";
                    case published -> visible.get();
                    case scheduled -> PublicArticles.scheduled("a", nowParam.get());
                    case expired -> PublicArticles.expired("a", nowParam.get());
                });
            }
            sql.append(" and (").append(String.join(" or ", any)).append(')');
        }
        if (via == Relation.AUTHOR) {
            sql.append(" and x.author_id = ").append(sql.bind(filter.author()));
        } else if (filter.author() != null) {
            sql.append(" and exists (select 1 from article_author w where w.article_id = a.id and w.author_id = ")
                    .append(sql.bind(filter.author())).append(')');
        }
        // each term is an index probe on article_tag (tag_id, article_id); the walked tag's term is the relation itself
        UUID walked = via == Relation.TAG ? filter.tags().walkable() : null;
        if (walked != null) {
            sql.append(" and x.tag_id = ").append(sql.bind(walked));
        }
        for (List<UUID> term : filter.tags().anyOf()) {
            if (!(term.size() == 1 && term.get(0).equals(walked))) {
                sql.append(" and exists (select 1 from article_tag t where t.article_id = a.id and t.tag_id in (")
                        .append(sql.bindAll(term)).append("))");
            }
        }
        if (!filter.tags().noneOf().isEmpty()) {
            sql.append(" and not exists (select 1 from article_tag t where t.article_id = a.id and t.tag_id in (")
                    .append(sql.bindAll(filter.tags().noneOf())).append("))");
        }
        if (filter.syndicatedOnly()) {
            sql.append(" and a.syndicatable");
        }
        if (filter.section() != null) {
            sql.append(" and a.section_id = ").append(sql.bind(filter.section()));
        }
        if (filter.credit() != null) {
            sql.append(" and a.contributors @> cast(").append(sql.bind(filter.credit().containment()))
                    .append(" as jsonb)");
        }
        // on listed_at too, which equals published_at once published: the range then runs on the list's index
        if (filter.publishedAfter() != null) {
            String after = sql.bind(filter.publishedAfter());
            sql.append(" and a.published_at >= ").append(after).append(" and a.listed_at >= ").append(after);
        }
        if (filter.publishedBefore() != null) {
            String before = sql.bind(filter.publishedBefore());
            sql.append(" and a.published_at < ").append(before).append(" and a.listed_at < ").append(before);
        }
        if (words != null) {
            // the words decide the plan (see CUSTOM_PLAN_GUARD): the guard keeps it made for them
            sql.append(" and a.search @@ q.query and (cast(").append(words).append(" as text) is not null or ")
                    .append(CUSTOM_PLAN_GUARD).append(')');
        }
    }

    /** A sort key as cursor text that reads back exactly: an instant in ISO form, a rank as the float it is. */
    private static String keyText(Object key) {
        if (key instanceof String || key instanceof Number) {
            return key.toString();
        }
        return key == null ? "" : Timestamps.fromJdbc(key).toString();
    }
}
