package com.magazine.content.common.http;

/**
 * Where a request carries a draft preview token: a header, or a query parameter for links sent to people. A request
 * with one is credentialed like one with a key: never answered from or kept in a cache, and answered
 * {@code private, no-store}.
 */
public final class PreviewTokens {

    /** The header a frontend sends the token in. */
    public static final String HEADER = "Preview-Token";
    /** The query parameter a shared link carries the token in. */
    public static final String QUERY = "preview";

    private PreviewTokens() {
    }

    /** Whether a request carries a token, by its header and query parameters. */
    public static boolean carried(String header, String query) {
        return header != null || query != null;
    }
}
