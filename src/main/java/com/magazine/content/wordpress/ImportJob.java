package com.magazine.content.wordpress;

import java.time.Instant;
import java.util.UUID;

/** An import job as stored: the file, how far it got, what it counted. */
record ImportJob(UUID id, String status, String fileName, String filePath, long fileBytes, boolean fetchImages,
        String site, boolean headerDone, long itemsDone, ImportCounts counts, String error, String createdBy,
        Instant createdAt, Instant startedAt, Instant finishedAt, Instant updatedAt) {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";
}
