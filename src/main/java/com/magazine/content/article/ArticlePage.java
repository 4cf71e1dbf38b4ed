package com.magazine.content.article;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a page of articles, for the OpenAPI document. */
@Schema(name = "ArticlePage", description = "One page of articles, in keyset order.")
record ArticlePage(
        @Schema(required = true, description = """
                The articles of this page. Each is a summary unless `fields` says otherwise: id, slug, title, \
                subtitle, excerpt, status, publishedAt, scheduledAt, updatedAt, readingTimeMinutes, commentCount, \
                authors (slug and name), tags and, in a search, snippet.""") List<ArticleListItem> items,
        @Schema(required = true, nullable = true, description = "Pass as `cursor` for the next page; null on the last.")
        String next,
        @Schema(description = "The size of the whole list; only with `count=true`.") Long total) {
}
