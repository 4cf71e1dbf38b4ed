package com.magazine.content.feed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new webhook with its signing secret, shown this once.")
public record CreatedWebhook(
        @Schema(required = true) WebhookView webhook,
        @Schema(required = true, description = "Verify each delivery's webhook-signature with it.") String secret) {
}
