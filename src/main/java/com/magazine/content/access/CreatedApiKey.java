package com.magazine.content.access;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new API key with its secret. The secret is shown here once and never again: store it now.")
public record CreatedApiKey(
        @Schema(required = true) ApiKeyView key,
        @Schema(required = true, description = "Send as `Authorization: Bearer <secret>`.",
                example = "cak_Xr4p9TQeV0m3JbYh2kq8LwZc5nA1sUfD7gEoRi6tPyM") String secret) {
}
