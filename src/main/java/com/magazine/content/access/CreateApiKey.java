package com.magazine.content.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A key to create.")
public record CreateApiKey(
        @NotBlank @Size(max = 100)
        @Schema(required = true, description = "What or who the key is for.", example = "Mobile app (iOS)")
        String name,
        @NotNull @Schema(required = true) Role role,
        @Size(max = 120)
        @Schema(description = "Required for the author role, refused for the others: the slug of the author.",
                example = "helen-varga")
        String author) {
}
