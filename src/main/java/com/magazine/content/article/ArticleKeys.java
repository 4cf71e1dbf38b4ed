package com.magazine.content.article;

import com.magazine.content.common.http.SurrogateKey;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The surrogate keys of articles: what a read that shows articles carries, and what an article change purges. Both
 * sides use these definitions, and nothing else in the code base spells them.
 *
 * <ul>
 * <li>{@code article:<id>}: one article as anything shows it: its page, its item in a list, its comment thread and
 * quotations (which are found by its slug and shown only while it is public), a redirect from an old slug. Every change
 * of the article purges it; so does a comment moderation (its comment count).
 * <li>{@code articles}: which public articles exist and in what order: every list and search, related articles, tags
 * and their counts, feeds, sitemaps, the quotations' lists of uses. Purged by every change the public can see: one to
 * an article that is public before it, or public or scheduled after it (an answer kept when an article is scheduled
 * must not outlive the instant it goes public).
 * <li>{@code tag:<id>}: every article answer showing the tag (its name and type). Purged, with {@code articles}, when
 * editors rename or retype it.
 * </ul>
 */
public final class ArticleKeys {

    /** Which public articles there are, their order, and everything counted or listed from them. */
    public static final SurrogateKey PUBLIC_ARTICLES = SurrogateKey.family("articles");

    private ArticleKeys() {
    }

    /** One article. */
    public static SurrogateKey article(UUID id) {
        return SurrogateKey.of("article", id);
    }

    /** Every answer showing a tag's name and type. */
    public static SurrogateKey tag(UUID id) {
        return SurrogateKey.of("tag", id);
    }

    /** What a change of article {@code id} purges: the article, and the public lists when the public saw it. */
    static Set<SurrogateKey> changed(UUID id, boolean publicBefore, boolean publicAfter) {
        Set<SurrogateKey> keys = new LinkedHashSet<>();
        keys.add(article(id));
        if (publicBefore || publicAfter) {
            keys.add(PUBLIC_ARTICLES);
        }
        return keys;
    }
}
