package com.magazine.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A social card (Open Graph, X cards), always complete: overrides where given, else what search and the article say. */
@Schema(name = "Social", description = "What a social card shows (og:title, og:description, og:image, twitter:card): "
        + "the overrides where given, else the search title and description, else the article's; the lead image.")
public record SocialView(
        @Schema(required = true, nullable = true) String title,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true) String url,
        @Schema(required = true, nullable = true, description = "1200 x 630 (smaller when the picture is), absolute; "
                + "null when the article shows no image.") Card image) {

    @Schema(name = "SocialImage", description = "The card's image: og:image with its width, height, type and alt.")
    public record Card(
            @Schema(required = true) String url,
            @Schema(required = true) int width,
            @Schema(required = true) int height,
            @Schema(required = true, example = "image/jpeg") String type,
            @Schema(required = true, nullable = true) String alt) {
    }
}
