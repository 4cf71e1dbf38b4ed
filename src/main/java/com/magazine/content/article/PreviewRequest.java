package com.magazine.content.article;

import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a new preview token shows, and for how long. */
@Schema(description = "What a preview shows and for how long; both may be left out.")
public record PreviewRequest(
        @Min(60) @Schema(nullable = true, minimum = "60", description = "Seconds it lasts: one hour when left out, at "
                + "most a week (configurable).", example = "86400") Long expiresInSeconds,
        @Min(1) @Schema(nullable = true, minimum = "1", description = "A revision to show; the latest draft, as it "
                + "changes, when left out.", example = "3") Integer revision) {
}
