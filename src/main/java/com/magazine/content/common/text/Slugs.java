package com.magazine.content.common.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Human slugs: lowercase ASCII letters and digits joined by single hyphens, e.g. {@code daniel-larison}. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 120;
    public static final String RULE = "must be lowercase ASCII letters and digits separated by single hyphens";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    /** Latin letters that do not decompose into a base letter and a mark. */
    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("ß", "ss"), Map.entry("æ", "ae"), Map.entry("œ", "oe"), Map.entry("ø", "o"),
            Map.entry("đ", "d"), Map.entry("ð", "d"), Map.entry("ł", "l"), Map.entry("þ", "th"),
            Map.entry("ı", "i"), Map.entry("ħ", "h"), Map.entry("&", " and "));

    private Slugs() {
    }

    /**
     * The slug of a text, e.g. "Émile Zola &amp; Co." gives {@code emile-zola-and-co}; empty when nothing in the text
     * maps to ASCII (a name in a non-Latin script), so the caller chooses a fallback.
     */
    public static String of(String text) {
        String folded = fold(text);
        String slug = NOT_SLUG.matcher(folded).replaceAll("-").replaceAll("^-|-$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$|-$", "");
        }
        return slug;
    }

    /** Lowercase, without diacritics: the form used both for slugs and for sorting by name. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder mapped = new StringBuilder(lower.length());
        lower.codePoints().forEach(cp -> {
            String letter = new String(Character.toChars(cp));
            mapped.append(LETTERS.getOrDefault(letter, letter));
        });
        return MARKS.matcher(Normalizer.normalize(mapped, Normalizer.Form.NFKD)).replaceAll("");
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && slug.matches(PATTERN);
    }
}
