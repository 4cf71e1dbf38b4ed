package com.magazine.content.common.events;

import com.magazine.content.common.http.SurrogateKey;
import java.util.Set;
import java.util.UUID;

/**
 * One change to record: what changed, what the public sees of it ({@code null}: nothing), what editors see, and the
 * surrogate keys of every answer it makes stale. The keys are stored with the change, so that every instance purges
 * exactly the same set, and are named in the change feed and webhook payloads for CDN purgers.
 *
 * @param type article, author, quotation or comment
 * @param action what happened, e.g. published, updated, deleted: with the type it names the webhook event
 * @param relatedId a resource the change also touches: the article of a comment
 * @param purges the surrogate keys this change purges, from the changing feature's own key definitions
 */
public record Change(String type, UUID id, String slug, Op publicOp, Op staffOp, String action, Long version,
        UUID relatedId, Set<SurrogateKey> purges) {

    public enum Op { upsert, delete }

    public Change {
        purges = Set.copyOf(purges);
    }

    public Change(String type, UUID id, String slug, Op publicOp, Op staffOp, String action, Long version,
            Set<SurrogateKey> purges) {
        this(type, id, slug, publicOp, staffOp, action, version, null, purges);
    }

    /** The webhook event name, e.g. {@code article.published}. */
    public String event() {
        return type + "." + action;
    }
}
