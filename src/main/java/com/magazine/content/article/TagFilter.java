package com.magazine.content.article;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A list's tag filter as clients write it: terms separated by commas, all of which must hold; a term is a tag, several
 * tags separated by {@code |} (any of them), or {@code -} and a tag (not that one). {@code politics,europe|asia,-opinion}
 * is Politics, and Europe or Asia, and not Opinion.
 *
 * @param anyOf per term, the slugs of which the article must have one
 * @param noneOf the slugs the article must not have
 */
record TagFilter(List<List<String>> anyOf, List<String> noneOf) {

    private static final String SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
    private static final String TERM = "(?:-" + SLUG + "|" + SLUG + "(?:\\|" + SLUG + "){0,9})";
    /** The grammar, for validation; the number of terms is capped by {@link #MAX_TERMS}. */
    static final String PATTERN = "^" + TERM + "(?:," + TERM + "){0,9}$";
    static final String RULE = "must be tag slugs: a,b for both, a|b for either, -a for not (up to 10 terms of up to "
            + "10 tags)";
    static final int MAX_TERMS = 10;

    /** No filter. */
    static final Resolved NONE = new Resolved(List.of(), List.of());

    /** Parses a value that matched {@link #PATTERN}. */
    static TagFilter parse(String value) {
        List<List<String>> anyOf = new ArrayList<>();
        List<String> noneOf = new ArrayList<>();
        for (String term : value.split(",")) {
            if (term.startsWith("-")) {
                noneOf.add(term.substring(1));
            } else {
                anyOf.add(List.of(term.split("\\|")));
            }
        }
        return new TagFilter(anyOf, noneOf);
    }

    /** Every slug it names. */
    Set<String> slugs() {
        Set<String> slugs = new LinkedHashSet<>(noneOf);
        anyOf.forEach(slugs::addAll);
        return slugs;
    }

    /**
     * The filter on tag ids: unknown tags match nothing, so a term of unknown tags only makes the list empty (null),
     * and an excluded unknown tag excludes nothing.
     */
    Resolved resolve(Map<String, UUID> ids) {
        List<List<UUID>> terms = new ArrayList<>();
        for (List<String> term : anyOf) {
            List<UUID> known = term.stream().map(ids::get).filter(Objects::nonNull).distinct().toList();
            if (known.isEmpty()) {
                return null;
            }
            terms.add(known);
        }
        return new Resolved(terms, noneOf.stream().map(ids::get).filter(Objects::nonNull).distinct().toList());
    }

    /** The filter on tag ids: for each term, one of its tags; none of {@code noneOf}. */
    record Resolved(List<List<UUID>> anyOf, List<UUID> noneOf) {

        /** A tag every article of the list has, whose index can then walk the list: the first single-tag term's. */
        UUID walkable() {
            return anyOf.stream().filter(term -> term.size() == 1).map(term -> term.get(0)).findFirst().orElse(null);
        }
    }
}
