package com.magazine.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a page's <head> tells search engines, always complete: overrides where given, else the article's own. */
@Schema(name = "Seo", description = "What the page's <head> tells search engines: the overrides where given, else "
        + "the article's title, excerpt and URL.")
public record SeoView(
        @Schema(required = true, nullable = true) String title,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true) String canonicalUrl,
        @Schema(required = true, description = "Keep out of search engines (and out of our sitemaps).")
        boolean noindex) {
}
