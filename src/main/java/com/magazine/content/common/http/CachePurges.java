package com.magazine.content.common.http;

import com.magazine.content.common.events.ChangeLog;
import com.magazine.content.common.events.ChangeRecorded;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps the {@link ResponseCache} true to the database. A change made here purges at once, right after it commits;
 * changes made by other instances sharing the database are read from the change log a few times a second and purge
 * the same way. The surrogate keys purged are those the answers carry (see HttpCaching).
 */
@ApplicationScoped
class CachePurges {

    private static final Logger LOG = Logger.getLogger(CachePurges.class);

    private final ResponseCache cache;
    private final ChangeLog log;
    private volatile ChangeLog.Position position;
    /** Changes this instance purged for at commit: the poller need not purge for them again. */
    private final java.util.Set<Long> purgedHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

    CachePurges(ResponseCache cache, ChangeLog log) {
        this.cache = cache;
        this.log = log;
    }

    void start(@Observes StartupEvent started) {
        if (cache.enabled()) {
            position = log.end();
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeRecorded recorded) {
        if (cache.enabled()) {
            cache.purge(keys(recorded.change().type(), recorded.change().id(), recorded.change().relatedId()));
            if (purgedHere.size() < 100_000) {
                purgedHere.add(recorded.seq());
            }
        }
    }

    @Scheduled(every = "${content.http.response-cache.poll-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!cache.enabled() || position == null) {
            return;
        }
        try {
            ChangeLog.Page page;
            do {
                page = log.read(position, true, 500);
                List<String> keys = new ArrayList<>();
                page.entries().stream()
                        .filter(entry -> !purgedHere.remove(entry.position().seq()))
                        .forEach(entry -> keys.addAll(keys(entry.type(), entry.id(), entry.relatedId())));
                if (!keys.isEmpty()) {
                    cache.purge(keys);
                }
                position = page.next();
            } while (page.entries().size() == 500);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the change log to purge the response cache; trying again", e);
        }
    }

    /** The surrogate keys a change of this type touches: the resource itself and the lists that may show it. */
    static List<String> keys(String type, UUID id, UUID relatedId) {
        return switch (type) {
            case "article" -> List.of("article:" + id, "articles", "tags", "feeds", "sitemaps", "quotations",
                    "quotation:");
            case "author" -> List.of("author:" + id, "authors", "speakers", "sitemaps");
            case "quotation" -> List.of("quotation:" + id, "quotations", "speakers");
            case "comment" -> relatedId == null ? List.of("comments", "articles")
                    : List.of("comments:" + relatedId, "article:" + relatedId, "articles");
            default -> List.of();
        };
    }
}
