package com.magazine.content.article;

import com.magazine.content.asset.ResponsiveImage;

import com.magazine.content.common.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * The body's markup: sanitising what is written, and deriving its plain text, word count and HTML. The allow-list
 * keeps links (http, https, mailto), emphasis, strong, code and line breaks; a script, an event handler attribute or
 * a javascript: URL never survives.
 */
final class Markup {

    private static final Safelist INLINE = new Safelist()
            .addTags("a", "em", "strong", "i", "b", "code", "br", "sub", "sup")
            .addAttributes("a", "href", "title")
            .addProtocols("a", "href", "http", "https", "mailto");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings()
            .prettyPrint(false)
            .escapeMode(Entities.EscapeMode.base)
            .charset("UTF-8");

    private static final int WORDS_PER_MINUTE = 230;

    private Markup() {
    }

    /** Inline markup reduced to the allow-list. */
    static String clean(String html) {
        String text = Text.clean(html);
        return text == null ? "" : Jsoup.clean(text, "", INLINE, OUTPUT).strip();
    }

    /** The text of inline markup, tags removed and entities decoded. */
    static String text(String html) {
        return Jsoup.parseBodyFragment(html).text();
    }

    /** Every block with its text sanitised. */
    static List<Block> sanitise(List<Block> body) {
        return body.stream().map(Markup::sanitise).toList();
    }

    private static Block sanitise(Block block) {
        if (block instanceof Block.Paragraph p) {
            return new Block.Paragraph(p.type(), clean(p.text()));
        }
        if (block instanceof Block.Heading h) {
            return new Block.Heading(h.type(), h.level(), clean(h.text()));
        }
        if (block instanceof Block.ListBlock l) {
            return new Block.ListBlock(l.type(), l.ordered(), l.items().stream().map(Markup::clean).toList());
        }
        if (block instanceof Block.Image i) {
            return new Block.Image(i.type(), i.assetId(), Text.plainLine(i.alt()), Text.plain(i.caption()), i.layout(),
                    null);
        }
        Block.Quote q = (Block.Quote) block;
        return new Block.Quote(q.type(), q.quotationId(), null);
    }

    /** The body's words as plain text, one block a line: what search reads. */
    static String plainText(List<Block> body, Map<UUID, QuotationEmbed> quotations) {
        List<String> lines = new ArrayList<>();
        for (Block block : body) {
            if (block instanceof Block.Paragraph p) {
                lines.add(text(p.text()));
            } else if (block instanceof Block.Heading h) {
                lines.add(text(h.text()));
            } else if (block instanceof Block.ListBlock l) {
                l.items().forEach(item -> lines.add(text(item)));
            } else if (block instanceof Block.Quote q && quotations.containsKey(q.quotationId())) {
                lines.add(quotations.get(q.quotationId()).text());
            } else if (block instanceof Block.Image i && i.caption() != null) {
                lines.add(i.caption());
            }
        }
        return String.join("\n", lines);
    }

