package com.magazine.content.article;

import com.magazine.content.common.text.Slugs;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Someone credited beside the byline, as written: one of our authors (by slug) or a name. */
@Schema(description = "A credit beside the byline: a role and either one of the magazine's authors or a free name.")
public record ContributorInput(
        @NotNull @Schema(required = true) ContributorRole role,
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.RULE)
        @Schema(nullable = true, description = "One of our authors, by slug.", example = "tomas-reyes-halloran")
        String author,
        @Size(max = 200) @Schema(nullable = true, description = "Anyone else, by name (when `author` is not given).",
                example = "Ines Marlow") String name) {

    /** How a credit is stored: the author's id, or the free name. */
    record Stored(ContributorRole role, UUID authorId, String name) {
    }
}
