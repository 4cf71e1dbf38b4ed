package com.magazine.content.article;

import com.magazine.content.common.json.FieldSelection;
import java.util.List;

/** Which members of an article a representation sends: all there are, a single read's default, a list item's. */
public final class ArticleFields {

    /** Every member of an article. */
    public static final FieldSelection ALL = FieldSelection.allOf(ArticleView.class);
    /** What a single read sends unless {@code fields} says otherwise. */
    public static final FieldSelection FULL = FieldSelection.of(ALL, List.of("id", "slug", "title", "subtitle",
            "excerpt", "image", "status", "publishedAt", "scheduledAt", "unpublishAt", "createdAt", "updatedAt", "version", "canonicalUrl",
            "commentsOpen", "commentCount", "wordCount", "readingTimeMinutes", "authors", "contributors", "breadcrumb",
            "seo", "social", "section", "syndicatable", "legallySensitive", "embargoUntil", "tags", "body",
            "corrections"));
    /** What a list item sends unless {@code fields} says otherwise: no body. */
    public static final FieldSelection SUMMARY = FieldSelection.of(ALL, List.of("id", "slug", "title", "subtitle",
            "excerpt", "image", "status", "publishedAt", "scheduledAt", "unpublishAt", "updatedAt", "readingTimeMinutes", "commentCount",
            "authors.slug", "authors.name", "section", "tags", "snippet"));

    private ArticleFields() {
    }
}
