package com.magazine.content.common.events;

import java.util.UUID;

/**
 * One change to record: what changed, what the public sees of it ({@code null}: nothing) and what editors see.
 *
 * @param type article, author, quotation or comment
 * @param action what happened, e.g. published, updated, deleted: with the type it names the webhook event
 */
public record Change(String type, UUID id, String slug, Op publicOp, Op staffOp, String action, Long version) {

    public enum Op { upsert, delete }

    /** The webhook event name, e.g. {@code article.published}. */
    public String event() {
        return type + "." + action;
    }
}
