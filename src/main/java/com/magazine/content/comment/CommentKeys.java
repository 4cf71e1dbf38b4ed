package com.magazine.content.comment;

import com.magazine.content.article.ArticleKeys;
import com.magazine.content.common.http.SurrogateKey;
import java.util.Set;
import java.util.UUID;

/**
 * The surrogate keys of comments, for reads and changes alike.
 *
 * <ul>
 * <li>{@code comments:<articleId>}: the public thread of one article, empty or not. Purged by every moderation that
 * changes what the public sees of it (approving, or removing an approved comment).
 * <li>Such a moderation also changes the article's comment count, which its page and its list items show: it purges
 * {@code article:<articleId>} too, and nothing else (no list, no sitemap).
 * </ul>
 */
public final class CommentKeys {

    private CommentKeys() {
    }

    public static SurrogateKey thread(UUID articleId) {
        return SurrogateKey.of("comments", articleId);
    }

    static Set<SurrogateKey> changed(UUID articleId, boolean publicChange) {
        return publicChange ? Set.of(thread(articleId), ArticleKeys.article(articleId)) : Set.of();
    }
}
