package com.magazine.content.author;

import java.util.UUID;

/**
 * Fired, synchronously and inside the deleting transaction, just before an author is deleted: a feature that names the
 * author where a deletion is allowed (a quotation's speaker) lets go of it in code, and records that change, rather
 * than leaving the database to do it unseen.
 */
public record AuthorRemoved(UUID authorId) {
}
