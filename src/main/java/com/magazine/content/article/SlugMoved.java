package com.magazine.content.article;

/** The slug asked for is an article's old one: the answer is a 301 to the current one. */
class SlugMoved extends RuntimeException {

    private final String oldSlug;
    private final String currentSlug;

    SlugMoved(String oldSlug, String currentSlug) {
        super(null, null, false, false);
        this.oldSlug = oldSlug;
        this.currentSlug = currentSlug;
    }

    String oldSlug() {
        return oldSlug;
    }

    String currentSlug() {
        return currentSlug;
    }
}
