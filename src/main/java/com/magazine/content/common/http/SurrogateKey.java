package com.magazine.content.common.http;

import java.util.UUID;

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

    /** Where the id starts in {@code family:<uuid>}, counted from the end: a UUID's text is 36 characters. */
    private static final int ID_LENGTH = 36;

    /**
     * Checks the form {@code [a-z][a-z-]*(:<lower-case UUID>)?}. Every read builds several keys, so this is written
     * out rather than matched with a regular expression (which showed in the profile of a read).
     */
    public SurrogateKey {
        if (value == null || !wellFormed(value)) {
            throw new IllegalArgumentException("not a surrogate key: " + value);
        }
    }

    private static boolean wellFormed(String value) {
        int colon = value.indexOf(':');
        int familyEnd = colon < 0 ? value.length() : colon;
        if (familyEnd == 0 || value.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < familyEnd; i++) {
            char c = value.charAt(i);
            if ((c < 'a' || c > 'z') && c != '-') {
                return false;
            }
        }
        return colon < 0 || value.length() - colon - 1 == ID_LENGTH && lowerCaseUuid(value, colon + 1);
    }

    /** 8-4-4-4-12 lower-case hex digits from {@code start} to the end. */
    private static boolean lowerCaseUuid(String value, int start) {
        for (int i = 0; i < ID_LENGTH; i++) {
            char c = value.charAt(start + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : (c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
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
