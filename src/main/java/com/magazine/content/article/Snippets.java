package com.magazine.content.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Search snippets: some thirty words of an article's plain text around the first word that matches the search, with
 * {@code <mark>} around each matching word and everything else HTML-escaped. A word matches when it starts with one of
 * the query's lexemes (English stems are prefixes of the words they come from: "negoti" of "negotiations").
 */
final class Snippets {

    private static final int WORDS = 30;
    private static final int BEFORE = 10;
    /** A positive lexeme of a tsquery's text form, e.g. 'harbor' in 'kw12' & 'harbor' & !'embargo'. */
    private static final Pattern LEXEME = Pattern.compile("(!?)'((?:[^']|'')+)'");

    private Snippets() {
    }

    /** The snippet of {@code text} for the tsquery {@code query} (as PostgreSQL prints it); null without a query. */
    static String of(String text, String query) {
        if (text == null || query == null) {
            return null;
        }
        List<String> lexemes = new ArrayList<>();
        Matcher lexeme = LEXEME.matcher(query);
        while (lexeme.find()) {
            if (lexeme.group(1).isEmpty()) {
                lexemes.add(lexeme.group(2).replace("''", "'").toLowerCase(Locale.ROOT));
            }
        }
        List<String> words = words(text);
        int first = -1;
        for (int i = 0; i < words.size() && first < 0; i++) {
            if (matches(words.get(i), lexemes)) {
                first = i;
            }
        }
        int start = first < 0 ? 0 : Math.max(0, Math.min(first - BEFORE, words.size() - WORDS));
        int end = Math.min(words.size(), start + WORDS);
        StringBuilder html = new StringBuilder();
        for (int i = start; i < end; i++) {
            if (i > start) {
                html.append(' ');
            }
            String escaped = Entities.escape(words.get(i));
            html.append(matches(words.get(i), lexemes) ? "<mark>" + escaped + "</mark>" : escaped);
        }
        return html.toString();
    }

    /** The whitespace-separated words of {@code text} (a hand scan: this runs for every search result). */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (space && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    /** Whether {@code word}, without what precedes its first letter, starts with one of the lexemes. */
    private static boolean matches(String word, List<String> lexemes) {
        int letter = 0;
        while (letter < word.length() && !Character.isLetter(word.codePointAt(letter))) {
            letter += Character.charCount(word.codePointAt(letter));
        }
        if (letter == word.length()) {
            return false;
        }
        String bare = word.substring(letter).toLowerCase(Locale.ROOT);
        for (String lexeme : lexemes) {
            if (!lexeme.isEmpty() && bare.startsWith(lexeme)) {
                return true;
            }
        }
        return false;
    }
}
