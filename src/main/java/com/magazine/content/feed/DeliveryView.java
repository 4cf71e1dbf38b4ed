package com.magazine.content.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.common.http.Cacheable;
import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One event sent, or to be sent, to a webhook.")
public record DeliveryView(
        @Schema(required = true, description = "Also the webhook-id header of each try.") UUID id,
        // enumerated by EventEnumerations
        @Schema(required = true, example = "article.published") String event,
        @Schema(required = true, enumeration = {"pending", "delivered", "failed"}) String status,
        @Schema(required = true) int attempts,
        @Schema(required = true, nullable = true, description = "The receiver's last HTTP status.") Integer lastStatusCode,
        @Schema(required = true, nullable = true) String lastError,
        @Schema(required = true, nullable = true, description = "When the next try is due, while pending.")
        Instant nextAttemptAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, nullable = true) Instant deliveredAt) implements Cacheable {

    static DeliveryView from(Delivery delivery) {
        return new DeliveryView(delivery.id(), delivery.event(), delivery.status().name(), delivery.attempts(),
                delivery.lastStatusCode(), delivery.lastError(),
                delivery.status() == Delivery.Status.pending ? delivery.nextAttemptAt() : null,
                delivery.createdAt(), delivery.deliveredAt());
    }

    @JsonIgnore
    @Override
    public EntityTag etag() {
        return HttpCaching.etagOf(List.of(id.toString(), status, String.valueOf(attempts)));
    }

    @JsonIgnore
    @Override
    public Instant lastModified() {
        return deliveredAt != null ? deliveredAt : createdAt;
    }

}
