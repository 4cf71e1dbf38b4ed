package com.magazine.content.feed;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every webhook delivery, for the OpenAPI document ({@link WebhookFanout} writes it): what changed, so
 * that the receiver fetches it anew (op upsert) or drops it (op delete).
 */
@Schema(name = "WebhookPayload", description = "One event, POSTed as JSON to the webhook's URL.")
public record WebhookPayload(
        @Schema(required = true, description = "The delivery's id, also sent as webhook-id: the same on every retry, "
                + "so de-duplicate on it.") UUID id,
        @Schema(required = true, type = SchemaType.STRING, implementation = DeliveredEvent.class) String event,
        @Schema(required = true, enumeration = {"article", "author", "quotation", "comment", "asset"}) String type,
        @Schema(required = true, nullable = true, enumeration = {"upsert", "delete"}, description = "upsert: fetch it "
                + "anew; delete: it is gone or left public view; null when the public view did not change.")
        String op,
        @Schema(required = true) Entity entity,
        @Schema(required = true, description = "When the change was made.") Instant at) {

    @Schema(name = "WebhookEntity", description = "What changed.")
    record Entity(
            @Schema(required = true) UUID id,
            @Schema(required = true, nullable = true, description = "Its slug at the time, for articles and authors.")
            String slug,
            @Schema(required = true, nullable = true, description = "Its version after the change.") Long version) {
    }

    /** The events a delivery carries: never a wildcard. */
    @Schema(name = "WebhookEvent", type = SchemaType.STRING, enumeration = {"article.published", "article.updated",
            "article.unpublished", "article.archived", "article.deleted", "article.restored", "author.created",
            "author.updated", "author.deleted", "quotation.created", "quotation.updated", "quotation.deleted",
            "comment.posted", "comment.approved", "comment.rejected", "comment.spam", "comment.deleted", "asset.created", "asset.updated", "asset.deleted"})
    static final class DeliveredEvent {

        private DeliveredEvent() {
        }
    }
}
