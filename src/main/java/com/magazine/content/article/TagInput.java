package com.magazine.content.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag as editors write it: its name and type (its slug stays, so that links and filters keep working). */
@Schema(description = "A tag's name and type. The slug never changes.")
public record TagInput(
        @NotBlank @Size(max = 100) @Schema(required = true, example = "Foreign Policy") String name,
        @NotNull @Schema(required = true) TagType type) {
}
