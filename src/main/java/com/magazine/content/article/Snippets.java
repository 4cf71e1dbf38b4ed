package com.magazine.content.article;

import org.jsoup.nodes.Entities;

/** Search snippets: the database marks matches with control characters; the rest is escaped before they become HTML. */
final class Snippets {

    static final char START = '\u0002';
    static final char STOP = '\u0003';

    private Snippets() {
    }

    /** The snippet as HTML text with {@code <mark>} around each match; {@code null} stays null. */
    static String html(String marked) {
        if (marked == null) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (char c : marked.toCharArray()) {
            if (c == START || c == STOP) {
                html.append(Entities.escape(text.toString())).append(c == START ? "<mark>" : "</mark>");
                text.setLength(0);
            } else {
                text.append(c);
            }
        }
        return html.append(Entities.escape(text.toString())).toString();
    }
}
