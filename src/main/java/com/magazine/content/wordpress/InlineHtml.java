package com.magazine.content.wordpress;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A paragraph (or list item) being written as inline markup of the kept kinds: text with white space collapsed as a
 * browser would, links, emphasis, strong, code and line breaks. Taking it ends the paragraph; what is open stays
 * open in the next one, so a paragraph break inside an {@code <em>} closes and reopens it. Taken markup longer than
 * a limit is cut into several pieces at a sentence end or a space, each closing and reopening what is open.
 */
final class InlineHtml {

    private static final Pattern EMPTY_ELEMENT = Pattern.compile("<(em|strong|i|b|code)></\\1>|<a href=\"[^\"]*\"></a>");
    private static final Pattern EDGE_BREAKS = Pattern.compile("^(?:<br>)+|(?:<br>)+$");

    private sealed interface Token permits Open, Close, Text, Br {
    }

    private record Open(String tag, String href) implements Token {
        String html() {
            return href == null ? "<" + tag + ">" : "<a href=\"" + escapeAttribute(href) + "\">";
        }
    }

    private record Close(String tag) implements Token {
    }

    private record Text(String text) implements Token {
    }

    private record Br() implements Token {
    }

    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private boolean hasText;
    private boolean lineHasText;
    private boolean pendingSpace;

    /** Opens {@code tag} (one of a, em, strong, i, b, code); {@code href} only for a link. */
    void open(String tag, String href) {
        spaceIfPending();
        Open element = new Open(tag, href);
        tokens.add(element);
        open.push(element);
    }

    void close() {
        if (!open.isEmpty()) {
            tokens.add(new Close(open.pop().tag()));
        }
    }

    boolean isOpen(String tag) {
        return open.stream().anyMatch(element -> element.tag().equals(tag));
    }

    void br() {
        pendingSpace = false;
        lineHasText = false;
        tokens.add(new Br());
    }

    /** A line break unless the line is still empty: for the edges of a block inside inline content. */
    void breakLine() {
        if (lineHasText) {
            br();
        }
    }

