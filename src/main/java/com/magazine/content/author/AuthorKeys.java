package com.magazine.content.author;

import com.magazine.content.common.http.SurrogateKey;
import java.util.Set;
import java.util.UUID;

/**
 * The surrogate keys of authors, for reads and changes alike.
 *
 * <ul>
 * <li>{@code author:<id>}: one author as anything shows them: their page, their byline in articles, their name on
 * quotations they spoke, their own article list and feeds (found by their slug). Every change of the author purges it.
 * <li>{@code authors}: which authors exist and in what order: the author list, the sitemaps, and every lookup by a slug
 * that found no one (so that creating that author is seen). Every author change purges it (authors change rarely).
 * </ul>
 */
public final class AuthorKeys {

    public static final SurrogateKey AUTHORS = SurrogateKey.family("authors");

    private AuthorKeys() {
    }

    public static SurrogateKey author(UUID id) {
        return SurrogateKey.of("author", id);
    }

    static Set<SurrogateKey> changed(UUID id) {
        return Set.of(author(id), AUTHORS);
    }
}
