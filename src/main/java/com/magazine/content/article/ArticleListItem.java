package com.magazine.content.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of an article in a list (a summary: no body, the byline by name), for the OpenAPI document; the
 * representation itself is {@link ArticleView} cut down by {@link ArticleService#SUMMARY}. A {@code fields}
 * parameter sends other members instead.
 */
@Schema(name = "ArticleListItem", description = """
        An article in a list: a summary, without the body. With `fields`, the members named instead.""")
record ArticleListItem(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "a-window-on-the-peninsula") String slug,
        @Schema(required = true, nullable = true) String title,
        @Schema(required = true, nullable = true) String subtitle,
        @Schema(required = true, nullable = true) String excerpt,
        @Schema(required = true, nullable = true, description = "The lead image, in renditions up to 640 px wide.")
        com.magazine.content.asset.ResponsiveImage image,
        @Schema(required = true) ArticleStatus status,
        @Schema(required = true, nullable = true) Instant publishedAt,
        @Schema(required = true, nullable = true) Instant scheduledAt,
        @Schema(required = true, nullable = true, description = "When it leaves public view by itself.")
        Instant unpublishAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) int readingTimeMinutes,
        @Schema(required = true) int commentCount,
        @Schema(required = true, description = "The byline, in order.") List<Byline> authors,
        @Schema(required = true, nullable = true, description = "The primary section: one of the tags.") TagRef section,
        @Schema(required = true) List<TagRef> tags,
        @Schema(nullable = true, description = "Only in search results: where the words matched, with <mark> around "
                + "them (the rest is HTML-escaped).") String snippet) {

    @Schema(name = "Byline", description = "An author as a list shows them.")
    record Byline(
            @Schema(required = true, example = "helen-varga") String slug,
            @Schema(required = true, example = "Helen Varga") String name) {
    }
}
