package com.magazine.content.comment;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moderating many comments at once. */
@Schema(description = "One decision for many comments.")
public record Moderation(
        @NotNull @Schema(required = true) Action action,
        @NotEmpty @Size(max = 100) @Schema(required = true, description = "Up to 100 comment ids.")
        List<@NotNull UUID> ids) {

    @Schema(name = "ModerationAction")
    public enum Action {
        approve(CommentStatus.approved), reject(CommentStatus.rejected), spam(CommentStatus.spam), delete(null);

        private final CommentStatus status;

        Action(CommentStatus status) {
            this.status = status;
        }

        /** The status a comment takes; {@code null} for delete. */
        CommentStatus status() {
            return status;
        }
    }

    /** What became of one comment. */
    @Schema(name = "ModerationResult")
    public record Result(
            @Schema(required = true) UUID id,
            @Schema(required = true, description = "done, or why not: not-found, forbidden.") String outcome,
            @Schema(required = true, nullable = true, description = "The status now; null when deleted or not done.")
            CommentStatus status) {
    }

    @Schema(name = "ModerationResults")
    public record Results(@Schema(required = true) List<Result> results) {
    }
}
