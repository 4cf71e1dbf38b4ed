package com.magazine.content.wordpress;

import java.util.List;

/**
 * Turns a post's {@code content:encoded} (classic-editor HTML with WordPress's implicit paragraphs, or block-editor
 * HTML with its {@code <!-- wp:… -->} comments) into drafts of our body blocks. Quotations and images become drafts
 * that carry their text and URLs, for the caller to create the quotation and asset they refer to.
 *
 * <p>No sentence is lost: what has no block of ours (tables, embeds, shortcodes, preformatted text, video) is kept
 * in a plain form, and each such change is said in {@link Converted#notes()} for an editor to review. Scripts and
 * styles are the only content dropped (and noted). Broken HTML never throws.
 */
public final class HtmlBlocks {

    /** Our limit on a paragraph's markup. */
    public static final int PARAGRAPH_MAX = 20_000;
    /** Our limit on a list item's markup. */
    public static final int LIST_ITEM_MAX = 5_000;
    /** Our limit on a list's length. */
    public static final int LIST_MAX_ITEMS = 200;
    /** Our limit on a heading. */
    public static final int HEADING_MAX = 500;
    /** A quotation resource's limit on its words. */
    public static final int QUOTE_MAX = 10_000;
    /** Our limit on an image's caption. */
    public static final int CAPTION_MAX = 2_000;
    /** Our limit on an image's alt text. */
    public static final int ALT_MAX = 1_000;

    private HtmlBlocks() {
    }

    /** A block to be: what the HTML said, before quotations and assets exist. */
    public sealed interface Draft {
    }

    /** A paragraph; {@code html} is inline markup limited to a[href], em, strong, i, b, code and br. */
    public record Paragraph(String html) implements Draft {
    }

    /** A heading, level 2 to 4; {@code text} is plain text (escape it where markup is expected). */
    public record Heading(int level, String text) implements Draft {
    }

    /** A list; each item is inline markup as in {@link Paragraph}. */
    public record ListItems(boolean ordered, List<String> itemsHtml) implements Draft {

        public ListItems {
            itemsHtml = List.copyOf(itemsHtml);
        }
    }

    /**
     * A quotation: plain text (a blank line between paragraphs, a new line for a line break) and its attribution from
     * a {@code <cite>} or {@code <footer>}, {@code null} when the HTML gave none (for an editor to supply).
     */
    public record Quote(String text, String citation) implements Draft {
    }

    /**
     * An image to fetch: {@code src} as written in the HTML (it may be a resized copy, or relative to the site);
     * {@code attachmentId} names the WordPress attachment when known (a block's {@code "id"}, a
     * {@code wp-image-123} class or a caption's {@code attachment_123}), whose item has the original's URL.
     *
     * @param alt {@code null} when none
     * @param caption plain text, {@code null} when none
     */
    public record Image(String src, String alt, String caption, Long attachmentId) implements Draft {
    }

    /** The drafts in order, and what an editor should know about how they were made. */
    public record Converted(List<Draft> blocks, List<String> notes) {

        public Converted {
            blocks = List.copyOf(blocks);
            notes = List.copyOf(notes);
        }
    }

    /** Converts one post's HTML; {@code null} or blank gives no blocks. */
    public static Converted convert(String html) {
        if (html == null || html.isBlank()) {
            return new Converted(List.of(), List.of());
        }
        return new HtmlConversion(html).run();
    }
}
