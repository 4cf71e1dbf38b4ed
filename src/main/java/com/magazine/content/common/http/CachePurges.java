package com.magazine.content.common.http;

import com.magazine.content.common.events.ChangeLog;
import com.magazine.content.common.events.ChangeNotifications;
import com.magazine.content.common.events.ChangeRecorded;
import com.magazine.content.common.events.ContentReplaced;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the {@link ResponseCache}, and every other {@link Purgeable} in memory, true to the database. A change made
 * here purges at once, right after it commits;
 * changes made by other instances sharing the database are read from the change log as soon as PostgreSQL notifies
 * their commit (and every second in any case), and purge the same way. The surrogate keys purged are those each
 * change declared when it was recorded (stored with it in the log), so that every instance purges the same set.
 */
@ApplicationScoped
class CachePurges {

    private static final Logger LOG = Logger.getLogger(CachePurges.class);

    private final List<Purgeable> purgeables;
    private final ChangeLog log;
    private volatile ChangeLog.Position position;
    /** How long after it was recorded the last change read here was read (0 when none came): the change-log lag. */
    private volatile double lagSeconds;
    /** Changes this instance purged for at commit: the poller need not purge for them again. */
    private final java.util.Set<Long> purgedHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

    CachePurges(jakarta.enterprise.inject.Instance<Purgeable> purgeables, ChangeLog log) {
        this.purgeables = purgeables.stream().toList();
        this.log = log;
    }

    void start(@Observes StartupEvent started) {
        position = log.end();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeRecorded recorded) {
        purge(recorded.change().purges().stream().map(SurrogateKey::value).toList());
        if (purgedHere.size() < 100_000) {
            purgedHere.add(recorded.seq());
        }
    }

    private void purge(List<String> keys) {
        for (Purgeable purgeable : purgeables) {
            purgeable.purge(keys);
        }
    }

    /**
     * The content was replaced as a whole (a restore): every purgeable forgets everything, and the change log is read
     * on from its new end (its numbers are the restored ones, which may lie before or after where this reader was).
     */
    synchronized void replaced(@Observes ContentReplaced replaced) {
        purgedHere.clear();
        position = log.end();
        for (Purgeable purgeable : purgeables) {
            purgeable.purgeAll();
        }
    }

    /** Another instance committed changes (PostgreSQL told us): read them now rather than at the next poll. */
    void notified(@Observes ChangeNotifications.Committed committed) {
        poll();
    }

    @Scheduled(every = "${content.http.response-cache.poll-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void poll() {
        if (position == null) {
            return;
        }
        try {
            ChangeLog.Page page;
            do {
                page = log.read(position, ChangeLog.Reader.STAFF, 500);
                List<String> keys = new ArrayList<>();
                page.entries().stream()
                        .filter(entry -> !purgedHere.remove(entry.position().seq()))
                        .forEach(entry -> keys.addAll(entry.purges()));
                if (!keys.isEmpty()) {
                    purge(keys);
                }
                lagSeconds = page.entries().isEmpty() ? 0
                        : java.time.Duration.between(page.entries().get(page.entries().size() - 1).at(),
                                java.time.Instant.now()).toMillis() / 1000.0;
                position = page.next();
            } while (page.entries().size() == 500);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the change log to purge the response cache; trying again", e);
        }
    }

    double lagSeconds() {
        return lagSeconds;
    }
}
