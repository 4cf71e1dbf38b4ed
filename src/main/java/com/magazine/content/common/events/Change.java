package com.magazine.content.common.events;

import com.magazine.content.common.http.SurrogateKey;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One change to record: what changed, what the public sees of it ({@code null}: nothing), what editors see, and the
 * surrogate keys of every answer it makes stale. The keys are stored with the change, so that every instance purges
 * exactly the same set, and are named in the change feed and webhook payloads for CDN purgers.
 *
 * @param type article, author, quotation, comment, asset or tag
 * @param action what happened, e.g. published, updated, deleted: with the type it names the {@link Event}
 * @param relatedId a resource the change also touches: the article of a comment
 * @param purges the surrogate keys this change purges, from the changing feature's own key definitions
 * @param partnerOp what partners (their change feed, every webhook) see of it: the public's, unless the resource's
 *     rights say otherwise (an embargoed article partners see early, one not for syndication they never see)
 */
public record Change(String type, UUID id, String slug, Op publicOp, Op staffOp, String action, Long version,
        UUID relatedId, Set<SurrogateKey> purges, Op partnerOp) {

    public enum Op { upsert, delete }

    /** What happened to a resource, in the order the change feed's document lists them. */
    public enum Action {
        created, updated, published, scheduled, unpublished, archived, restored, corrected, deleted, posted, approved,
        rejected, spam
    }

    /**
     * Every event the service records, the one list of them: named {@code type.action} ({@code article.published})
     * in the change feed, webhook subscriptions and deliveries, whose validation and OpenAPI enumerations are made
     * from it. The order is the documents' order.
     */
    public enum Event {
        ARTICLE_CREATED("article", Action.created),
        ARTICLE_PUBLISHED("article", Action.published),
        ARTICLE_SCHEDULED("article", Action.scheduled),
        ARTICLE_UPDATED("article", Action.updated),
        ARTICLE_UNPUBLISHED("article", Action.unpublished),
        ARTICLE_ARCHIVED("article", Action.archived),
        ARTICLE_DELETED("article", Action.deleted),
        ARTICLE_RESTORED("article", Action.restored),
        ARTICLE_CORRECTED("article", Action.corrected),
        AUTHOR_CREATED("author", Action.created),
        AUTHOR_UPDATED("author", Action.updated),
        AUTHOR_DELETED("author", Action.deleted),
        QUOTATION_CREATED("quotation", Action.created),
        QUOTATION_UPDATED("quotation", Action.updated),
        QUOTATION_DELETED("quotation", Action.deleted),
        COMMENT_POSTED("comment", Action.posted),
        COMMENT_APPROVED("comment", Action.approved),
        COMMENT_REJECTED("comment", Action.rejected),
        COMMENT_SPAM("comment", Action.spam),
        COMMENT_DELETED("comment", Action.deleted),
        COMMENT_UPDATED("comment", Action.updated),
        ASSET_CREATED("asset", Action.created),
        ASSET_UPDATED("asset", Action.updated),
        ASSET_DELETED("asset", Action.deleted),
        TAG_UPDATED("tag", Action.updated);

        private final String type;
        private final Action action;

        Event(String type, Action action) {
            this.type = type;
            this.action = action;
        }

        public String type() {
            return type;
        }

        public Action action() {
            return action;
        }

        /** Its name, e.g. {@code article.published}. */
        public String value() {
            return type + "." + action;
        }

        /**
         * Whether webhooks may carry it. Not the events of what the public never sees (a draft made, a publication
         * scheduled for later): their changes have no public op, so they are in the editors' change feed only.
         */
        public boolean webhook() {
            return this != ARTICLE_CREATED;
        }

        /** The event of {@code type} and {@code action}, if there is one. */
        public static Optional<Event> of(String type, String action) {
            return Arrays.stream(values()).filter(e -> e.type.equals(type) && e.action.name().equals(action))
                    .findFirst();
        }
    }

    public Change {
        purges = Set.copyOf(purges);
        if (Event.of(type, action).isEmpty()) {
            throw new IllegalArgumentException("No event " + type + "." + action + " in Change.Event");
        }
    }

    public Change(String type, UUID id, String slug, Op publicOp, Op staffOp, String action, Long version,
            UUID relatedId, Set<SurrogateKey> purges) {
        this(type, id, slug, publicOp, staffOp, action, version, relatedId, purges, publicOp);
    }

    public Change(String type, UUID id, String slug, Op publicOp, Op staffOp, String action, Long version,
            Set<SurrogateKey> purges) {
        this(type, id, slug, publicOp, staffOp, action, version, null, purges);
    }

    public Change(Event event, UUID id, String slug, Op publicOp, Op staffOp, Long version, UUID relatedId,
            Set<SurrogateKey> purges) {
        this(event.type(), id, slug, publicOp, staffOp, event.action().name(), version, relatedId, purges);
    }

    public Change(Event event, UUID id, String slug, Op publicOp, Op staffOp, Long version,
            Set<SurrogateKey> purges) {
        this(event, id, slug, publicOp, staffOp, version, null, purges);
    }

    /** This change as partners see it otherwise than the public. */
    public Change seenByPartners(Op op) {
        return new Change(type, id, slug, publicOp, staffOp, action, version, relatedId, purges, op);
    }

    /** The webhook event name, e.g. {@code article.published}. */
    public String event() {
        return type + "." + action;
    }
}
