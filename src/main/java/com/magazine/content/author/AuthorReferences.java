package com.magazine.content.author;

import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by each feature whose content belongs to authors, so that an author who still has content cannot be
 * deleted (409), without the author feature knowing the others.
 */
public interface AuthorReferences {

    /** What still belongs to the author, e.g. "3 articles"; empty when nothing does. */
    Optional<String> describe(UUID authorId);
}