    /** Text with runs of white space (no-break spaces included) collapsed to one space. */
    void text(String text) {
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = true;
            } else {
                if (pendingSpace && (lineHasText || kept.length() > 0)) {
                    kept.append(' ');
                }
                pendingSpace = false;
                kept.append(c);
            }
        }
        if (kept.length() > 0) {
            tokens.add(new Text(kept.toString()));
            hasText = true;
            lineHasText = true;
        }
    }

    /** Text as it is, spaces kept (for code). */
    void verbatim(String text) {
        if (text.isEmpty()) {
            return;
        }
        spaceIfPending();
        tokens.add(new Text(text));
        if (!text.isBlank()) {
            hasText = true;
            lineHasText = true;
        }
    }

    boolean hasText() {
        return hasText;
    }

    /** The text so far without markup, a line break as a new line. */
    String plainText() {
        StringBuilder plain = new StringBuilder();
        for (Token token : tokens) {
            if (token instanceof Text t) {
                plain.append(t.text());
            } else if (token instanceof Br) {
                plain.append('\n');
            }
        }
        return plain.toString().strip();
    }

    /**
     * Ends the paragraph: its markup in pieces of at most {@code limit} characters (none when it holds no text).
     * What is open is reopened for the next paragraph.
     */
    List<String> take(int limit) {
        List<String> pieces = hasText ? serialise(trimmed(), limit) : List.of();
        tokens.clear();
        for (Iterator<Open> outerFirst = open.descendingIterator(); outerFirst.hasNext(); ) {
            tokens.add(outerFirst.next());
        }
        hasText = false;
        lineHasText = false;
        pendingSpace = false;
        return pieces;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\u2007';
    }

    private void spaceIfPending() {
        if (pendingSpace && lineHasText) {
            tokens.add(new Text(" "));
        }
        pendingSpace = false;
    }

    /** The tokens without line breaks before the first text or after the last. */
    private List<Token> trimmed() {
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof Text t && !t.text().isBlank()) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        List<Token> kept = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean outside = i < first || i > last;
            if (outside && (token instanceof Br || token instanceof Text)) {
                continue;
            }
            kept.add(token);
        }
        return kept;
    }

    private static List<String> serialise(List<Token> tokens, int limit) {
        List<String> pieces = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        StringBuilder current = new StringBuilder();
        boolean currentHasText = false;
        for (Token token : tokens) {
            if (token instanceof Open o) {
                current.append(o.html());
                stack.push(o);
            } else if (token instanceof Close c) {
                current.append("</").append(c.tag()).append('>');
                stack.poll();
            } else if (token instanceof Br) {
                current.append("<br>");
            } else {
                String rest = ((Text) token).text();
                while (!rest.isEmpty()) {
                    int closing = closingLength(stack);
                    String escaped = escape(rest);
                    if (current.length() + escaped.length() + closing <= limit) {
                        current.append(escaped);
                        currentHasText |= !rest.isBlank();
                        break;
                    }
                    int cut = cutPoint(rest, limit - current.length() - closing);
                    if (cut <= 0 && currentHasText) {
                        finish(current, stack, pieces);
                        current = reopened(stack);
                        currentHasText = false;
                        continue;
                    }
                    if (cut <= 0) {
                        cut = hardCut(rest, Math.max(1, limit - current.length() - closing));
                    }
                    current.append(escape(rest.substring(0, cut).stripTrailing()));
                    finish(current, stack, pieces);
                    current = reopened(stack);
                    currentHasText = false;
                    rest = rest.substring(cut).stripLeading();
                }
            }
        }
        if (currentHasText) {
            finish(current, stack, pieces);
        }
        return pieces;
    }

    private static void finish(StringBuilder current, Deque<Open> stack, List<String> pieces) {
        for (Open o : stack) {
            current.append("</").append(o.tag()).append('>');
        }
        String html = current.toString();
        String cleaned;
        do {
            cleaned = html;
            html = EMPTY_ELEMENT.matcher(html).replaceAll("");
        } while (!html.equals(cleaned));
        html = EDGE_BREAKS.matcher(html).replaceAll("").strip();
        if (!html.isEmpty()) {
            pieces.add(html);
        }
    }

    private static StringBuilder reopened(Deque<Open> stack) {
        StringBuilder html = new StringBuilder();
        for (Iterator<Open> outerFirst = stack.descendingIterator(); outerFirst.hasNext(); ) {
            html.append(outerFirst.next().html());
        }
        return html;
    }

    private static int closingLength(Deque<Open> stack) {
        int length = 0;
        for (Open o : stack) {
            length += o.tag().length() + 3;
        }
        return length;
    }

    /**
     * Where to cut {@code text} so that its escaped start fits {@code budget}: after the last sentence end that
     * fits, else at the last space, else 0 (nothing fits well).
     */
    private static int cutPoint(String text, int budget) {
        int fits = 0;
        int length = 0;
        while (fits < text.length()) {
            length += escapedLength(text.charAt(fits));
            if (length > budget) {
                break;
            }
            fits++;
        }
        int space = -1;
        for (int i = fits; i > 0; i--) {
            if (i < text.length() && isSpace(text.charAt(i))) {
                if (endsSentence(text, i)) {
                    return i;
                }
                if (space < 0) {
                    space = i;
                }
            }
        }
        return Math.max(space, 0);
    }

    /** Whether the text before {@code space} ends a sentence (closing quotes and brackets allowed). */
    private static boolean endsSentence(String text, int space) {
        int i = space - 1;
        while (i >= 0 && "\"'”’»)]".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && ".!?…".indexOf(text.charAt(i)) >= 0;
    }

    private static int hardCut(String text, int budget) {
        int cut = 0;
        int length = 0;
        while (cut < text.length() && length + escapedLength(text.charAt(cut)) <= budget) {
            length += escapedLength(text.charAt(cut));
            cut++;
        }
        if (cut > 0 && cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return Math.max(cut, 1);
    }

    private static int escapedLength(char c) {
        return switch (c) {
            case '&' -> 5;
            case '<', '>' -> 4;
            default -> 1;
        };
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String escapeAttribute(String value) {
        return escape(value).replace("\"", "&quot;");
    }
}
