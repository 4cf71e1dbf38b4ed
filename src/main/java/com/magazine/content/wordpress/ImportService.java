package com.magazine.content.wordpress;

import com.magazine.content.access.Caller;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.paging.Cursors;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/** Starts imports and tells how they go; {@link ImportRunner} runs them. */
@ApplicationScoped
public class ImportService {

    private final ImportJobRepository jobs;
    private final ContentConfig.Imports config;
    private final Instance<Caller> caller;
    private final Cursors cursors;

    ImportService(ImportJobRepository jobs, ContentConfig config, Instance<Caller> caller, Cursors cursors) {
        this.jobs = jobs;
        this.config = config.imports();
        this.caller = caller;
        this.cursors = cursors;
    }

    /**
     * Keeps the uploaded file and queues its import. What is plainly not a WordPress export (not XML, another feed,
     * a DTD) is refused now, with a 422 problem; what shows only further in (a truncated file) fails the job.
     */
    public ImportJobView start(InputStream body, String fileName, boolean fetchImages) {
        Path file = keep(body);
        try {
            check(file);
        } catch (WxrException e) {
            delete(file);
            throw Problems.unprocessable("file", e.getMessage());
        }
        return ImportJobView.of(queue(file, fileName, fetchImages, caller.get().name()));
    }

    /** Queues the import of a file already on this machine (the command line), read where it is. */
    public ImportJob queueLocal(Path file, boolean fetchImages) {
        check(file);
        return queue(file.toAbsolutePath(), file.getFileName().toString(), fetchImages, "command-line");
    }

    @Transactional
    ImportJob queue(Path file, String fileName, boolean fetchImages, String by) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportJob job = new ImportJob(UUID.randomUUID(), ImportJob.QUEUED, fileName == null || fileName.isBlank()
                ? file.getFileName().toString() : fileName.strip(), file.toString(), size, fetchImages, null, false, 0,
                new ImportCounts(), null, by, Timestamps.now(), null, null, Timestamps.now());
        jobs.insert(job);
        return job;
    }

    @Transactional
    public ImportJobView get(UUID id) {
        return jobs.find(id).map(ImportJobView::of).orElseThrow(() -> Problems.notFound("import", id.toString()));
    }

    @Transactional
    public Page<ImportJobView> list(PageRequest page) {
        UUID beforeId = null;
        java.time.Instant beforeAt = null;
        if (!page.first()) {
            List<String> keys = cursors.decode("imports", page.cursor(), 2);
            beforeAt = Cursors.instant(keys.get(0));
            beforeId = Cursors.uuid(keys.get(1));
        }
        return Page.of(jobs.page(beforeAt, beforeId, page.limit() + 1), page.limit(), ImportJobView::of,
                job -> cursors.encode("imports", job.createdAt().toString(), job.id().toString()));
    }

    @Transactional
    public Page<ImportReportEntry> report(UUID id, PageRequest page) {
        get(id);
        long after = page.first() ? 0 : Long.parseLong(cursors.decode("import-report:" + id, page.cursor(), 1).get(0));
        return Page.of(jobs.reportPage(id, after, page.limit() + 1), page.limit(), entry -> entry,
                entry -> cursors.encode("import-report:" + id, String.valueOf(entry.seq())));
    }

    private Path keep(InputStream body) {
        try {
            Path folder = Path.of(config.folder());
            Files.createDirectories(folder);
            Path file = folder.resolve(UUID.randomUUID() + ".xml");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(file) == 0) {
                delete(file);
                throw Problems.unprocessable("file", "is empty");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file as far as its channel's header: not XML, not a WordPress export, a DTD are refused here. */
    private static void check(Path file) {
        try (InputStream in = Files.newInputStream(file); WxrReader reader = new WxrReader(in)) {
            if (!reader.hasNext()) {
                throw new WxrException("the file has no channel", null);
            }
            reader.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file this service kept for an import that has ended; a file elsewhere is not this service's. */
    void forget(Path file) {
        Path folder = Path.of(config.folder()).toAbsolutePath().normalize();
        if (file.toAbsolutePath().normalize().startsWith(folder)) {
            delete(file);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a file left behind in the imports folder does no harm
        }
    }
}
