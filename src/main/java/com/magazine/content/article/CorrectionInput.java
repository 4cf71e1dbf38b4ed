package com.magazine.content.article;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correction to append: its kind and its text; the server dates it and gives it an id. */
@Schema(name = "CorrectionInput", description = "A correction to append to a published article.")
public record CorrectionInput(
        @NotNull @Schema(required = true, example = "correction") CorrectionType type,
        @Size(max = 2000) @Schema(required = true, description = "What was wrong and what is right, as plain text "
                + "(markup is taken out); 422 when nothing is left.",
                example = "An earlier version of this article misstated the year of the treaty; it was 1953.")
        String text) {
}
