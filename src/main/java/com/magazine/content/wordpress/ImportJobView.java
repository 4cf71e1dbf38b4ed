package com.magazine.content.wordpress;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import as its admin follows it. */
@Schema(name = "Import", description = "An import job: where it is, and what it did so far.")
public record ImportJobView(
        @Schema(required = true) UUID id,
        @Schema(required = true, enumeration = {"queued", "running", "done", "failed"},
                description = "queued, running (also while waiting to be taken over after a restart), done or failed.")
        String status,
        @Schema(required = true, description = "The file's name as uploaded.", example = "magazine.wordpress.xml")
        String fileName,
        @Schema(required = true, description = "The file's size in bytes.") long fileBytes,
        @Schema(required = true, description = "Whether images are fetched from the old site.") boolean fetchImages,
        @Schema(required = true, nullable = true, description = "The site the file was exported from, once read.",
                example = "https://magazine.example.org") String site,
        @Schema(required = true, description = "How many items of the file are done.") long itemsDone,
        @Schema(required = true, description = "What became of the authors, tags, posts, comments and media.")
        Map<ImportCounts.Kind, ImportCounts.Tally> counts,
        @Schema(required = true, nullable = true, description = "Why the import failed, when it did.") String error,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, nullable = true) Instant startedAt,
        @Schema(required = true, nullable = true) Instant finishedAt,
        @Schema(required = true, description = "Its report: what was skipped, changed or flagged, item by item.",
                example = "/api/v1/imports/0192d5a0-0000-7000-8000-000000000000/report") String report,
        @com.fasterxml.jackson.annotation.JsonIgnore Instant updatedAt)
        implements com.magazine.content.common.http.Cacheable {

    @Override
    public jakarta.ws.rs.core.EntityTag etag() {
        return com.magazine.content.common.http.HttpCaching.etagOf(java.util.List.of(id.toString(),
                String.valueOf(updatedAt), status, String.valueOf(itemsDone)));
    }

    @Override
    public Instant lastModified() {
        return updatedAt;
    }

    static ImportJobView of(ImportJob job) {
        return new ImportJobView(job.id(), job.status(), job.fileName(), job.fileBytes(), job.fetchImages(),
                job.site(), job.itemsDone(), job.counts().tallies(), job.error(), job.createdAt(), job.startedAt(),
                job.finishedAt(), "/api/v1/imports/" + job.id() + "/report", job.updatedAt());
    }
}
