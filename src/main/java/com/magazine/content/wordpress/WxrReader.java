package com.magazine.content.wordpress;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR 1.0, 1.1 or 1.2) as a stream of {@link WxrItem}s, one {@code <item>} at a time, so
 * that memory does not grow with the file. A document type declaration is refused outright (so no entity is ever
 * expanded or fetched); anything unreadable throws a {@link WxrException} saying what is wrong and where.
 *
 * <p>To resume an interrupted import, remember {@link #itemsRead()} after each item done and start again with
 * {@code new WxrReader(in, itemsRead)}: the site, authors and terms are read again, the items already done are
 * passed over without being built.
 *
 * <p>Closing the reader closes the stream.
 */
public final class WxrReader implements Iterator<WxrItem>, AutoCloseable {

    private static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2");
    private static final String WP = "http://wordpress.org/export/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String UNSET_DATE = "0000-00-00 00:00:00";

    /** Fields read as numbers: empty is 0, anything else that is not a whole number is an error. */
    private static final Set<String> NUMBERS = Set.of("wp:post_id", "wp:post_parent", "wp:menu_order",
            "wp:author_id", "wp:term_id", "wp:comment_id", "wp:comment_parent", "wp:comment_user_id",
            "wp:is_sticky");
    private static final Set<String> DATES = Set.of("wp:post_date", "wp:post_date_gmt", "wp:post_modified",
            "wp:post_modified_gmt", "wp:comment_date", "wp:comment_date_gmt");
    /** Fields kept exactly as exported; the others are stripped of surrounding white space. */
    private static final Set<String> VERBATIM = Set.of("content:encoded", "excerpt:encoded", "wp:comment_content",
            "wp:meta_value", "wp:term_description", "wp:category_description", "wp:tag_description");

    private enum State { START, CHANNEL, DONE }

    private final WatchedInput input;
    private final long skipItems;
    private final ArrayDeque<WxrItem> pending = new ArrayDeque<>(2);
    private XMLStreamReader xml;
    private State state = State.START;
    private WxrException failure;
    private long itemsRead;
    private boolean rootSeen;
    private String where = "the document";

    private String siteTitle = "";
    private String siteLink = "";
    private String baseSiteUrl = "";
    private String baseBlogUrl = "";
    private String wxrVersion;
    private boolean siteEmitted;

    /** A reader of the whole file. */
    public WxrReader(InputStream in) {
        this(in, 0);
    }

    /** A reader that passes over the first {@code skipItems} {@code <item>}s without building them. */
    public WxrReader(InputStream in, long skipItems) {
        if (skipItems < 0) {
            throw new IllegalArgumentException("skipItems must not be negative");
        }
        this.input = new WatchedInput(in);
        this.skipItems = skipItems;
    }

    /**
     * How many {@code <item>}s the reader has gone past, the skipped ones included: after {@link #next()} returned a
     * post, the number to skip to resume after it.
     */
    public long itemsRead() {
        return itemsRead;
    }

    @Override
    public boolean hasNext() {
        if (failure != null) {
            throw failure;
        }
        try {
            while (pending.isEmpty() && state != State.DONE) {
                step();
            }
        } catch (XMLStreamException e) {
            failure = translate(e);
            throw failure;
        } catch (WxrException e) {
            failure = e;
            throw e;
        }
        return !pending.isEmpty();
    }

    @Override
    public WxrItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the export has no more items");
        }
        return pending.poll();
    }

    @Override
    public void close() {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException ignored) {
            // the stream is closed below either way
        } finally {
            try {
                input.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void step() throws XMLStreamException {
        if (state == State.START) {
            open();
            state = State.CHANNEL;
            where = "the channel";
            return;
        }
        int event = nextChild();
        if (event == XMLStreamConstants.END_ELEMENT) {
            ensureSite();
            finish();
            return;
        }
        String key = key();
        switch (key) {
            case "title" -> siteTitle = keepFirst(siteTitle, readText(key));
            case "link" -> siteLink = keepFirst(siteLink, readText(key));
            case "wp:wxr_version" -> wxrVersion = readText(key);
            case "wp:base_site_url" -> baseSiteUrl = readText(key);
            case "wp:base_blog_url" -> baseBlogUrl = readText(key);
            case "wp:author" -> {
                ensureSite();
                pending.add(readAuthor());
            }
            case "wp:category", "wp:tag", "wp:term" -> {
                ensureSite();
                WxrItem.Term term = readTerm(key);
                if (term != null) {
                    pending.add(term);
                }
            }
            case "item" -> {
                ensureSite();
                if (itemsRead < skipItems) {
                    skipElement();
                } else {
                    pending.add(readItem());
                }
                itemsRead++;
                where = "the channel, after item " + itemsRead;
            }
            default -> skipElement();
        }
    }

    private static String keepFirst(String kept, String read) {
        return kept.isEmpty() ? read : kept;
    }

    /** Checks the gzip/zip case, then reads up to the channel: the root must be {@code <rss>} holding one. */
    private void open() throws XMLStreamException {
        refuseArchives();
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        xml = factory.createXMLStreamReader(input);
        int event = advance();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new WxrException("the file is not XML: it holds no element", null);
            }
            event = advance();
        }
        rootSeen = true;
        if (!"rss".equals(xml.getLocalName()) || !emptyNamespace()) {
            throw new WxrException("the file is XML but not an RSS feed (its root element is <"
                    + qualifiedName() + ">, a WordPress export's is <rss>)", line());
        }
        where = "the rss element";
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            if ("channel".equals(xml.getLocalName()) && emptyNamespace()) {
                return;
            }
            skipElement();
        }
        throw new WxrException("an RSS document without a <channel>, so not a WordPress export", line());
    }

    private void refuseArchives() {
        int[] head = input.peek(2);
        if (head[0] == 0x1f && head[1] == 0x8b) {
            throw new WxrException("the file is gzip-compressed: unpack it and import the .xml inside", null);
        }
        if (head[0] == 'P' && head[1] == 'K') {
            throw new WxrException("the file is a zip archive: unpack it and import the .xml inside", null);
        }
    }

    /** After the channel: reads to the end of the document, so that a file cut short is noticed. */
    private void finish() throws XMLStreamException {
        where = "the end of the document";
        while (advance() != XMLStreamConstants.END_DOCUMENT) {
            // whatever follows the channel is not ours
        }
        state = State.DONE;
    }

    private void ensureSite() {
        if (siteEmitted) {
            return;
        }
        if (wxrVersion == null) {
            throw new WxrException("an RSS feed but not a WordPress export (no wp:wxr_version)", line());
        }
        if (!VERSIONS.contains(wxrVersion)) {
            throw new WxrException("a WordPress export of version " + wxrVersion
                    + ", which this reader does not know (it reads 1.0, 1.1 and 1.2)", line());
        }
        pending.add(new WxrItem.Site(siteTitle, siteLink, baseSiteUrl, baseBlogUrl, wxrVersion));
        siteEmitted = true;
    }

    private WxrItem.Author readAuthor() throws XMLStreamException {
        String outer = where;
        where = "an author (wp:author)";
        Fields f = readFields();
        where = outer;
        return new WxrItem.Author(f.number("wp:author_id"), f.text("wp:author_login"), f.text("wp:author_email"),
                f.text("wp:author_display_name"), f.text("wp:author_first_name"), f.text("wp:author_last_name"));
    }

    private WxrItem.Term readTerm(String key) throws XMLStreamException {
        String outer = where;
        where = "a term (" + key + ")";
        Fields f = readFields();
        where = outer;
        return switch (key) {
            case "wp:category" -> new WxrItem.Term(f.number("wp:term_id"), WxrItem.Kind.CATEGORY,
                    f.text("wp:category_nicename"), f.text("wp:cat_name"), f.optional("wp:category_parent"),
                    f.optional("wp:category_description"));
            case "wp:tag" -> new WxrItem.Term(f.number("wp:term_id"), WxrItem.Kind.TAG, f.text("wp:tag_slug"),
                    f.text("wp:tag_name"), null, f.optional("wp:tag_description"));
            default -> {
                WxrItem.Kind kind = switch (f.text("wp:term_taxonomy")) {
                    case "category" -> WxrItem.Kind.CATEGORY;
                    case "post_tag" -> WxrItem.Kind.TAG;
                    default -> null;
                };
                yield kind == null ? null : new WxrItem.Term(f.number("wp:term_id"), kind, f.text("wp:term_slug"),
                        f.text("wp:term_name"), kind == WxrItem.Kind.TAG ? null : f.optional("wp:term_parent"),
                        f.optional("wp:term_description"));
            }
        };
    }

    private WxrItem.Post readItem() throws XMLStreamException {
        String outer = where;
        String item = "item " + (itemsRead + 1);
        where = item;
        int itemLine = line();
        Fields f = new Fields();
        List<WxrItem.TermRef> terms = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        List<WxrItem.Comment> comments = new ArrayList<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            String key = key();
            switch (key) {
                case "category" -> {
                    WxrItem.Kind kind = switch (attribute("domain")) {
                        case "category" -> WxrItem.Kind.CATEGORY;
                        case "post_tag", "tag" -> WxrItem.Kind.TAG;
                        default -> null;
                    };
                    String slug = attribute("nicename");
                    String name = readText(key);
                    if (kind != null) {
                        terms.add(new WxrItem.TermRef(kind, slug.isEmpty() ? null : slug, name));
                    }
                }
                case "wp:postmeta" -> {
                    where = "a wp:postmeta of " + item;
                    Fields m = readFields();
                    where = item;
                    if (!m.text("wp:meta_key").isEmpty()) {
                        meta.put(m.text("wp:meta_key"), m.text("wp:meta_value"));
                    }
                }
                case "wp:comment" -> {
                    where = "a comment (wp:comment) of " + item;
                    comments.add(readComment());
                    where = item;
                }
                default -> f.read(key);
            }
        }
        where = outer;
        Instant date = f.date("wp:post_date_gmt");
        if (date == null) {
            date = f.date("wp:post_date");
        }
        String type = f.text("wp:post_type");
        String attachmentUrl = f.optional("wp:attachment_url");
        return new WxrItem.Post(f.required("wp:post_id", item, itemLine), f.text("guid"), f.text("link"),
                f.text("title"), f.text("wp:post_name"), f.text("wp:status"), type, date,
                f.date("wp:post_modified_gmt"), f.text("dc:creator"), f.text("content:encoded"),
                f.text("excerpt:encoded"), f.number("wp:is_sticky") == 1, f.number("wp:post_parent"), attachmentUrl,
                terms, meta, comments);
    }

    private WxrItem.Comment readComment() throws XMLStreamException {
        int commentLine = line();
        Fields f = readFields();
        Instant date = f.date("wp:comment_date_gmt");
        if (date == null) {
            date = f.date("wp:comment_date");
        }
        String type = f.text("wp:comment_type");
        return new WxrItem.Comment(f.required("wp:comment_id", where, commentLine), f.text("wp:comment_author"),
                f.text("wp:comment_author_email"), f.text("wp:comment_author_url"), f.text("wp:comment_author_IP"),
                date, f.text("wp:comment_content"), f.text("wp:comment_approved"), type.isEmpty() ? "comment" : type,
                f.number("wp:comment_parent"), f.number("wp:comment_user_id"));
    }

    /** The children of the current element as fields; nested elements (such as comment meta) are passed over. */
    private Fields readFields() throws XMLStreamException {
        Fields fields = new Fields();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            String key = key();
            if (key.endsWith("meta") && !key.equals("wp:postmeta")) {
                skipElement();
            } else {
                fields.read(key);
            }
        }
        return fields;
    }

    /** The values of one record's fields, converted as they are read so that an error names its line. */
    private final class Fields {
        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, Long> numbers = new HashMap<>();
        private final Map<String, Instant> dates = new HashMap<>();

        void read(String key) throws XMLStreamException {
            int line = line();
            String text = readText(key);
            if (NUMBERS.contains(key)) {
                numbers.put(key, parseNumber(key, text.strip(), line));
            } else if (DATES.contains(key)) {
                dates.put(key, parseDate(key, text.strip(), line));
            } else {
                texts.put(key, VERBATIM.contains(key) ? text : text.strip());
            }
        }

        String text(String key) {
            return texts.getOrDefault(key, "");
        }

        String optional(String key) {
            String text = texts.get(key);
            return text == null || text.isBlank() ? null : text;
        }

        long number(String key) {
            return numbers.getOrDefault(key, 0L);
        }

        long required(String key, String of, int line) {
            Long number = numbers.get(key);
            if (number == null || number == 0) {
                throw new WxrException(of + " has no " + key, line);
            }
            return number;
        }

        Instant date(String key) {
            return dates.get(key);
        }
    }

    private WxrException problem(String what, int line) {
        return new WxrException(where + ": " + what, line);
    }

    private long parseNumber(String key, String text, int line) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw problem(key + " is not a whole number (\"" + shorten(text) + "\")", line);
        }
    }

    private Instant parseDate(String key, String text, int line) {
        if (text.isEmpty() || text.equals(UNSET_DATE)) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw problem(key + " is not a date as yyyy-MM-dd HH:mm:ss (\"" + shorten(text) + "\")", line);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    // ---- the XML cursor

    /** The next event, refusing a document type declaration. */
    private int advance() throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
            throw new WxrException("the file declares a document type (<!DOCTYPE …>), which a WordPress export never "
                    + "does; it is refused so that no entity in it is expanded or fetched", line());
        }
        return event;
    }

    /** Moves to the next child element of the current one, or to its end: START_ELEMENT or END_ELEMENT. */
    private int nextChild() throws XMLStreamException {
        while (true) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new WxrException("the file ends in the middle of " + where, line());
            }
        }
    }

    /** The text of the current element and its descendants; leaves the cursor on its end. */
    private String readText(String key) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        String outer = where;
        where = "<" + key + "> in " + outer;
        while (depth > 0) {
            switch (advance()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                case XMLStreamConstants.END_DOCUMENT -> throw new WxrException(
                        "the file ends in the middle of " + where, line());
                default -> {
                }
            }
        }
        where = outer;
        return text.toString();
    }

    /** Passes over the current element and its descendants without keeping anything. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            switch (advance()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.END_DOCUMENT -> throw new WxrException(
                        "the file ends in the middle of " + where, line());
                default -> {
                }
            }
        }
    }

    /** The current element's name with a fixed prefix for the namespaces WXR uses, whatever the file calls them. */
    private String key() {
        String namespace = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (namespace == null || namespace.isEmpty()) {
            return local;
        }
        if (namespace.startsWith(WP)) {
            return (namespace.endsWith("/excerpt/") ? "excerpt:" : "wp:") + local;
        }
        if (namespace.equals(CONTENT)) {
            return "content:" + local;
        }
        if (namespace.equals(DC)) {
            return "dc:" + local;
        }
        return "{" + namespace + "}" + local;
    }

    private boolean emptyNamespace() {
        return xml.getNamespaceURI() == null || xml.getNamespaceURI().isEmpty();
    }

    private String qualifiedName() {
        String prefix = xml.getPrefix();
        return prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
    }

    private String attribute(String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value.strip();
    }

    private int line() {
        return xml == null ? 1 : xml.getLocation().getLineNumber();
    }

    /** A parser's complaint, said for a person: a file cut short, not XML at all, or broken XML. */
    private WxrException translate(XMLStreamException e) {
        Location location = e.getLocation();
        Integer line = location == null || location.getLineNumber() < 1 ? null : location.getLineNumber();
        int column = location == null ? -1 : location.getColumnNumber();
        String reason = e.getMessage() == null ? "unreadable" : e.getMessage();
        int at = reason.indexOf("Message: ");
        if (at >= 0) {
            reason = reason.substring(at + "Message: ".length());
        }
        if (rootSeen && line != null && input.endsAt(line, column)) {
            return new WxrException("the file ends in the middle of " + where, line, e);
        }
        if (!rootSeen) {
            return new WxrException("the file is not XML: " + reason, line, e);
        }
        return new WxrException("the file is not well-formed XML: " + reason, line, e);
    }

    /**
     * The input, watched: whether it has reached its end, and how many lines and characters of the last line it has
     * given, so that a parse error at the very end can be told to be a file cut short.
     */
    private static final class WatchedInput extends FilterInputStream {
        private boolean ended;
        private long newlines;
        private long lastLineChars;

        WatchedInput(InputStream in) {
            super(new BufferedInputStream(in));
        }

        int[] peek(int count) {
            try {
                in.mark(count);
                int[] head = new int[count];
                for (int i = 0; i < count; i++) {
                    head[i] = in.read();
                }
                in.reset();
                return head;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                ended = true;
            } else {
                see(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = in.read(buffer, offset, length);
            if (count < 0) {
                ended = true;
            }
            for (int i = 0; i < count; i++) {
                see(buffer[offset + i]);
            }
            return count;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n && read() >= 0) {
                skipped++;
            }
            return skipped;
        }

        private void see(int b) {
            if (b == '\n') {
                newlines++;
                lastLineChars = 0;
            } else if ((b & 0xC0) != 0x80) {
                lastLineChars++;
            }
        }

        /** Whether a parse error at this line and column is at the very end of a file read to its end. */
        boolean endsAt(int line, int column) {
            return ended && line >= newlines + 1 && column + 3 >= lastLineChars;
        }
    }
}
