package com.magazine.content.quotation;

import com.magazine.content.common.text.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who said or wrote the words. */
@Schema(description = "Who said or wrote the words.")
public record Speaker(
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Mara Quist") String name,
        @Size(max = 300) @Schema(nullable = true, description = "A title or office.", example = "Historian of naval trade")
        String description,
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.RULE)
        @Schema(nullable = true, description = "When the speaker is one of our authors: the author's slug.", example = "helen-varga")
        String author) {
}
