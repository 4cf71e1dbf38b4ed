package com.magazine.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Someone credited beside the byline, as an article shows them. */
@Schema(description = "A credit beside the byline, in order.")
public record ArticleContributor(
        @Schema(required = true) ContributorRole role,
        @Schema(required = true, example = "Ines Marlow") String name,
        @Schema(nullable = true, description = "The author's slug, when the contributor is one of the magazine's "
                + "authors.", example = "tomas-reyes-halloran") String author,
        @Schema(nullable = true, description = "The author's page on the website, when one of ours.") String url) {
}
