package com.magazine.content.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article named from elsewhere (a quotation's uses, say): enough to link to it. */
@Schema(description = "An article, by reference.")
public record ArticleRef(
        @Schema(required = true, example = "the-long-thaw-that-never-came") String slug,
        @Schema(required = true, nullable = true, example = "The Long Thaw That Never Came") String title,
        @Schema(required = true) ArticleStatus status,
        @Schema(required = true, nullable = true) Instant publishedAt) {
}
