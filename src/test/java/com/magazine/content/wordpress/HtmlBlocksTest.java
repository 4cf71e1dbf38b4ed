package com.magazine.content.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.magazine.content.wordpress.HtmlBlocks.Converted;
import com.magazine.content.wordpress.HtmlBlocks.Draft;
import com.magazine.content.wordpress.HtmlBlocks.Heading;
import com.magazine.content.wordpress.HtmlBlocks.Image;
import com.magazine.content.wordpress.HtmlBlocks.ListItems;
import com.magazine.content.wordpress.HtmlBlocks.Paragraph;
import com.magazine.content.wordpress.HtmlBlocks.Quote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** How a post's HTML becomes drafts of our body blocks, and what the editor is told about it. */
class HtmlBlocksTest {

    // ---- the fixtures, whole

    @Test
    void classicContentGetsWordPressParagraphsQuoteCaptionedImageTableAndEmbed() {
        Converted converted = HtmlBlocks.convert(content("classic.xml", 101));

        assertThat(converted.blocks()).containsExactly(
                new Paragraph("Every few years a city discovers rent caps, and every few years the same argument "
                        + "plays out in the same order."),
                new Paragraph("It begins with a <strong>real</strong> grievance. Tenants who have lived in a flat for "
                        + "a decade<br>are told the rent will rise by a third, and nobody can explain why."),
                new Quote("We did not ask for charity. We asked to be able to stay.",
                        "a tenant organiser in Lisbon, speaking to the council"),
                new Image("https://longtable.example/wp-content/uploads/2025/02/stairwell-1024x683.jpg",
                        "A stairwell in an old apartment block",
                        "The stairwell of a block where every lease now ends in the same month.", 201L),
                new Paragraph("The numbers are less dramatic than either side claims:"),
                new Paragraph("City | Cap | Change in supply"),
                new Paragraph("Northport | 3% | −4%"),
                new Paragraph("Eastvale | none | +1%"),
                new Paragraph("The council's own hearing is worth watching in full:"),
                new Paragraph("<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">"
                        + "https://www.youtube.com/watch?v=dQw4w9WgXcQ</a>"),
                new Paragraph("What follows is an <em>argument</em>, not a verdict. "
                        + "<a href=\"https://longtable.example/about/\">Write to us</a> if you disagree."));
        assertThat(converted.notes()).containsExactly(
                "a table was kept as 3 paragraphs",
                "an embed (https://www.youtube.com/watch?v=dQw4w9WgXcQ) was kept as a link");
    }

    @Test
    void blockEditorContentIsReadBlockByBlock() {
        Converted converted = HtmlBlocks.convert(content("gutenberg.xml", 55));

        assertThat(converted.blocks()).containsExactly(
                new Paragraph("When the bridge opened, everyone agreed the ferry would be gone within a year. Twelve "
                        + "years on, it still crosses <strong>eight times a day</strong>."),
                new Heading(3, "Who still rides it"),
                new Paragraph("Mostly people the bridge was never built for: cyclists, pensioners, and a school class "
                        + "on Thursdays."),
                new ListItems(true, List.of("It is cheaper than the toll.",
                        "It lands in the <a href=\"https://margins.example/old-town\">old town</a>, not on the ring "
                                + "road.",
                        "Its crew knows every passenger by name.")),
                new Quote("A bridge moves cars. A ferry moves a town.", "Ferry captain Ines Moreau"),
                new Image("https://margins.example/wp-content/uploads/2024/09/ferry-deck-1024x768.jpg",
                        "Passengers on the open deck of a small ferry", "The 7.40 crossing, in light rain.", 88L),
                new Paragraph("<a href=\"https://vimeo.com/76979871\">https://vimeo.com/76979871</a>"),
                new Paragraph("A crossing filmed by a passenger."),
                new Paragraph("Year | Passengers"),
                new Paragraph("2012 | 410,000"),
                new Paragraph("2023 | 265,000"),
                new Paragraph("Passengers a year, from the operator."),
                new Paragraph("[gallery ids=\"89,90\" columns=\"2\"]"),
                new Paragraph("The ferry will not save the town. It may remind it what a crossing is for."));
        assertThat(converted.notes()).containsExactly(
                "an embed (https://vimeo.com/76979871) was kept as a link",
                "a table was kept as 3 paragraphs",
                "a shortcode ([gallery]) was kept as text");
    }

    // ---- paragraphs and inline markup