    static int wordCount(String plainText) {
        String trimmed = plainText.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    static int readingMinutes(int words) {
        return words == 0 ? 0 : Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE));
    }

    /**
     * The body as safe HTML, for feeds and partners; quote blocks as blockquote with their attribution, image blocks
     * as responsive figures whose URLs start with {@code mediaBase} (this API's public URL: HTML goes elsewhere).
     */
    static String html(List<Block> body, String mediaBase) {
        StringBuilder html = new StringBuilder();
        for (Block block : body) {
            if (block instanceof Block.Paragraph p) {
                html.append("<p>").append(p.text()).append("</p>\n");
            } else if (block instanceof Block.Heading h) {
                html.append("<h").append(h.level()).append('>').append(h.text())
                        .append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Block.ListBlock l) {
                String tag = l.ordered() ? "ol" : "ul";
                html.append('<').append(tag).append('>');
                l.items().forEach(item -> html.append("<li>").append(item).append("</li>"));
                html.append("</").append(tag).append(">\n");
            } else if (block instanceof Block.Quote q && q.quotation() != null) {
                html.append(blockquote(q.quotation()));
            } else if (block instanceof Block.Image i && i.image() != null) {
                html.append(figure(i.image(), i.layout(), mediaBase));
            }
        }
        return html.toString();
    }

    /**
     * The notice of the corrections that stand, to end the body's HTML: {@code <aside class="corrections">} with one
     * paragraph each, oldest first: its type, its date (UTC) and its text, escaped. Withdrawn ones are left out (they
     * stay, marked, in the article's JSON and its revisions); no standing correction, no notice.
     */
    static String correctionsNotice(List<Correction> corrections) {
        StringBuilder html = new StringBuilder();
        for (Correction correction : corrections) {
            if (correction.withdrawn()) {
                continue;
            }
            html.append("<p class=\"correction correction-").append(correction.type().name()).append("\"><strong>")
                    .append(correction.type().label()).append("</strong> <time datetime=\"")
                    .append(correction.at()).append("\">")
                    .append(correction.at().atOffset(java.time.ZoneOffset.UTC).toLocalDate()).append("</time>: ")
                    .append(Entities.escape(correction.text(), OUTPUT).replaceAll("\\R", "<br>")).append("</p>");
        }
        return html.isEmpty() ? "" : "<aside class=\"corrections\">" + html + "</aside>\n";
    }

    /** The {@code sizes} attribute of an image block's layout: how wide the frontend shows it. */
    static String sizes(Block.Layout layout) {
        return switch (layout) {
            case inline -> "(min-width: 760px) 720px, 100vw";
            case wide -> "(min-width: 1240px) 1200px, 100vw";
            case full -> "100vw";
        };
    }

    private static String figure(ResponsiveImage image, Block.Layout layout, String base) {
        StringBuilder html = new StringBuilder("<figure class=\"image-").append(layout.name()).append("\">");
        if (image.webpSrcset() != null) {
            html.append("<picture><source type=\"image/webp\" srcset=\"")
                    .append(attribute(absolute(image.webpSrcset(), base))).append("\" sizes=\"")
                    .append(sizes(layout)).append("\">");
        }
        html.append("<img src=\"").append(attribute(base + image.src())).append("\" srcset=\"")
                .append(attribute(absolute(image.srcset(), base))).append("\" sizes=\"").append(sizes(layout))
                .append("\" alt=\"").append(attribute(image.alt() == null ? "" : image.alt()))
                .append("\" width=\"").append(image.width()).append("\" height=\"").append(image.height())
                .append("\" loading=\"lazy\" decoding=\"async\">");
        if (image.webpSrcset() != null) {
            html.append("</picture>");
        }
        String caption = image.caption();
        if (caption != null || image.credit() != null) {
            html.append("<figcaption>");
            if (caption != null) {
                html.append(Entities.escape(caption, OUTPUT));
            }
            if (image.credit() != null) {
                html.append(caption == null ? "" : " ").append("<small>").append(Entities.escape(image.credit(), OUTPUT))
                        .append("</small>");
            }
            html.append("</figcaption>");
        }
        return html.append("</figure>\n").toString();
    }

    /** A srcset with each of its paths prefixed by {@code base}. */
    private static String absolute(String srcset, String base) {
        return java.util.Arrays.stream(srcset.split(", ")).map(candidate -> base + candidate)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String attribute(String value) {
        return Entities.escape(value, OUTPUT).replace("\"", "&quot;");
    }

    private static String blockquote(QuotationEmbed quotation) {
        StringBuilder html = new StringBuilder("<blockquote");
        if (quotation.url() != null) {
            html.append(" cite=\"").append(Entities.escape(quotation.url(), OUTPUT)).append('"');
        }
        html.append('>');
        for (String paragraph : quotation.text().split("\\n\\s*\\n")) {
            html.append("<p>").append(Entities.escape(paragraph.strip(), OUTPUT)).append("</p>");
        }
        html.append("<footer><cite>").append(Entities.escape(quotation.attribution(), OUTPUT))
                .append("</cite></footer></blockquote>\n");
        return html.toString();
    }
}
