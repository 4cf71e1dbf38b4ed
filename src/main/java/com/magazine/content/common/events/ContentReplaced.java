package com.magazine.content.common.events;

/**
 * Fired, after its commit, when the content was replaced as a whole rather than changed (a restore from an archive):
 * whatever is kept in memory about content, keys or the change log's position forgets it all.
 */
public record ContentReplaced() {
}
