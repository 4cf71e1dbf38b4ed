package com.magazine.content.feed;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The event names a webhook subscribes to, for the OpenAPI document: each event, a type's events, or all. */
@Schema(name = "EventSubscription", type = SchemaType.STRING, description = "An event, every event of a type "
        + "(article.*), or every event (*).", enumeration = {"*", "article.*", "author.*", "quotation.*", "comment.*", "asset.*",
        "article.published", "article.updated", "article.unpublished", "article.archived", "article.deleted",
        "article.restored", "article.corrected", "author.created", "author.updated", "author.deleted",
        "quotation.created", "quotation.updated", "quotation.deleted", "comment.posted", "comment.approved",
        "comment.rejected", "comment.spam", "comment.deleted", "asset.created", "asset.updated", "asset.deleted"})
final class EventNames {

    private EventNames() {
    }
}
