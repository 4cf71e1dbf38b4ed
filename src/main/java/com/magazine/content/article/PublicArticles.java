package com.magazine.content.article;

/**
 * What "public at an instant" means in SQL, in one place: every query that shows articles to the public (lists,
 * counts, sitemaps, tag counts, related articles, quotations' uses, announcements) builds its condition here, so that
 * none can forget a part of it. {@link ArticleSummary#statusAt} is the same rule in Java, for a single article.
 *
 * <p>listed_at is published_at for published articles (a check constraint keeps published_at set there), and it is in
 * the public lists' index, which also carries unpublish_at: pages are found on the index alone.
 */
final class PublicArticles {

    private PublicArticles() {
    }

    /**
     * The condition that article {@code a} is public at {@code now}: published, its instant reached, not expired.
     *
     * @param a the article's alias in the query
     * @param now the bound parameter (e.g. {@code ?1}) holding the instant
     */
    static String visible(String a, String now) {
        return "(" + a + ".status = 'published' and " + a + ".listed_at <= " + now + " and " + notExpired(a, now) + ")";
    }

    /**
     * The condition that partners read article {@code a} at {@code now}: public and for syndication, or scheduled
     * under embargo (and for syndication). The same rule as {@link ArticleSummary.Rights#partnersSee} in Java.
     */
    static String visibleToPartners(String a, String now) {
        return "(" + a + ".syndicatable and (" + visible(a, now) + " or (" + a + ".embargo and " + scheduled(a, now)
                + ")))";
    }

    /** The condition that article {@code a} has not expired at {@code now} (it may be unpublished or scheduled). */
    static String notExpired(String a, String now) {
        return "(" + a + ".unpublish_at is null or " + a + ".unpublish_at > " + now + ")";
    }

    /** The condition that {@code a} was published and has expired by {@code now}. */
    static String expired(String a, String now) {
        return "(" + a + ".status = 'published' and " + a + ".unpublish_at <= " + now + ")";
    }

    /** The condition that {@code a} is scheduled: published with its instant still ahead of {@code now}. */
    static String scheduled(String a, String now) {
        return "(" + a + ".status = 'published' and " + a + ".listed_at > " + now + ")";
    }
}
