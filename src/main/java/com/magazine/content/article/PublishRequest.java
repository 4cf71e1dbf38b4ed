package com.magazine.content.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "When to publish: now when `at` is left out or past, else scheduled for `at`.")
public record PublishRequest(
        @Schema(nullable = true, description = "A future instant schedules the article; it becomes public then by "
                + "itself. A past one backdates it.", example = "2026-12-01T07:00:00Z") Instant at) {
}