    @Test
    void aBlankLineSeparatesParagraphsAndASingleNewLineIsALineBreak() {
        assertThat(HtmlBlocks.convert("One line\nand the next.\n\n\nA new paragraph.").blocks()).containsExactly(
                new Paragraph("One line<br>and the next."), new Paragraph("A new paragraph."));
    }

    @Test
    void inBlockEditorParagraphsANewLineIsOnlyWhiteSpace() {
        assertThat(HtmlBlocks.convert("<!-- wp:paragraph -->\n<p>Written\nacross lines.</p>\n<!-- /wp:paragraph -->")
                .blocks()).containsExactly(new Paragraph("Written across lines."));
    }

    @Test
    void onlyTheKeptInlineMarkupSurvivesOtherTagsLeaveTheirText() {
        Converted converted = HtmlBlocks.convert("<p><span class=\"x\">A</span> <u>plain</u> <kbd>Esc</kbd>, "
                + "<a href=\"javascript:alert(1)\">no script</a>, <a href=\"https://example.org\" "
                + "onclick=\"x()\" target=\"_blank\">a link</a> and <i>i</i><b>b</b><strong>s</strong><em>e</em>"
                + "<code>c</code>.</p>");

        assertThat(converted.blocks()).containsExactly(new Paragraph("A plain <code>Esc</code>, no script, "
                + "<a href=\"https://example.org\">a link</a> and <i>i</i><b>b</b><strong>s</strong><em>e</em>"
                + "<code>c</code>."));
    }

    @Test
    void emptyParagraphsAreDropped() {
        assertThat(HtmlBlocks.convert("<p>&nbsp;</p><p> </p><p><br></p><p><em> </em></p>Kept.").blocks())
                .containsExactly(new Paragraph("Kept."));
        assertThat(HtmlBlocks.convert("   ").blocks()).isEmpty();
        assertThat(HtmlBlocks.convert(null).blocks()).isEmpty();
    }

    @Test
    void aParagraphBreakInsideEmphasisClosesAndReopensIt() {
        assertThat(HtmlBlocks.convert("<em>First thought.\n\nSecond thought.</em>").blocks()).containsExactly(
                new Paragraph("<em>First thought.</em>"), new Paragraph("<em>Second thought.</em>"));
    }

    @Test
    void anOverlongParagraphIsSplitAtSentenceEndsWithinTheLimit() {
        String sentence = "The committee met again and agreed on nothing at all. ";
        String text = sentence.repeat(1000).strip();

        Converted converted = HtmlBlocks.convert("<p><strong>" + text + "</strong></p>");

        List<String> pieces = converted.blocks().stream().map(block -> ((Paragraph) block).html()).toList();
        assertThat(pieces).hasSizeGreaterThan(2).allSatisfy(html -> {
            assertThat(html.length()).isLessThanOrEqualTo(HtmlBlocks.PARAGRAPH_MAX);
            assertThat(html).startsWith("<strong>The committee").endsWith("at all.</strong>");
        });
        assertThat(String.join(" ", pieces.stream().map(html -> Jsoup.parse(html).text()).toList()))
                .isEqualTo(text);
        assertThat(converted.notes()).containsExactly(
                "a paragraph longer than 20000 characters was split into " + pieces.size());
    }

    @Test
    void aParagraphWithoutSpacesIsStillCutToTheLimit() {
        List<Draft> blocks = HtmlBlocks.convert("x".repeat(45_000)).blocks();
        assertThat(blocks).hasSize(3).allSatisfy(block ->
                assertThat(((Paragraph) block).html().length()).isLessThanOrEqualTo(HtmlBlocks.PARAGRAPH_MAX));
    }

    // ---- headings

    @Test
    void headingsOneFiveAndSixAreBroughtIntoOurRangeAndSaidSo() {
        Converted converted = HtmlBlocks.convert("<h1>Top</h1><h2>Two</h2><h4>Four</h4><h5>Five</h5><h6>Six</h6>");

        assertThat(converted.blocks()).containsExactly(new Heading(2, "Top"), new Heading(2, "Two"),
                new Heading(4, "Four"), new Heading(4, "Five"), new Heading(4, "Six"));
        assertThat(converted.notes()).containsExactly(
                "a level-1 heading was made level 2 (the title is the only level 1)",
                "a level-5 heading was made level 4 (our deepest)",
                "a level-6 heading was made level 4 (our deepest)");
    }

    @Test
    void anOverlongHeadingBecomesAParagraph() {
        String words = "A heading that goes on and on. ".repeat(20).strip();
        Converted converted = HtmlBlocks.convert("<h2>" + words + "</h2>");

        assertThat(converted.blocks()).containsExactly(new Paragraph(words));
        assertThat(converted.notes()).containsExactly("a heading longer than 500 characters was kept as a paragraph");
    }

