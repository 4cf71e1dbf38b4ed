package com.magazine.content.wordpress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The import jobs, their reports, the attachments a file lists, and what imports wrote by the other system's ids. */
@ApplicationScoped
class ImportJobRepository {

    private static final String COLUMNS = """
            id, status, file_name, file_path, file_bytes, fetch_images, site, header_done, items_done, counts::text,
            error, created_by, created_at, started_at, finished_at, updated_at""";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    ImportJobRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    void insert(ImportJob job) {
        entityManager.createNativeQuery("""
                insert into import_job (id, kind, status, file_name, file_path, file_bytes, fetch_images, counts,
                                        created_by, created_at, updated_at)
                values (?1, 'wordpress', ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8, ?9, ?9)""")
                .setParameter(1, job.id()).setParameter(2, job.status()).setParameter(3, job.fileName())
                .setParameter(4, job.filePath()).setParameter(5, job.fileBytes()).setParameter(6, job.fetchImages())
                .setParameter(7, write(job.counts())).setParameter(8, job.createdBy())
                .setParameter(9, job.createdAt())
                .executeUpdate();
    }

    Optional<ImportJob> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select " + COLUMNS + " from import_job where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(this::job);
    }

    /** The newest jobs first, after {@code before} (created_at, id) when given. */
    List<ImportJob> page(Instant beforeAt, UUID beforeId, int limit) {
        // named parameters: the first page has no cursor, and ordinal ones must then start from ?1
        jakarta.persistence.Query query = entityManager.createNativeQuery("select " + COLUMNS + " from import_job"
                        + (beforeAt == null ? "" : " where (created_at, id) < (:beforeAt, :beforeId)")
                        + " order by created_at desc, id desc limit :limit")
                .setParameter("limit", limit);
        if (beforeAt != null) {
            query.setParameter("beforeAt", beforeAt).setParameter("beforeId", beforeId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(this::job).toList();
    }

    /**
     * Claims the oldest job that is queued, or running with its claim run out (its instance stopped): no two
     * instances run one job at once. Answers its id.
     */
    Optional<UUID> claim(String instance, Instant now, Instant until) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                update import_job set status = 'running', leased_by = ?1, lease_until = ?3,
                       started_at = coalesce(started_at, ?2), updated_at = ?2
                where id = (select id from import_job
                            where status in ('queued', 'running') and (lease_until is null or lease_until < ?2)
                            order by created_at limit 1 for update skip locked)
                returning id""", UUID.class)
                .setParameter(1, instance).setParameter(2, now).setParameter(3, until)
                .getResultList();
        return ids.stream().findFirst();
    }

    /** Lets go of a claim (this instance cannot run the job: another may). */
    void release(UUID id, Instant until) {
        entityManager.createNativeQuery("update import_job set lease_until = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, until).executeUpdate();
    }

    /** Progress: how far the job got and what it counted, with its claim extended. */
    void progress(UUID id, String site, boolean headerDone, long itemsDone, ImportCounts counts, Instant now,
            Instant until) {
        entityManager.createNativeQuery("""
                update import_job set site = coalesce(?2, site), header_done = ?3, items_done = ?4,
                       counts = cast(?5 as jsonb), updated_at = ?6, lease_until = ?7
                where id = ?1""")
                .setParameter(1, id).setParameter(2, site).setParameter(3, headerDone).setParameter(4, itemsDone)
                .setParameter(5, write(counts)).setParameter(6, now).setParameter(7, until)
                .executeUpdate();
    }

    void finish(UUID id, String status, String error, Instant now) {
        entityManager.createNativeQuery("""
                update import_job set status = ?2, error = ?3, finished_at = ?4, updated_at = ?4, lease_until = null,
                       leased_by = null
                where id = ?1""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, error).setParameter(4, now)
                .executeUpdate();
    }

    void report(UUID jobId, ImportReportEntry entry) {
        entityManager.createNativeQuery("""
                insert into import_report (job_id, kind, external_id, target, action, message)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, jobId).setParameter(2, entry.kind()).setParameter(3, entry.externalId())
                .setParameter(4, entry.target()).setParameter(5, entry.action()).setParameter(6, entry.message())
                .executeUpdate();
    }

    /** A job's report in the order it was written, after {@code afterSeq}. */
    List<ImportReportEntry> reportPage(UUID jobId, long afterSeq, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select seq, kind, external_id, target, action, message, at from import_report
                        where job_id = ?1 and seq > ?2 order by seq limit ?3""")
                .setParameter(1, jobId).setParameter(2, afterSeq).setParameter(3, limit).getResultList();
        return rows.stream().map(row -> new ImportReportEntry(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], (String) row[3], (String) row[4], (String) row[5], instant(row[6]))).toList();
    }

    void attachment(UUID jobId, long wpId, String url, String title, String alt, String caption) {
        entityManager.createNativeQuery("""
                insert into import_attachment (job_id, wp_id, url, title, alt, caption) values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (job_id, wp_id) do update set url = excluded.url, title = excluded.title,
                    alt = excluded.alt, caption = excluded.caption""")
                .setParameter(1, jobId).setParameter(2, wpId).setParameter(3, url).setParameter(4, title)
                .setParameter(5, alt).setParameter(6, caption).executeUpdate();
    }

    /** An attachment of the file: its URL, title, alt text and caption. */
    record Attachment(long wpId, String url, String title, String alt, String caption) {
    }

    Optional<Attachment> attachment(UUID jobId, long wpId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select url, title, alt, caption from import_attachment where job_id = ?1 and wp_id = ?2")
                .setParameter(1, jobId).setParameter(2, wpId).getResultList();
        return rows.stream().findFirst().map(row -> new Attachment(wpId, (String) row[0], (String) row[1],
                (String) row[2], (String) row[3]));
    }

    /** What an import wrote before for the other system's {@code externalId}, with the digest of what it wrote. */
    record Ref(UUID targetId, String digest) {
    }

    Optional<Ref> ref(String source, String kind, String externalId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select target_id, digest from external_ref where source = ?1 and kind = ?2 and external_id = ?3")
                .setParameter(1, source).setParameter(2, kind).setParameter(3, externalId).getResultList();
        return rows.stream().findFirst().map(row -> new Ref((UUID) row[0], (String) row[1]));
    }

    void saveRef(String source, String kind, String externalId, UUID targetId, String digest) {
        entityManager.createNativeQuery("""
                insert into external_ref (source, kind, external_id, target_id, digest) values (?1, ?2, ?3, ?4, ?5)
                on conflict (source, kind, external_id) do update set target_id = excluded.target_id,
                    digest = excluded.digest""")
                .setParameter(1, source).setParameter(2, kind).setParameter(3, externalId)
                .setParameter(4, targetId).setParameter(5, digest).executeUpdate();
    }

    private ImportJob job(Object[] row) {
        return new ImportJob((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).longValue(), (Boolean) row[5], (String) row[6], (Boolean) row[7],
                ((Number) row[8]).longValue(), read((String) row[9]), (String) row[10], (String) row[11],
                instant(row[12]), instant(row[13]), instant(row[14]), instant(row[15]));
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant i ? i
                : value instanceof OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    private ImportCounts read(String stored) {
        try {
            return json.readValue(stored, ImportCounts.class);
        } catch (JsonProcessingException e) {
            return new ImportCounts();
        }
    }

    private String write(ImportCounts counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
