package com.magazine.content.article;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quotation as an article's quote block shows it: the words, who said them, where, and a ready citation. */
@Schema(description = "A quotation embedded in a quote block.")
public record QuotationEmbed(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "The words quoted, plain text; blank lines separate paragraphs.")
        String text,
        @Schema(required = true, description = "A standard citation, e.g. \"Mara Quist, Tides of Policy, p. 112\".")
        String attribution,
        @Schema(nullable = true, description = "Where the words can be read: for cite=\"\" and a link.") String url,
        @Schema(required = true, example = "en") String language,
        @Schema(required = true, description = "Who said or wrote the words.", example = "Mara Quist") String speaker,
        @Schema(nullable = true, description = "The speaker's title or office.", example = "Historian")
        String speakerDescription,
        @Schema(nullable = true, description = "The work the words come from.", example = "Tides of Policy")
        String sourceTitle,
        @Schema(nullable = true, description = "What kind of work it is: book, article, speech…", example = "book")
        String sourceKind,
        @Schema(nullable = true, description = "Where in the work, e.g. p. 112.", example = "p. 112") String locator) {
}
