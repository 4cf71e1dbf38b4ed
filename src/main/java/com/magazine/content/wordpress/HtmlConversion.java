package com.magazine.content.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** One run of {@link HtmlBlocks#convert(String)}: walks the parsed HTML in order, writing drafts and notes. */
final class HtmlConversion {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t\f\u00A0]*\n\\s*");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern SHORTCODE_START = Pattern.compile("^\\[([a-zA-Z][\\w-]*)[^\\]]*]");
    private static final Pattern CAPTION = Pattern.compile("\\[(caption|wp_caption)\\b([^\\]]*)](.*?)\\[/\\1]",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPTION_IMAGE = Pattern.compile(
            "^\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)(.*)$", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("caption=\"([^\"]*)\"");
    private static final Pattern CAPTION_ID = Pattern.compile("id=\"attachment_(\\d+)\"");
    private static final Pattern WP_IMAGE_CLASS = Pattern.compile("\\bwp-image-(\\d+)\\b");
    private static final Pattern LEADING_DASHES = Pattern.compile("^[\\s\\-–—―~]+");
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\u00A0\u202F\u2007]+");

    /** Inline elements kept as they are, and those kept as one of them. */
    private static final Set<String> KEPT_INLINE = Set.of("em", "strong", "i", "b", "code");
    private static final Map<String, String> INLINE_AS = Map.of("tt", "code", "kbd", "code", "samp", "code");
    /** Elements whose content is kept as paragraphs of its own: they end the paragraph before and after. */
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "aside", "header", "footer",
            "main", "nav", "address", "center", "details", "summary", "dl", "dt", "dd", "li", "figcaption",
            "fieldset", "legend", "form", "noscript", "hgroup", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
            "search", "menu", "body");
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "blockquote", "figure", "table", "pre", "hr", "br", "img", "iframe", "embed", "object", "video", "audio");
    private static final Set<String> DROPPED = Set.of("script", "style", "template");
    /** What is taken out of a list item or table cell, to follow the list or table. */
    private static final Set<String> DISPLACED = Set.of("img", "figure", "iframe", "embed", "object", "video",
            "audio");
    /** What is taken out of a quotation (plain text), to follow it. */
    private static final String DISPLACED_FROM_QUOTES = String.join(", ", DISPLACED) + ", table, pre";
    private static final Set<String> EMBEDDED_POSTS = Set.of("twitter-tweet", "instagram-media", "tiktok-embed",
            "reddit-embed-bq", "bluesky-embed", "text-post-media");
    /** Hosts WordPress turns a URL alone on a line into an embed for. */
    private static final Set<String> EMBED_HOSTS = Set.of("youtube.com", "youtu.be", "vimeo.com", "twitter.com",
            "x.com", "instagram.com", "facebook.com", "soundcloud.com", "spotify.com", "flickr.com", "flic.kr",
            "tiktok.com", "dailymotion.com", "ted.com", "reddit.com", "tumblr.com", "imgur.com", "giphy.com",
            "mixcloud.com", "kickstarter.com", "scribd.com", "issuu.com", "speakerdeck.com", "slideshare.net",
            "wordpress.tv", "videopress.com", "bsky.app", "threads.net", "pinterest.com", "pocketcasts.com",
            "cloudup.com", "smugmug.com", "reverbnation.com", "screencast.com", "animoto.com", "crowdsignal.com");

    private final String html;
    private final boolean blockEditor;
    private final List<HtmlBlocks.Draft> blocks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final InlineHtml paragraph = new InlineHtml();
    private Long blockImageId;
    private String blockEmbedUrl;
    private String pendingCaption;

    HtmlConversion(String html) {
        this.html = html.replace("\r\n", "\n").replace('\r', '\n');
        this.blockEditor = html.contains("<!-- wp:");
    }

    HtmlBlocks.Converted run() {
        Element body = Jsoup.parseBodyFragment(captionsAsFigures(html)).body();
        children(body);
        flush();
        return new HtmlBlocks.Converted(blocks, counted(notes));
    }

    // ---- the walk

    private void children(Element element) {
        for (Node child : new ArrayList<>(element.childNodes())) {
            walk(child);
        }
    }

    private void walk(Node node) {
        if (node instanceof TextNode text) {
            text(text);
        } else if (node instanceof Comment comment) {
            comment(comment.getData().strip());
        } else if (node instanceof Element element) {
            element(element);
        }
    }

    private void element(Element e) {
        String tag = e.normalName();
        if (DROPPED.contains(tag)) {
            note("a <" + tag + "> was dropped");
            return;
        }
        switch (tag) {
            case "br" -> paragraph.br();
            case "img" -> image(e);
            case "a" -> link(e, paragraph, () -> children(e));
            case "p" -> {
                flush();
                children(e);
                flush();
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> heading(e);
            case "ul", "ol" -> list(e);
            case "blockquote" -> blockquote(e);
            case "figure" -> figure(e);
            case "table" -> table(e);
            case "pre" -> pre(e);
            case "hr" -> flush();
            case "iframe", "embed", "object", "video", "audio" -> media(e);
            default -> {
                String kept = KEPT_INLINE.contains(tag) ? tag : INLINE_AS.get(tag);
                if (kept != null) {
                    inline(kept, paragraph, () -> children(e));
                } else if (CONTAINERS.contains(tag)) {
                    flush();
                    children(e);
                    flush();
                } else {
                    children(e);
                }
            }
        }
    }

    private static void inline(String tag, InlineHtml into, Runnable content) {
        if (into.isOpen(tag)) {
            content.run();
            return;
        }
        into.open(tag, null);
        content.run();
        into.close();
    }

    private static void link(Element a, InlineHtml into, Runnable content) {
        String href = a.attr("href").strip();
        String scheme = href.toLowerCase(Locale.ROOT).replaceAll("\\s", "");
        if (href.isEmpty() || into.isOpen("a") || scheme.startsWith("javascript:") || scheme.startsWith("data:")
                || scheme.startsWith("vbscript:")) {
            content.run();
            return;
        }
        into.open("a", href);
        content.run();
        into.close();
    }

    /**
     * Text, with WordPress's implicit paragraphs where it would make them (everywhere in classic content, between
     * blocks in block content): a blank line ends a paragraph, a single new line is a line break, and a URL alone
     * on a line is an embed, kept as a link.
     */
    private void text(TextNode node) {
        String text = node.getWholeText();
        boolean autop = !blockEditor || node.parent() != null && node.parent().normalName().equals("body");
        if (!autop) {
            paragraph.text(text);
            return;
        }
        String[] parts = BLANK_LINE.split(text, -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                flush();
            }
            String[] lines = parts[i].split("\n", -1);
            for (int j = 0; j < lines.length; j++) {
                if (j > 0) {
                    paragraph.br();
                }
                String line = lines[j].strip();
                boolean startsLine = j > 0 || i > 0 || boundary(node.previousSibling());
                boolean endsLine = j < lines.length - 1 || i < parts.length - 1 || boundary(node.nextSibling());
                if (startsLine && endsLine && URL.matcher(line).matches()) {
                    flush();
                    embedLink(line, isEmbedHost(line) ? "an embed" : null);
                } else {
                    paragraph.text(lines[j]);
                }
            }
        }
    }

    private static boolean boundary(Node sibling) {
        return sibling == null || sibling instanceof Comment
                || sibling instanceof Element e && (BLOCKS.contains(e.normalName())
                || CONTAINERS.contains(e.normalName()));
    }

    /** A block editor comment: an image's attachment id, an embed's URL, or a block with no HTML to say so of. */
    private void comment(String data) {
        if (data.equals("nextpage") || data.startsWith("more")) {
            flush();
            if (data.equals("nextpage")) {
                note("a page break (<!--nextpage-->) was dropped: the pages follow each other");
            }
            return;
        }
        if (data.startsWith("/wp:")) {
            String name = data.substring(4).strip();
            if (name.equals("image")) {
                blockImageId = null;
            } else if (name.equals("embed") || name.startsWith("core-embed/")) {
                blockEmbedUrl = null;
            }
            return;
        }
        if (!data.startsWith("wp:")) {
            return;
        }
        String rest = data.substring(3);
        boolean selfClosing = rest.endsWith("/");
        rest = selfClosing ? rest.substring(0, rest.length() - 1).strip() : rest;
        int space = rest.indexOf(' ');
        String name = space < 0 ? rest : rest.substring(0, space);
        JsonNode attributes = attributes(space < 0 ? "" : rest.substring(space + 1));
        if (selfClosing) {
            if (name.equals("block")) {
                note("a reusable block (wp:block " + attributes.path("ref").asText("?")
                        + ") is stored apart from the post and was left out");
            } else {
                note("a dynamic block (wp:" + name + ") has no content in the export and was left out");
            }
        } else if (name.equals("image")) {
            blockImageId = attributes.path("id").canConvertToLong() ? attributes.path("id").asLong() : null;
        } else if (name.equals("embed") || name.startsWith("core-embed/")) {
            String url = attributes.path("url").asText("").strip();
            blockEmbedUrl = url.isEmpty() ? null : url;
        }
    }

    private static JsonNode attributes(String json) {
        if (json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    /** Ends the paragraph being written, if it holds text. */
    private void flush() {
        List<String> pieces = paragraph.take(HtmlBlocks.PARAGRAPH_MAX);
        if (pieces.size() > 1) {
            note("a paragraph longer than " + HtmlBlocks.PARAGRAPH_MAX + " characters was split into "
                    + pieces.size());
        }
        for (String piece : pieces) {
            Matcher shortcode = SHORTCODE_START.matcher(piece);
            if (shortcode.find()) {
                note("a shortcode ([" + shortcode.group(1) + "]) was kept as text");
            }
            blocks.add(new HtmlBlocks.Paragraph(piece));
        }
    }

    // ---- blocks

    private void heading(Element e) {
        flush();
        int level = e.normalName().charAt(1) - '0';
        String text = collapse(e.text());
        if (text.isEmpty()) {
            children(e);
            flush();
            return;
        }
        if (text.length() > HtmlBlocks.HEADING_MAX) {
            note("a heading longer than " + HtmlBlocks.HEADING_MAX + " characters was kept as a paragraph");
            children(e);
            flush();
            return;
        }
        int kept = Math.max(2, Math.min(4, level));
        if (kept != level) {
            note("a level-" + level + " heading was made level " + kept
                    + (level == 1 ? " (the title is the only level 1)" : " (our deepest)"));
        }
        blocks.add(new HtmlBlocks.Heading(kept, text));
        for (Element media : e.select("img, iframe, video, audio")) {
            walk(media);
        }
        flush();
    }

    private void list(Element e) {
        flush();
        List<String> items = new ArrayList<>();
        List<Element> displaced = new ArrayList<>();
        boolean nested = collectItems(e, items, displaced);
        if (nested) {
            note("a nested list was flattened into its parent list");
        }
        boolean ordered = e.normalName().equals("ol");
        int lists = 0;
        for (int from = 0; from < items.size(); from += HtmlBlocks.LIST_MAX_ITEMS) {
            blocks.add(new HtmlBlocks.ListItems(ordered,
                    items.subList(from, Math.min(items.size(), from + HtmlBlocks.LIST_MAX_ITEMS))));
            lists++;
        }
        if (lists > 1) {
            note("a list of " + items.size() + " items was split into " + lists + " lists");
        }
        placeAfter(displaced, "a list");
    }

    /** The items of a list, nested lists' items following their parent's; true when there was a nested list. */
    private boolean collectItems(Element list, List<String> items, List<Element> displaced) {
        boolean nested = false;
        for (Node child : list.childNodes()) {
            if (child instanceof Comment || child instanceof TextNode text && text.isBlank()) {
                continue;
            }
            InlineHtml item = new InlineHtml();
            List<Element> sublists = new ArrayList<>();
            if (child instanceof Element li && li.normalName().equals("li")) {
                for (Node node : li.childNodes()) {
                    inlineContent(node, item, sublists, displaced);
                }
            } else {
                inlineContent(child, item, sublists, displaced);
            }
            List<String> pieces = item.take(HtmlBlocks.LIST_ITEM_MAX);
            if (pieces.size() > 1) {
                note("a list item longer than " + HtmlBlocks.LIST_ITEM_MAX + " characters was split into "
                        + pieces.size() + " items");
            }
            items.addAll(pieces);
            for (Element sublist : sublists) {
                collectItems(sublist, items, displaced);
                nested = true;
            }
        }
        return nested;
    }

    /**
     * A node inside a list item or a table cell, as inline markup: blocks within become line breaks, nested lists
     * go to {@code sublists} (or become lines when that is null), images and embeds to {@code displaced}.
     */
    private void inlineContent(Node node, InlineHtml into, List<Element> sublists, List<Element> displaced) {
        if (node instanceof TextNode text) {
            into.text(text.getWholeText());
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String tag = e.normalName();
        Runnable content = () -> e.childNodes().forEach(child -> inlineContent(child, into, sublists, displaced));
        if (DROPPED.contains(tag)) {
            note("a <" + tag + "> was dropped");
        } else if (tag.equals("br")) {
            into.br();
        } else if ((tag.equals("ul") || tag.equals("ol")) && sublists != null) {
            sublists.add(e);
        } else if (DISPLACED.contains(tag)) {
            displaced.add(e);
        } else if (tag.equals("a")) {
            link(e, into, content);
        } else if (KEPT_INLINE.contains(tag) || INLINE_AS.containsKey(tag)) {
            inline(KEPT_INLINE.contains(tag) ? tag : INLINE_AS.get(tag), into, content);
        } else if (BLOCKS.contains(tag) || CONTAINERS.contains(tag)) {
            into.breakLine();
            content.run();
            into.breakLine();
        } else {
            content.run();
        }
    }

    /** Images and embeds taken out of a list, table or quotation, placed after it. */
    private void placeAfter(List<Element> displaced, String what) {
        for (Element element : displaced) {
            note("an image or embed inside " + what + " was placed after it");
            walk(element);
            flush();
        }
    }

    private void blockquote(Element e) {
        flush();
        for (String embedded : e.classNames()) {
            if (EMBEDDED_POSTS.contains(embedded)) {
                note("an embedded post (" + embedded + ") was kept as text");
                children(e);
                flush();
                return;
            }
        }
        Element quote = e.clone();
        String citation = null;
        Element attribution = attribution(quote);
        if (attribution != null) {
            citation = LEADING_DASHES.matcher(collapse(attribution.text())).replaceFirst("").strip();
            citation = citation.isEmpty() ? null : citation;
            attribution.remove();
        }
        List<Element> displaced = outermost(quote.select(DISPLACED_FROM_QUOTES));
        displaced.forEach(Element::remove);
        String text = plainText(quote);
        if (text.length() > HtmlBlocks.QUOTE_MAX) {
            note("a quotation longer than " + HtmlBlocks.QUOTE_MAX + " characters was kept as paragraphs");
            children(quote);
            flush();
            if (citation != null) {
                paragraph.text(citation);
                flush();
            }
        } else if (!text.isEmpty()) {
            blocks.add(new HtmlBlocks.Quote(text, citation));
        } else if (citation != null) {
            paragraph.text(citation);
            flush();
        }
        placeAfter(displaced, "a quotation");
    }

    /** The quotation's {@code <footer>} or {@code <cite>} at its end (a cite mid-text is a title, and stays). */
    private static Element attribution(Element quote) {
        for (Element candidate : quote.select("footer, cite")) {
            if (atEnd(candidate, quote)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean atEnd(Element element, Element root) {
        for (Node node = element; node != null && node != root; node = node.parent()) {
            for (Node next = node.nextSibling(); next != null; next = next.nextSibling()) {
                boolean blank = next instanceof Comment
                        || next instanceof TextNode text && text.isBlank()
                        || next instanceof Element e && e.text().isBlank()
                        && e.select(DISPLACED_FROM_QUOTES).isEmpty();
                if (!blank) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Element> outermost(List<Element> elements) {
        return elements.stream()
                .filter(e -> e.parents().stream().noneMatch(elements::contains))
                .toList();
    }

    private void figure(Element e) {
        flush();
        if (e.hasClass("wp-block-embed") || e.selectFirst(".wp-block-embed__wrapper") != null) {
            embedFigure(e);
            return;
        }
        Element caption = e.children().stream().filter(child -> child.normalName().equals("figcaption"))
                .findFirst().orElse(null);
        boolean oneImage = e.select("img").size() == 1 && e.select("figure").size() == 1;
        if (caption != null && oneImage) {
            String text = collapse(caption.text());
            pendingCaption = text.isEmpty() ? null : text;
        }
        for (Node child : new ArrayList<>(e.childNodes())) {
            if (child != caption) {
                walk(child);
            }
        }
        if (pendingCaption != null) {
            paragraph.text(pendingCaption);
            pendingCaption = null;
        }
        flush();
        if (caption != null && !oneImage) {
            children(caption);
            flush();
        }
    }

    private void embedFigure(Element e) {
        Element wrapper = e.selectFirst(".wp-block-embed__wrapper");
        String wrapped = wrapper == null ? "" : collapse(wrapper.text());
        String url = blockEmbedUrl;
        if (url == null && URL.matcher(wrapped).matches()) {
            url = wrapped;
        }
        Element iframe = e.selectFirst("iframe[src]");
        if (url == null && iframe != null) {
            url = iframe.attr("src").strip();
        }
        if (url != null) {
            embedLink(url, "an embed");
        }
        Element caption = null;
        for (Node child : new ArrayList<>(e.childNodes())) {
            if (child instanceof Element el && el.normalName().equals("figcaption")) {
                caption = el;
            } else if (child != wrapper || !wrapped.equals(url)) {
                walk(child);
            }
        }
        flush();
        if (caption != null) {
            children(caption);
            flush();
        }
    }

    private void image(Element img) {
        flush();
        String src = img.attr("src").strip();
        if (src.isEmpty() || src.startsWith("data:")) {
            for (String lazy : List.of("data-src", "data-lazy-src", "data-original")) {
                if (!img.attr(lazy).isBlank()) {
                    src = img.attr(lazy).strip();
                    break;
                }
            }
        }
        String caption = pendingCaption;
        pendingCaption = null;
        String alt = collapse(img.attr("alt"));
        if (src.isEmpty()) {
            note("an image without a source was left out" + (alt.isEmpty() ? "" : " (\"" + alt + "\")"));
            keepAsParagraph(caption);
            return;
        }
        if (alt.length() > HtmlBlocks.ALT_MAX) {
            note("an image's alt text was cut to " + HtmlBlocks.ALT_MAX + " characters");
            alt = alt.substring(0, HtmlBlocks.ALT_MAX);
        }
        if (caption != null && caption.length() > HtmlBlocks.CAPTION_MAX) {
            note("a caption longer than " + HtmlBlocks.CAPTION_MAX + " characters was kept as a paragraph");
            blocks.add(new HtmlBlocks.Image(src, alt.isEmpty() ? null : alt, null, attachmentId(img)));
            keepAsParagraph(caption);
            return;
        }
        blocks.add(new HtmlBlocks.Image(src, alt.isEmpty() ? null : alt, caption, attachmentId(img)));
    }

    private void keepAsParagraph(String text) {
        if (text != null) {
            paragraph.text(text);
            flush();
        }
    }

    private Long attachmentId(Element img) {
        if (blockImageId != null) {
            return blockImageId;
        }
        Matcher wpImage = WP_IMAGE_CLASS.matcher(img.className());
        if (wpImage.find()) {
            return Long.parseLong(wpImage.group(1));
        }
        Element captioned = img.closest("figure[data-wxr-attachment]");
        if (captioned != null) {
            return Long.parseLong(captioned.attr("data-wxr-attachment"));
        }
        String dataId = img.attr("data-id").strip();
        return dataId.matches("\\d{1,18}") ? Long.valueOf(dataId) : null;
    }

    private void table(Element e) {
        flush();
        int before = blocks.size();
        List<Element> displaced = new ArrayList<>();
        for (Element child : e.children()) {
            if (child.normalName().equals("caption")) {
                children(child);
                flush();
            }
        }
        for (Element row : e.select("tr")) {
            if (row.closest("table") != e) {
                continue;
            }
            InlineHtml line = new InlineHtml();
            boolean first = true;
            for (Element cell : row.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                if (!first) {
                    line.text(" | ");
                }
                first = false;
                for (Node node : cell.childNodes()) {
                    inlineContent(node, line, null, displaced);
                }
            }
            line.take(HtmlBlocks.PARAGRAPH_MAX).forEach(html -> blocks.add(new HtmlBlocks.Paragraph(html)));
        }
        int kept = blocks.size() - before;
        note("a table was kept as " + kept + (kept == 1 ? " paragraph" : " paragraphs"));
        placeAfter(displaced, "a table");
    }

    private void pre(Element e) {
        flush();
        String text = e.wholeText().replace("\t", "    ").replaceAll("^\n+", "").stripTrailing();
        if (text.isBlank()) {
            return;
        }
        InlineHtml code = new InlineHtml();
        code.open("code", null);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                code.br();
            }
            code.verbatim(lines[i]);
        }
        code.close();
        code.take(HtmlBlocks.PARAGRAPH_MAX).forEach(html -> blocks.add(new HtmlBlocks.Paragraph(html)));
        note("a preformatted block was kept as a paragraph in <code>");
    }

    private void media(Element e) {
        flush();
        String tag = e.normalName();
        String url = (tag.equals("object") ? e.attr("data") : e.attr("src")).strip();
        if (url.isEmpty()) {
            Element source = e.selectFirst("source[src]");
            url = source == null ? "" : source.attr("src").strip();
        }
        String kind = switch (tag) {
            case "video" -> "a video";
            case "audio" -> "an audio clip";
            default -> "an embed";
        };
        if (url.isEmpty()) {
            note(kind + " without a source was left out");
        } else {
            embedLink(url, kind);
        }
        if (!tag.equals("iframe")) {
            for (Node child : new ArrayList<>(e.childNodes())) {
                if (!(child instanceof Element el && Set.of("source", "track", "param").contains(el.normalName()))) {
                    walk(child);
                }
            }
            flush();
        }
    }

    /** A paragraph holding a link to {@code url}; noted as {@code kind} kept as a link unless kind is null. */
    private void embedLink(String url, String kind) {
        flush();
        paragraph.open("a", url);
        paragraph.text(url);
        paragraph.close();
        flush();
        if (kind != null) {
            note(kind + " (" + url + ") was kept as a link");
        }
    }

    private static boolean isEmbedHost(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            for (String known : EMBED_HOSTS) {
                if (host.equals(known) || host.endsWith("." + known)) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- text

    /** The plain text of a quotation: a blank line between blocks, a new line for a line break. */
    private String plainText(Element root) {
        StringBuilder text = new StringBuilder();
        appendPlain(root, text);
        String plain = text.toString()
                .replaceAll(" *([\n\u0000]) *", "$1")
                .replaceAll(" {2,}", " ")
                .replaceAll("[\n\u0000]*\u0000[\n\u0000]*", "\n\n");
        return plain.strip();
    }

    private void appendPlain(Node node, StringBuilder text) {
        if (node instanceof TextNode t) {
            text.append(WHITE_SPACE.matcher(t.getWholeText()).replaceAll(" "));
        } else if (node instanceof Element e) {
            String tag = e.normalName();
            if (DROPPED.contains(tag)) {
                note("a <" + tag + "> was dropped");
                return;
            }
            if (tag.equals("br")) {
                text.append('\n');
                return;
            }
            boolean block = BLOCKS.contains(tag) || CONTAINERS.contains(tag);
            if (block) {
                text.append('\u0000');
            }
            for (Node child : e.childNodes()) {
                appendPlain(child, text);
            }
            if (block) {
                text.append('\u0000');
            }
        }
    }

    private static String collapse(String text) {
        return WHITE_SPACE.matcher(text).replaceAll(" ").strip();
    }

    // ---- shortcodes and notes

    /** Classic {@code [caption]} shortcodes as figures with a figcaption, which the walk knows. */
    private String captionsAsFigures(String source) {
        Matcher caption = CAPTION.matcher(source);
        StringBuilder out = new StringBuilder();
        while (caption.find()) {
            String attributes = caption.group(2);
            Matcher image = CAPTION_IMAGE.matcher(caption.group(3));
            String replacement;
            if (image.matches()) {
                String text = image.group(2).strip();
                Matcher attribute = CAPTION_ATTRIBUTE.matcher(attributes);
                if (text.isEmpty() && attribute.find()) {
                    text = attribute.group(1);
                }
                Matcher id = CAPTION_ID.matcher(attributes);
                String idAttribute = id.find() ? " data-wxr-attachment=\"" + id.group(1) + "\"" : "";
                replacement = "<figure" + idAttribute + ">" + image.group(1) + "<figcaption>" + text
                        + "</figcaption></figure>";
            } else {
                note("a [" + caption.group(1) + "] shortcode without an image was kept as text");
                replacement = caption.group(3);
            }
            caption.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        caption.appendTail(out);
        return out.toString();
    }

    private void note(String note) {
        notes.add(note);
    }

    /** Each note once, in the order first made, with how many times when more than once. */
    private static List<String> counted(List<String> notes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        notes.forEach(note -> counts.merge(note, 1, Integer::sum));
        return counts.entrySet().stream()
                .map(entry -> entry.getValue() == 1 ? entry.getKey() : entry.getKey() + " (" + entry.getValue()
                        + " times)")
                .toList();
    }
}
