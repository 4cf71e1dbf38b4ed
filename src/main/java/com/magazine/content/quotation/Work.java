package com.magazine.content.quotation;

import com.magazine.content.common.text.WebUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A work words come from, or the piece through which they are known. */
@Schema(description = "A work: a book, an article, a speech…")
public record Work(
        @NotBlank @Size(max = 300) @Schema(required = true, example = "Tides of Policy") String title,
        @Schema(description = "What kind of work; other when left out.") WorkKind kind,
        @Size(max = 200) @Schema(nullable = true, description = "Who wrote or gave it, when not the speaker.", example = "Mara Quist")
        String by,
        @Size(max = 200) @Schema(nullable = true, description = "Publisher or outlet.", example = "Harbor Press") String publisher,
        @WebUrl @Schema(nullable = true, description = "Where it can be read, http(s).") String url,
        @Size(max = 100) @Schema(nullable = true, description = "Where in the work: a page, a chapter, a timestamp.", example = "p. 112")
        String locator,
        @Pattern(regexp = "^\\d{4}(-\\d{2}(-\\d{2})?)?$", message = "must be a year, year-month or date: 2019, 2019-11, "
                + "2019-11-05")
        @Schema(nullable = true, description = "When it appeared: a year, year-month or ISO date.", example = "2019-11-05")
        String date) {

    public WorkKind kind() {
        return kind == null ? WorkKind.other : kind;
    }
}
