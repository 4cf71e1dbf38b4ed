package com.magazine.content.feed;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every webhook delivery: what changed, so that the receiver fetches it anew (op upsert) or drops it (op
 * delete). {@link WebhookFanout} writes this record itself, so the document and what is sent cannot differ.
 */
@Schema(name = "WebhookPayload", description = "One event, POSTed as JSON to the webhook's URL.")
public record WebhookPayload(
        @Schema(required = true, description = "The delivery's id, also sent as webhook-id: the same on every retry, "
                + "so de-duplicate on it.") UUID id,
        // event and type enumerated by EventEnumerations
        @Schema(required = true) String event,
        @Schema(required = true) String type,
        @Schema(required = true, nullable = true, enumeration = {"upsert", "delete"}, description = "upsert: fetch it "
                + "anew; delete: it is gone or left public view; null when the public view did not change.")
        String op,
        @Schema(required = true) Entity entity,
        @Schema(required = true, description = "When the change was made.") Instant at,
        @Schema(required = true, description = "The Surrogate-Key values of every answer the change made stale: what "
                + "a CDN in front of the API should purge.", example = "[\"article:0190c6a2-8f1e-7c3a-9d41-2b6f0e5a7c11\", "
                + "\"articles\"]") java.util.List<String> surrogateKeys) {

    @Schema(name = "WebhookEntity", description = "What changed.")
    public record Entity(
            @Schema(required = true) UUID id,
            @Schema(required = true, nullable = true, description = "Its slug at the time, for articles and authors.")
            String slug,
            @Schema(required = true, nullable = true, description = "Its version after the change.") Long version) {
    }
}
