package com.magazine.content.article;

import com.magazine.content.asset.ResponsiveImage;

import com.magazine.content.author.AuthorLink;
import com.magazine.content.author.AuthorView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as an article embeds it: all an author box and a byline show. */
@Schema(description = "An author of the article, embedded.")
public record ArticleAuthor(
        @Schema(example = "helen-varga") String slug,
        @Schema(example = "Helen Varga") String name,
        @Schema(nullable = true, example = "Senior Editor") String role,
        @Schema(nullable = true) String bio,
        @Schema(nullable = true, example = "Bath, Maine") String location,
        List<AuthorLink> links,
        List<String> publications,
        @Schema(nullable = true) String avatarUrl,
        @Schema(nullable = true, description = "The portrait, ready to render (use its 1x1 crop).")
        ResponsiveImage avatar) {

    static ArticleAuthor from(AuthorView author) {
        return new ArticleAuthor(author.slug(), author.name(), author.role(), author.bio(), author.location(),
                author.links(), author.publications(), author.avatarUrl(), author.avatar());
    }
}
