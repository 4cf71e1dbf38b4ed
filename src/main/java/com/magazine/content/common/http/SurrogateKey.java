package com.magazine.content.common.http;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The name of a piece of content that answers depend on: a read carries the keys of everything it shows (in its
 * {@code Surrogate-Key} header), and a change names the keys of everything it touches (in the change log, the change
 * feed and webhook payloads), so that a cache, ours or a CDN's, drops exactly the answers a change made stale.
 *
 * <p>Each feature defines its own keys in one place ({@code ArticleKeys}, {@code AuthorKeys}, …): the same
 * definitions are used when a read declares what it depends on and when a write declares what it purges. A key is
 * either a family ({@code articles}: the membership and order of every list of that family) or a family and an id
 * ({@code article:<id>}: that one resource).
 */
public record SurrogateKey(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z-]*(:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?");

    public SurrogateKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a surrogate key: " + value);
        }
    }

    /** The key of a whole family, e.g. {@code articles}. */
    public static SurrogateKey family(String family) {
        return new SurrogateKey(family);
    }

    /** The key of one resource, e.g. {@code article:<id>}. */
    public static SurrogateKey of(String family, UUID id) {
        return new SurrogateKey(family + ":" + id);
    }

    @Override
    public String toString() {
        return value;
    }
}
