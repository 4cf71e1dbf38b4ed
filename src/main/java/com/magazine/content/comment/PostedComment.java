package com.magazine.content.comment;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A comment just posted: pending moderation unless its author is trusted.")
public record PostedComment(
        @Schema(required = true) UUID id,
        @Schema(required = true, nullable = true, description = "The comment it replies to; a reply deeper than "
                + "allowed is attached to the deepest ancestor that may take it.") UUID parentId,
        @Schema(required = true) int depth,
        @Schema(required = true) CommentStatus status,
        @Schema(required = true) String authorName,
        @Schema(required = true, nullable = true) String authorUrl,
        @Schema(required = true) String body,
        @Schema(required = true) String bodyHtml,
        @Schema(required = true) Instant createdAt) {
}
