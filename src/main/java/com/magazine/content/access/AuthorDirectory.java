package com.magazine.content.access;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What access needs to know of authors to bind a key to one, provided by the author feature: access sits below
 * every content feature and knows none of them.
 */
public interface AuthorDirectory {

    /** The id of the author with this slug. */
    Optional<UUID> idOf(String slug);

    /** The slugs of these authors, by id; unknown ids are left out. */
    Map<UUID, String> slugsOf(Collection<UUID> ids);
}
