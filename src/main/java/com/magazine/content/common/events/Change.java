package com.magazine.content.common.events;

import java.util.UUID;

/**
 * One change to record: what changed, what the public sees of it ({@code null}: nothing) and what editors see.
 *
 * @param type article, author, quotation or comment
 * @param action what happened, e.g. published, updated, deleted: with the type it names the webhook event
 * @param relatedId a resource the change also touches: the article of a comment
 */
public record Change(String type, UUID id, String slug, Op publicOp, Op staffOp, String action, Long version,
        UUID relatedId) {

    public enum Op { upsert, delete }

    public Change(String type, UUID id, String slug, Op publicOp, Op staffOp, String action, Long version) {
        this(type, id, slug, publicOp, staffOp, action, version, null);
    }

    /** The webhook event name, e.g. {@code article.published}. */
    public String event() {
        return type + "." + action;
    }
}
