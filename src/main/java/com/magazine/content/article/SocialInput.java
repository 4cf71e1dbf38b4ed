package com.magazine.content.article;

import com.magazine.content.asset.ImageUse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a social card (Open Graph, X) shows instead of the article's own; each part optional. */
@Schema(name = "SocialInput", description = "Social card overrides; each left out falls back (see the article's "
        + "`social`).")
public record SocialInput(
        @Size(max = 300) @Schema(nullable = true, description = "The card's title; the search title, then the "
                + "article's, when left out.") String title,
        @Size(max = 1000) @Schema(nullable = true, description = "The card's text; the search description, then the "
                + "excerpt, when left out.") String description,
        @Valid @Schema(nullable = true, description = "The card's image; the lead image when left out.")
        ImageUse image) {
}
