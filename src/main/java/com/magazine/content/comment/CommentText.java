package com.magazine.content.comment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Comment bodies are plain text. Rendered as HTML, everything is escaped (markup shows as the characters typed) and
 * only paragraphs and line breaks are made: nothing a reader writes can become a tag.
 */
final class CommentText {

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)");
    /** C0/C1 control characters other than tab and line breaks: removed. Everything else, emoji, RTL and combining
     * marks included, is kept exactly as written. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|[\\x{FFFE}\\x{FFFF}]");

    private CommentText() {
    }

    /** The text without control characters, line endings made \n, trimmed; {@code null} when nothing remains. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    static int links(String text) {
        Matcher matcher = LINK.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** Paragraphs (blank lines) and line breaks as HTML; every character of the text escaped. */
    static String html(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String lines = Entities.escape(paragraph.strip()).replace("\n", "<br>\n");
            html.append("<p>").append(lines).append("</p>\n");
        }
        return html.toString();
    }
}
