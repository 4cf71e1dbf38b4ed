package com.magazine.content.quotation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quotation as written: the body of a create and a full update, and what a merge patch applies to. */
@Schema(description = "A quotation as written. Text is plain: markup is removed.")
public record QuotationInput(
        @NotBlank @Size(max = 10000)
        @Schema(required = true, description = "The words, plain text; a blank line separates paragraphs.")
        String text,
        @NotNull @Valid @Schema(required = true) Speaker speaker,
        @Valid @Schema(description = "The work the words come from.") Work source,
        @Valid @Schema(description = "The piece through which the words are known, when someone is quoted in "
                + "another's work.") Work via,
        @Pattern(regexp = "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$", message = "must be a language tag such as en or pt-BR")
        @Schema(description = "BCP 47 language tag; en when left out.", example = "en") String language,
        @Size(max = 2000) @Schema(description = "An editor's note, plain text.") String note) {

    public String language() {
        return language == null ? "en" : language;
    }
}
