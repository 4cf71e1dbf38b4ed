package com.magazine.content.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.common.http.Cacheable;
import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook", description = "A webhook as listed: never its secret.")
public record WebhookView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String url,
        @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                implementation = EventNames.class) List<String> events,
        @Schema(required = true) boolean active,
        @Schema(required = true) Instant createdAt,
        @JsonIgnore @Schema(hidden = true) long version) implements Cacheable {

    static WebhookView from(Webhook webhook) {
        return new WebhookView(webhook.id(), webhook.url(), webhook.events(), webhook.active(), webhook.createdAt(),
                webhook.version());
    }

    @JsonIgnore
    @Override
    public EntityTag etag() {
        return HttpCaching.etag(id, version);
    }

    @JsonIgnore
    @Override
    public Instant lastModified() {
        return createdAt;
    }

}
