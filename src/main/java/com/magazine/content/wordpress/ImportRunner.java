package com.magazine.content.wordpress;

import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs imports: every instance looks for one that is queued, or whose instance stopped while running it (its claim
 * ran out), and runs it to its end. A job whose file this instance cannot read is left for the one that can.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ImportJobRepository jobs;
    private final ImportService uploads;
    private final WordPressImport wordpress;
    private final Duration lease;
    private final String instance;

    ImportRunner(ImportJobRepository jobs, ImportService uploads, WordPressImport wordpress, ContentConfig config) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.wordpress = wordpress;
        this.lease = config.imports().lease();
        this.instance = instanceName();
    }

    @Scheduled(every = "${content.imports.poll-every:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        while (runDue()) {
            // one job after another, while there are any
        }
    }

    /** Runs the next due import to its end; answers whether there was one. */
    public boolean runDue() {
        Instant now = Timestamps.now();
        Optional<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> jobs.claim(instance, now, now.plus(lease)));
        if (claimed.isEmpty()) {
            return false;
        }
        run(claimed.get());
        return true;
    }

    private void run(UUID id) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> jobs.find(id)).orElseThrow();
        if (!Files.isReadable(Path.of(job.filePath()))) {
            LOG.warnf("Import %s: its file %s is not on this instance; left for the one that has it", id,
                    job.filePath());
            QuarkusTransaction.requiringNew().run(() -> jobs.release(id, Timestamps.now().plus(lease)));
            return;
        }
        LOG.infof("Import %s: %s from item %d", id, job.itemsDone() == 0 ? "starting" : "resuming", job.itemsDone());
        String status = ImportJob.DONE;
        String error = null;
        try {
            wordpress.run(job);
        } catch (WxrException e) {
            status = ImportJob.FAILED;
            error = e.getMessage();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s stopped", id);
            status = ImportJob.FAILED;
            error = "stopped by an unexpected error (" + e.getClass().getSimpleName() + "); see the logs";
        }
        String outcome = status;
        String why = error;
        QuarkusTransaction.requiringNew().run(() -> jobs.finish(id, outcome, why, Timestamps.now()));
        uploads.forget(Path.of(job.filePath())); // an uploaded file goes; one named on the command line stays
        LOG.infof("Import %s: %s%s", id, outcome, why == null ? "" : " (" + why + ")");
    }

    private static String instanceName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (java.net.UnknownHostException e) {
            return "pid:" + ProcessHandle.current().pid();
        }
    }
}
