package com.magazine.content.feed;

import com.magazine.content.access.Caller;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.events.ChangeLog;
import com.magazine.content.common.paging.Cursors;
import com.magazine.content.common.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/** The change feed: every change the caller may see, in an order that never lets a late commit slip behind. */
@ApplicationScoped
public class ChangeFeedService {

    private static final String LIST = "changes";
    /** The first part of a cursor of this form (the earlier form had a transaction id there). */
    private static final String SEQ = "n";

    private final ChangeLog log;
    private final Cursors cursors;
    private final Instance<Caller> caller;

    private final java.time.Duration retention;

    ChangeFeedService(ChangeLog log, Cursors cursors, Instance<Caller> caller,
            com.magazine.content.common.ContentConfig config) {
        this.retention = config.retention().changes();
        this.log = log;
        this.cursors = cursors;
        this.caller = caller;
    }

    /**
     * Up to {@code limit} changes after {@code since} (from the start when null). {@code next} is where to resume:
     * after the last change served, or past changes the caller may not see once there is nothing more to serve.
     */
    public Page<ChangeView> read(String since, int limit) {
        ChangeLog.Position after = since == null || since.isBlank() ? ChangeLog.Position.START : position(since);
        if (after.seq() > 0 && after.seq() < log.prunedUpTo()) {
            throw Problems.gone("changes-expired", "The changes after this cursor are older than the feed keeps "
                    + "(it keeps " + retention.toDays() + " days): read the lists afresh, then follow the feed "
                    + "from its start.");
        }
        com.magazine.content.access.Caller who = caller.get();
        ChangeLog.Reader reader = who.staff() ? ChangeLog.Reader.STAFF
                : who.has(com.magazine.content.access.Role.partner) ? ChangeLog.Reader.PARTNER : ChangeLog.Reader.PUBLIC;
        ChangeLog.Page page = log.read(after, reader, limit);
        List<ChangeView> items = page.entries().stream()
                .map(entry -> new ChangeView(encode(entry.position()), entry.type(), entry.id(), entry.slug(),
                        entry.op(), entry.action(), entry.at(), entry.version(), entry.purges()))
                .toList();
        return new Page<>(items, encode(page.next()));
    }

    /** A position as a cursor: "n" and the change's number (cursors of the earlier form carry a transaction id). */
    private String encode(ChangeLog.Position position) {
        return cursors.encode(LIST, SEQ, String.valueOf(position.seq()));
    }

    private ChangeLog.Position position(String cursor) {
        List<String> keys = cursors.decode(LIST, cursor, 2);
        try {
            long seq = Long.parseLong(keys.get(1));
            if (seq < 0) {
                throw Cursors.invalid();
            }
            if (SEQ.equals(keys.get(0))) {
                return new ChangeLog.Position(seq);
            }
            Long.parseLong(keys.get(0)); // a transaction id: a cursor given before positions were numbers alone
            return log.fromTransactionPosition(keys.get(0), seq);
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }
}