    // ---- lists

    @Test
    void nestedListsAreFlattenedInOrder() {
        Converted converted = HtmlBlocks.convert("<ol><li>One<ul><li>one a</li><li>one b</li></ul></li>"
                + "<li><p>Two.</p><p>Still two.</p></li></ol>");

        assertThat(converted.blocks()).containsExactly(
                new ListItems(true, List.of("One", "one a", "one b", "Two.<br>Still two.")));
        assertThat(converted.notes()).containsExactly("a nested list was flattened into its parent list");
    }

    @Test
    void aListLongerThanOursIsSplitAndAnOverlongItemToo() {
        String items = "<li>point</li>".repeat(450);
        Converted converted = HtmlBlocks.convert("<ul>" + items + "<li>" + "Word ".repeat(1500) + "</li></ul>");

        assertThat(converted.blocks()).extracting(block -> ((ListItems) block).itemsHtml().size())
                .containsExactly(200, 200, 52);
        assertThat(converted.blocks()).flatExtracting(block -> ((ListItems) block).itemsHtml())
                .allSatisfy(item -> assertThat(item.length()).isLessThanOrEqualTo(HtmlBlocks.LIST_ITEM_MAX));
        assertThat(converted.notes()).containsExactly(
                "a list item longer than 5000 characters was split into 2 items",
                "a list of 452 items was split into 3 lists");
    }

    @Test
    void anImageInAListItemFollowsTheList() {
        Converted converted = HtmlBlocks.convert("<ul><li><img src=\"/a.png\" alt=\"A\"> Beside it.</li></ul>");

        assertThat(converted.blocks()).containsExactly(new ListItems(false, List.of("Beside it.")),
                new Image("/a.png", "A", null, null));
        assertThat(converted.notes()).containsExactly("an image or embed inside a list was placed after it");
    }

    // ---- quotations

    @Test
    void aQuotationTakesItsAttributionFromCiteOrFooterWithoutTheDash() {
        assertThat(HtmlBlocks.convert("<blockquote><p>Words.</p><footer>&mdash; Someone</footer></blockquote>"
                + "<blockquote>More words.<br>On two lines. <cite>-- Another</cite></blockquote>").blocks())
                .containsExactly(new Quote("Words.", "Someone"), new Quote("More words.\nOn two lines.", "Another"));
    }

    @Test
    void aQuotationWithoutAttributionHasNoneAndACiteMidTextIsATitle() {
        assertThat(HtmlBlocks.convert("<blockquote><p>As <cite>The Ledger</cite> said, no.</p><p>Second.</p>"
                + "</blockquote>").blocks())
                .containsExactly(new Quote("As The Ledger said, no.\n\nSecond.", null));
    }

    @Test
    void aPullquoteIsAQuotation() {
        assertThat(HtmlBlocks.convert("<!-- wp:pullquote -->\n<figure class=\"wp-block-pullquote\"><blockquote>"
                + "<p>Cities are argued into being.</p><cite>An urbanist</cite></blockquote></figure>\n"
                + "<!-- /wp:pullquote -->").blocks())
                .containsExactly(new Quote("Cities are argued into being.", "An urbanist"));
    }

    @Test
    void anEmbeddedTweetIsKeptAsText() {
        Converted converted = HtmlBlocks.convert("<blockquote class=\"twitter-tweet\"><p>Late again.</p>"
                + "&mdash; Harbour Watch</blockquote><script async src=\"https://platform.twitter.com/widgets.js\">"
                + "</script>");

        assertThat(converted.blocks()).containsExactly(new Paragraph("Late again."),
                new Paragraph("— Harbour Watch"));
        assertThat(converted.notes()).containsExactly("an embedded post (twitter-tweet) was kept as text",
                "a <script> was dropped");
    }

    // ---- images

    @Test
    void imagesComeFromFiguresLinksCaptionsAndLazyLoading() {
        Converted converted = HtmlBlocks.convert("""
                <p>Before <a href="/big.jpg"><img class="alignleft wp-image-12" src="/small.jpg" alt="Small"></a> after.</p>
                [caption id="attachment_34" width="300" caption="From the attribute"]<img src="/c.jpg" alt="" />[/caption]
                <figure><img src="/f.jpg" data-id="56"><figcaption>A <em>figure</em> caption</figcaption></figure>
                <img src="data:image/gif;base64,R0lGOD" data-lazy-src="/lazy.jpg" alt="Lazy">
                <img alt="Nowhere">""");

        assertThat(converted.blocks()).containsExactly(
                new Paragraph("Before"),
                new Image("/small.jpg", "Small", null, 12L),
                new Paragraph("after."),
                new Image("/c.jpg", null, "From the attribute", 34L),
                new Image("/f.jpg", null, "A figure caption", 56L),
                new Image("/lazy.jpg", "Lazy", null, null));
        assertThat(converted.notes()).containsExactly("an image without a source was left out (\"Nowhere\")");
    }

