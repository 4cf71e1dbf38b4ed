package com.magazine.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quotation as an article's quote block shows it: the words, and who said them where. */
@Schema(description = "A quotation embedded in a quote block.")
public record QuotationEmbed(
        @Schema(required = true, description = "The words quoted, plain text.") String text,
        @Schema(required = true, description = "A standard citation, e.g. \"Mara Quist, Tides of Policy, p. 112\".")
        String attribution,
        @Schema(nullable = true, description = "Where the words can be read, for cite=\"\".") String url) {
}
