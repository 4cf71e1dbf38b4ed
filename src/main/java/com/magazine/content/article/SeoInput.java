package com.magazine.content.article;

import com.magazine.content.common.text.WebUrl;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What search engines are told instead of the article's own title, excerpt and URL; each part optional. */
@Schema(name = "SeoInput", description = "Search overrides; each left out falls back (see the article's `seo`).")
public record SeoInput(
        @Size(max = 300) @Schema(nullable = true, description = "The <title>; the article's title when left out.")
        String title,
        @Size(max = 1000) @Schema(nullable = true, description = "The meta description; the excerpt when left out.")
        String description,
        @WebUrl @Schema(nullable = true, description = "The canonical URL; the article's when left out.")
        String canonicalUrl,
        @Schema(nullable = true, description = "Keep it out of search engines and sitemaps; false when left out.")
        Boolean noindex) {
}