    @Test
    void aGalleryKeepsEachImageWithItsCaptionAndTheGalleryCaptionAsAParagraph() {
        assertThat(HtmlBlocks.convert("""
                <!-- wp:gallery -->
                <figure class="wp-block-gallery"><!-- wp:image {"id":1} -->
                <figure class="wp-block-image"><img src="/1.jpg" alt="One"/><figcaption>First</figcaption></figure>
                <!-- /wp:image --><!-- wp:image {"id":2} -->
                <figure class="wp-block-image"><img src="/2.jpg" alt="Two"/></figure>
                <!-- /wp:image --><figcaption class="blocks-gallery-caption">Both harbours</figcaption></figure>
                <!-- /wp:gallery -->""").blocks()).containsExactly(
                new Image("/1.jpg", "One", "First", 1L), new Image("/2.jpg", "Two", null, 2L),
                new Paragraph("Both harbours"));
    }

    // ---- what has no block of ours

    @Test
    void embedsVideoAndAudioBecomeLinksAndTheirFallbackTextStays() {
        Converted converted = HtmlBlocks.convert("<iframe src=\"https://maps.example/m\"></iframe>"
                + "<video><source src=\"/v.mp4\">Your browser cannot play this.</video><audio src=\"/a.mp3\"></audio>");

        assertThat(converted.blocks()).containsExactly(
                new Paragraph("<a href=\"https://maps.example/m\">https://maps.example/m</a>"),
                new Paragraph("<a href=\"/v.mp4\">/v.mp4</a>"),
                new Paragraph("Your browser cannot play this."),
                new Paragraph("<a href=\"/a.mp3\">/a.mp3</a>"));
        assertThat(converted.notes()).containsExactly("an embed (https://maps.example/m) was kept as a link",
                "a video (/v.mp4) was kept as a link", "an audio clip (/a.mp3) was kept as a link");
    }

    @Test
    void aUrlAloneOnALineIsALinkButOnlyAKnownProviderIsNotedAsAnEmbed() {
        Converted converted = HtmlBlocks.convert("Watch:\nhttps://youtu.be/abc\nor read https://example.org/x\n\n"
                + "https://example.org/alone");

        assertThat(converted.blocks()).containsExactly(new Paragraph("Watch:"),
                new Paragraph("<a href=\"https://youtu.be/abc\">https://youtu.be/abc</a>"),
                new Paragraph("or read https://example.org/x"),
                new Paragraph("<a href=\"https://example.org/alone\">https://example.org/alone</a>"));
        assertThat(converted.notes()).containsExactly("an embed (https://youtu.be/abc) was kept as a link");
    }

    @Test
    void preformattedTextIsCodeWithLineBreaks() {
        Converted converted = HtmlBlocks.convert("<pre>if (late) {\n  wait();\n}</pre>");

        assertThat(converted.blocks()).containsExactly(
                new Paragraph("<code>if (late) {<br>  wait();<br>}</code>"));
        assertThat(converted.notes()).containsExactly("a preformatted block was kept as a paragraph in <code>");
    }

    @Test
    void scriptsAndStylesAreDroppedAndSaidSo() {
        Converted converted = HtmlBlocks.convert("<style>p{}</style><p>Text.</p><script>alert(1)</script>"
                + "<script>track()</script>");

        assertThat(converted.blocks()).containsExactly(new Paragraph("Text."));
        assertThat(converted.notes()).containsExactly("a <style> was dropped", "a <script> was dropped (2 times)");
    }

    @Test
    void shortcodesStayAsTextAndBlockEditorBlocksWithoutHtmlAreNoted() {
        Converted converted = HtmlBlocks.convert("<!-- wp:shortcode -->\n[contact-form-7 id=\"9\"]\n"
                + "<!-- /wp:shortcode -->\n\n<!-- wp:latest-posts {\"postsToShow\":3} /-->\n\n"
                + "<!-- wp:block {\"ref\":412} /-->");

        assertThat(converted.blocks()).containsExactly(new Paragraph("[contact-form-7 id=\"9\"]"));
        assertThat(converted.notes()).containsExactly("a shortcode ([contact-form-7]) was kept as text",
                "a dynamic block (wp:latest-posts) has no content in the export and was left out",
                "a reusable block (wp:block 412) is stored apart from the post and was left out");
    }

