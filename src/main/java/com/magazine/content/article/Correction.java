package com.magazine.content.article;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One correction of an article, as stored on its row and as read. Instants are written as ISO-8601 strings in the
 * column too, so that the column reads the same through Hibernate's JSON mapper and the API's (lists read it as text).
 */
@Schema(name = "Correction", description = """
        A dated, typed note on the article, appended in the open (schema.org CorrectionComment). Never changed or \
        removed: a withdrawn one stays, with when and why it was withdrawn.""")
public record Correction(
        @Schema(description = "Stable id: name it to withdraw the correction.") UUID id,
        CorrectionType type,
        @Schema(description = "What was wrong and what is right, as plain text.",
                example = "An earlier version of this article misstated the year of the treaty; it was 1953.")
        String text,
        @Schema(description = "When it was appended (set by the server); the article's updatedAt moved with it.")
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant at,
        @Schema(nullable = true, description = "When it was withdrawn; null while it stands.")
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant withdrawnAt,
        @Schema(nullable = true, description = "Why it was withdrawn; null while it stands.")
        String withdrawnReason) {

    boolean withdrawn() {
        return withdrawnAt != null;
    }

    Correction withdraw(String reason, Instant now) {
        return new Correction(id, type, text, at, now, reason);
    }
}
