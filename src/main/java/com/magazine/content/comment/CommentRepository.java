package com.magazine.content.comment;

import com.magazine.content.common.database.Entities;
import com.magazine.content.common.database.Sql;
import com.magazine.content.common.time.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class CommentRepository implements PanacheRepositoryBase<Comment, UUID> {

    /** A comment of a public thread as read: what readers are shown of it. */
    record ThreadRow(UUID id, UUID parentId, UUID rootId, int depth, String authorName, String authorUrl,
            String body, Instant createdAt, long version, UUID articleId) {

        boolean top() {
            return parentId == null;
        }
    }

    private static final String THREAD_COLUMNS =
            "id, parent_id, root_id, depth, author_name, author_url, body, created_at, version, article_id";

    /**
     * A page of an article's approved threads, in one statement: up to {@code limit} top-level comments after
     * ({@code afterAt}, {@code afterId}), oldest first, then the approved replies in those threads, oldest first.
     */
    List<ThreadRow> threadPage(UUID articleId, Instant afterAt, UUID afterId, int limit) {
        Sql sql = new Sql(getEntityManager());
        sql.append("with tops as (select ").append(THREAD_COLUMNS).append(" from comment where article_id = ")
                .append(sql.bind(articleId)).append(" and status = 'approved' and parent_id is null");
        if (afterId != null) {
            sql.append(" and (created_at, id) > (").append(sql.bind(afterAt)).append(", ").append(sql.bind(afterId))
                    .append(')');
        }
        sql.append(" order by created_at, id limit ").append(sql.bind(limit)).append(") ")
                .append("select 0 as part, ").append(THREAD_COLUMNS).append(" from tops union all select 1, ")
                .append(THREAD_COLUMNS).append(" from comment where root_id in (select id from tops)")
                .append(" and status = 'approved' order by part, created_at, id");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.query().getResultList();
        return rows.stream().map(row -> new ThreadRow((UUID) row[1], (UUID) row[2], (UUID) row[3],
                ((Number) row[4]).intValue(), (String) row[5], (String) row[6], (String) row[7],
                Timestamps.fromJdbc(row[8]), ((Number) row[9]).longValue(), (UUID) row[10])).toList();
    }

    /**
     * The moderation queue: comments in these statuses, oldest first, under these articles ({@code null}: under
     * every article).
     */
    List<Comment> queue(List<CommentStatus> statuses, Collection<UUID> articleIds, Instant afterAt, UUID afterId,
            int limit) {
        if (articleIds != null && articleIds.isEmpty()) {
            return List.of();
        }
        Sql sql = new Sql(getEntityManager());
        sql.append("select * from comment where status in (")
                .append(sql.bindAll(statuses.stream().map(CommentStatus::name).toList())).append(')');
        if (articleIds != null) {
            sql.append(" and article_id in (").append(sql.bindAll(articleIds)).append(')');
        }
        if (afterId != null) {
            sql.append(" and (created_at, id) > (cast(").append(sql.bind(afterAt)).append(" as timestamptz), ")
                    .append(sql.bind(afterId)).append(')');
        }
        sql.append(" order by created_at, id limit ").append(sql.bind(limit));
        @SuppressWarnings("unchecked")
        List<Comment> page = sql.query(Comment.class).getResultList();
        return page;
    }

    /** How many comments {@code column} matched since {@code since}, and the oldest of them. */
    record Recent(long count, Instant oldest) {
    }

    Recent recentByAddress(String ip, Instant since) {
        return recent("ip", ip, since);
    }

    Recent recentByEmail(String emailKey, Instant since) {
        return recent("email_key", emailKey, since);
    }

    private Recent recent(String column, String value, Instant since) {
        // one poster at a time per address or email, so that concurrent posts cannot all slip under the limit
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 7))")
                .setParameter(1, column + ":" + value)
                .getSingleResult();
        Object[] row = (Object[]) getEntityManager().createNativeQuery(
                        "select count(*), min(created_at) from comment where " + column + " = ?1 and created_at > ?2")
                .setParameter(1, value)
                .setParameter(2, since)
                .getSingleResult();
        return new Recent(((Number) row[0]).longValue(), Timestamps.fromJdbc(row[1]));
    }

    boolean hadApproved(String emailKey) {
        return count("emailKey = ?1 and status = ?2", emailKey, CommentStatus.approved) > 0;
    }

    Optional<Comment> findApproved(UUID id) {
        return find("id = ?1 and status = ?2", id, CommentStatus.approved).firstResultOptional();
    }

    /** Erases the addresses of comments posted before {@code before}; answers how many. */
    int forgetAddresses(Instant before) {
        return getEntityManager().createNativeQuery(
                        "update comment set ip = null where ip is not null and created_at < ?1")
                .setParameter(1, before)
                .executeUpdate();
    }

    /** The replies under a comment, at any depth, deepest first (the order in which they can be deleted). */
    List<Comment> descendants(UUID id) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        with recursive under(id, depth) as (
                            select id, depth from comment where parent_id = ?1
                            union all
                            select c.id, c.depth from comment c join under u on c.parent_id = u.id
                        )
                        select id from under order by depth desc""")
                .setParameter(1, id)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return Entities.byIds(getEntityManager(), Comment.class, ids);
    }
}