    @Test
    void brokenHtmlNeverThrows() {
        for (String broken : List.of("<p>unclosed <em>emphasis", "</div></div>text</p>", "<table><tr><td>",
                "<ul><li>a<li>b</ul></ol>", "<blockquote><cite>", "<<<>>>&&&;", "<figure><figcaption>only",
                "[caption]no image[/caption]", "<!-- wp:image {not json} -->", "<a href=\"\"><img></a>")) {
            assertThatCode(() -> HtmlBlocks.convert(broken)).as(broken).doesNotThrowAnyException();
        }
    }

    // ---- no sentence is lost

    static Stream<String> fixtures() throws IOException {
        List<String> contents = new ArrayList<>();
        for (String export : List.of("classic.xml", "gutenberg.xml")) {
            try (WxrReader reader = new WxrReader(resource(export))) {
                reader.forEachRemaining(item -> {
                    if (item instanceof WxrItem.Post post) {
                        contents.add(post.contentHtml());
                    }
                });
            }
        }
        try (InputStream messy = resource("html/messy.html")) {
            contents.add(new String(messy.readAllBytes(), StandardCharsets.UTF_8));
        }
        return contents.stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyVisibleWordOfTheHtmlIsInTheDraftsInOrder(String html) {
        List<String> expected = words(visibleText(html));
        List<String> kept = words(draftText(HtmlBlocks.convert(html).blocks()));

        int at = 0;
        for (String word : expected) {
            int found = kept.subList(at, kept.size()).indexOf(word);
            assertThat(found).as("\"%s\" (word %d of the HTML) among the drafts' words after %d", word,
                    expected.indexOf(word), at).isNotNegative();
            at += found + 1;
        }
    }

    @Test
    void theMessyFixtureSaysWhatItChanged() throws IOException {
        String html;
        try (InputStream messy = resource("html/messy.html")) {
            html = new String(messy.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(HtmlBlocks.convert(html).notes()).containsExactly(
                "a <script> was dropped",
                "a <style> was dropped",
                "a nested list was flattened into its parent list",
                "an image or embed inside a list was placed after it",
                "a level-6 heading was made level 4 (our deepest)",
                "a preformatted block was kept as a paragraph in <code>",
                "an embed (https://maps.example/embed?q=harbour) was kept as a link",
                "a video (https://cdn.example/clip.mp4) was kept as a link",
                "an embedded post (twitter-tweet) was kept as text",
                "a table was kept as 1 paragraph",
                "a shortcode ([audio]) was kept as text",
                "a page break (<!--nextpage-->) was dropped: the pages follow each other");
    }

    // ---- helpers

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern CAPTION_TAGS = Pattern.compile("\\[/?caption[^\\]]*]");

    /** What a reader of the page sees: the text without scripts and styles, and without the caption shortcode's tags. */
    private static String visibleText(String html) {
        Element body = Jsoup.parseBodyFragment(CAPTION_TAGS.matcher(html).replaceAll(" ")).body();
        body.select("script, style").remove();
        return body.text();
    }

    private static String draftText(List<Draft> drafts) {
        StringBuilder text = new StringBuilder();
        for (Draft draft : drafts) {
            if (draft instanceof Paragraph p) {
                text.append(Jsoup.parseBodyFragment(p.html()).text());
            } else if (draft instanceof Heading h) {
                text.append(h.text());
            } else if (draft instanceof ListItems l) {
                l.itemsHtml().forEach(item -> text.append(Jsoup.parseBodyFragment(item).text()).append(' '));
            } else if (draft instanceof Quote q) {
                text.append(q.text()).append(' ').append(q.citation() == null ? "" : q.citation());
            } else if (draft instanceof Image i && i.caption() != null) {
                text.append(i.caption());
            }
            text.append(' ');
        }
        return text.toString();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static String content(String export, long postId) {
        try (WxrReader reader = new WxrReader(resource(export))) {
            while (reader.hasNext()) {
                if (reader.next() instanceof WxrItem.Post post && post.id() == postId) {
                    return post.contentHtml();
                }
            }
        }
        throw new AssertionError("no post " + postId + " in " + export);
    }

    private static InputStream resource(String name) {
        return HtmlBlocksTest.class.getResourceAsStream("/wordpress/" + name);
    }
}
