package com.magazine.content.common.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Clean-up of plain text written through the API. */
public final class Text {

    /** C0/C1 control characters other than tab and line breaks, and the Unicode non-characters. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|[\\x{FFFE}\\x{FFFF}]");

    private Text() {
    }

    /**
     * Removes control characters, normalises to NFC and trims; {@code null} and blank give {@code null}, so an
     * optional field is either absent or holds text. Emoji, right-to-left text and combining marks are kept.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = Normalizer.normalize(CONTROL.matcher(text).replaceAll(""), Normalizer.Form.NFC).strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /**
     * As {@link #clean(String)}, with any markup taken out (tags removed, entities decoded), keeping line breaks: for
     * plain-text fields that must never carry HTML.
     */
    public static String plain(String text) {
        String cleaned = clean(text);
        if (cleaned == null || cleaned.indexOf('<') < 0 && cleaned.indexOf('&') < 0) {
            return cleaned;
        }
        return clean(org.jsoup.Jsoup.parseBodyFragment(cleaned).body().wholeText());
    }

    /** As {@link #plain(String)}, and line breaks and runs of spaces become single spaces: for names and titles. */
    public static String plainLine(String text) {
        String plain = plain(text);
        return plain == null ? null : plain.replaceAll("\\s+", " ");
    }

    /** As {@link #clean(String)}, and line breaks and runs of spaces become single spaces: for names and titles. */
    public static String line(String text) {
        String cleaned = clean(text);
        return cleaned == null ? null : cleaned.replaceAll("\\s+", " ");
    }
}
