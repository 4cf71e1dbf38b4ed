package com.magazine.content.quotation;

import com.magazine.content.common.database.Entities;
import com.magazine.content.common.database.Sql;
import com.magazine.content.common.time.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
class QuotationRepository implements PanacheRepositoryBase<Quotation, UUID> {

    /** What a list may be filtered by; {@code null} members do not filter. */
    record Filter(String speakerKey, String sourceKey, WorkKind kind, Collection<UUID> ids, String query) {
    }

    /** One page of ids, newest first, after {@code before}. */
    List<UUID> page(Filter filter, UUID before, int limit) {
        if (filter.ids() != null && filter.ids().isEmpty()) {
            return List.of();
        }
        Sql sql = new Sql(getEntityManager()).append("select q.id from quotation q");
        if (filter.query() != null) {
            sql.append(", websearch_to_tsquery('english', ").append(sql.bind(filter.query())).append(") s(query)");
        }
        sql.append(" where true");
        if (filter.speakerKey() != null) {
            sql.append(" and q.speaker_key = ").append(sql.bind(filter.speakerKey()));
        }
        if (filter.sourceKey() != null) {
            sql.append(" and q.source_title_key = ").append(sql.bind(filter.sourceKey()));
        }
        if (filter.kind() != null) {
            sql.append(" and q.source ->> 'kind' = ").append(sql.bind(filter.kind().name()));
        }
        if (filter.ids() != null) {
            sql.append(" and q.id in (").append(sql.bindAll(filter.ids())).append(')');
        }
        if (filter.query() != null) {
            sql.append(" and q.search @@ s.query");
        }
        if (before != null) {
            sql.append(" and q.id < ").append(sql.bind(before));
        }
        sql.append(" order by q.id desc limit ").append(sql.bind(limit));
        List<UUID> ids = new ArrayList<>();
        for (Object id : sql.query().getResultList()) {
            ids.add((UUID) id);
        }
        return ids;
    }

    /** These quotations, in the order of {@code ids}. */
    List<Quotation> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Entities.byIds(getEntityManager(), Quotation.class, ids);
    }

    /** A speaker as listed: the name, how many quotations, one of our authors if linked, when last changed. */
    record SpeakerRow(String key, String name, long count, UUID authorId, Instant changedAt) {
    }

    /**
     * Speakers by folded name after {@code afterKey}, optionally those whose name contains {@code search}. A speaker's
     * author is that of their most recently changed quotation naming one: an order, so that every read names the same
     * author (the coherence walk caught two reads of unchanged data naming different ones).
     */
    List<SpeakerRow> speakers(String afterKey, String search, int limit) {
        Sql sql = new Sql(getEntityManager()).append("""
                select q.speaker_key, min(q.speaker_name), count(*),
                       (array_agg(q.speaker_author_id order by q.updated_at desc, q.id)
                            filter (where q.speaker_author_id is not null))[1],
                       max(q.updated_at)
                from quotation q where q.speaker_key > """);
        sql.append(sql.bind(afterKey == null ? "" : afterKey));
        if (search != null) {
            sql.append(" and strpos(q.speaker_key, ").append(sql.bind(search)).append(") > 0");
        }
        sql.append(" group by q.speaker_key order by q.speaker_key limit ").append(sql.bind(limit));
        List<SpeakerRow> rows = new ArrayList<>();
        for (Object row : sql.query().getResultList()) {
            Object[] columns = (Object[]) row;
            rows.add(new SpeakerRow((String) columns[0], (String) columns[1], ((Number) columns[2]).longValue(),
                    (UUID) columns[3], Timestamps.fromJdbc(columns[4])));
        }
        return rows;
    }

    Map<UUID, Quotation> byIds(Collection<UUID> ids) {
        Map<UUID, Quotation> byId = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            Entities.byIds(getEntityManager(), Quotation.class, ids)
                    .forEach(quotation -> byId.put(quotation.id(), quotation));
        }
        return byId;
    }
}
