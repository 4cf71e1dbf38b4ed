package com.magazine.content.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Reading a WordPress export: what comes out of a real-looking file, and how a bad one is refused. */
class WxrReaderTest {

    // ---- what a WXR 1.2 export gives

    @Test
    void theSiteComesFirstThenAuthorsTermsAndOneItemPerItemElementInFileOrder() {
        List<WxrItem> items = readAll("classic.xml");

        assertThat(items).first().isEqualTo(new WxrItem.Site("The Long Table", "https://longtable.example",
                "https://longtable.example", "https://longtable.example", "1.2"));
        assertThat(items).extracting(item -> item.getClass().getSimpleName()).containsExactly("Site",
                "Author", "Author", "Term", "Term", "Term", "Term", "Term", "Term",
                "Post", "Post", "Post", "Post", "Post", "Post", "Post", "Post");
    }

    @Test
    void authorsCarryTheirLoginThatPostsNameAsCreator() {
        assertThat(ofType(readAll("classic.xml"), WxrItem.Author.class)).containsExactly(
                new WxrItem.Author(2, "ilse", "ilse@longtable.example", "Ilse Brandt", "Ilse", "Brandt"),
                new WxrItem.Author(3, "tomas", "tomas@longtable.example", "Tomás Okafor", "Tomás", "Okafor"));
    }

    @Test
    void categoriesNameTheirParentBySlugAndTermsOfOtherTaxonomiesAreLeftOut() {
        assertThat(ofType(readAll("classic.xml"), WxrItem.Term.class)).containsExactly(
                new WxrItem.Term(3, WxrItem.Kind.CATEGORY, "politics", "Politics", null, null),
                new WxrItem.Term(4, WxrItem.Kind.CATEGORY, "housing", "Housing", "politics",
                        "Who gets to live where, and who decides."),
                new WxrItem.Term(5, WxrItem.Kind.CATEGORY, "culture", "Culture &amp; Ideas", null, null),
                new WxrItem.Term(10, WxrItem.Kind.TAG, "rent-control", "rent control", null, null),
                new WxrItem.Term(11, WxrItem.Kind.TAG, "cities", "cities", null, "Urban life and its discontents."),
                new WxrItem.Term(6, WxrItem.Kind.CATEGORY, "essays", "Essays", "culture", null));
    }

    @Test
    void aPostCarriesItsDatesTermsMetaStickinessAndContentAsExported() {
        WxrItem.Post post = post(readAll("classic.xml"), 101);

        assertThat(post.title()).isEqualTo("Why rent caps keep failing the people they promise to protect");
        assertThat(post.guid()).isEqualTo("https://longtable.example/?p=101");
        assertThat(post.link()).isEqualTo("https://longtable.example/2025/02/why-rent-caps-keep-failing/");
        assertThat(post.postName()).isEqualTo("why-rent-caps-keep-failing");
        assertThat(post.status()).isEqualTo("publish");
        assertThat(post.type()).isEqualTo("post");
        assertThat(post.creator()).isEqualTo("ilse");
        assertThat(post.dateGmt()).isEqualTo(Instant.parse("2025-02-11T07:30:00Z"));
        assertThat(post.modifiedGmt()).isEqualTo(Instant.parse("2025-02-12T09:00:00Z"));
        assertThat(post.sticky()).isTrue();
        assertThat(post.parentId()).isZero();
        assertThat(post.attachmentUrl()).isNull();
        assertThat(post.excerpt()).isEqualTo("Rent caps answer a real grievance with the wrong tool.");
        assertThat(post.contentHtml()).startsWith("Every few years a city discovers rent caps")
                .contains("[caption id=\"attachment_201\"").endsWith("if you disagree.");
        assertThat(post.terms()).as("post formats are not categories or tags").containsExactly(
                new WxrItem.TermRef(WxrItem.Kind.CATEGORY, "housing", "Housing"),
                new WxrItem.TermRef(WxrItem.Kind.TAG, "rent-control", "rent control"),
                new WxrItem.TermRef(WxrItem.Kind.TAG, "cities", "cities"));
        assertThat(post.meta()).containsExactly(
                java.util.Map.entry("_edit_last", "2"), java.util.Map.entry("_thumbnail_id", "201"));
    }

    @Test
    void everyItemIsKeptWhateverItsStatusOrTypeTheCallerFilters() {
        assertThat(ofType(readAll("classic.xml"), WxrItem.Post.class))
                .extracting(WxrItem.Post::id, WxrItem.Post::status, WxrItem.Post::type, WxrItem.Post::sticky)
                .containsExactly(
                        tuple(101L, "publish", "post", true),
                        tuple(102L, "future", "post", false),
                        tuple(103L, "draft", "post", false),
                        tuple(104L, "pending", "post", false),
                        tuple(105L, "private", "post", false),
                        tuple(201L, "inherit", "attachment", false),
                        tuple(301L, "publish", "page", false),
                        tuple(401L, "publish", "nav_menu_item", false));
    }

    @Test
    void anUnsetGmtDateFallsBackToTheLocalDateReadAsUtc() {
        WxrItem.Post draft = post(readAll("classic.xml"), 103);

        assertThat(draft.dateGmt()).isEqualTo(Instant.parse("2025-02-25T14:20:00Z"));
        assertThat(draft.postName()).isEmpty();
    }

    @Test
    void aPostWithoutModifiedDateHasNone() {
        assertThat(post(readAll("classic.xml"), 104).modifiedGmt()).isNull();
    }

    @Test
    void anAttachmentCarriesItsFileUrlAndTheFeaturedImageIsFoundByThumbnailId() {
        List<WxrItem> items = readAll("classic.xml");
        WxrItem.Post post = post(items, 101);
        WxrItem.Post image = post(items, Long.parseLong(post.meta().get("_thumbnail_id")));

        assertThat(image.type()).isEqualTo("attachment");
        assertThat(image.attachmentUrl())
                .isEqualTo("https://longtable.example/wp-content/uploads/2025/02/stairwell.jpg");
        assertThat(image.parentId()).isEqualTo(101);
        assertThat(image.meta()).containsEntry("_wp_attachment_image_alt", "A stairwell in an old apartment block");
    }

    @Test
    void commentsKeepTheirRawApprovalAndThreadByParentEvenWhenTheParentIsMissing() {
        List<WxrItem.Comment> comments = post(readAll("classic.xml"), 101).comments();

        assertThat(comments).extracting(WxrItem.Comment::id, WxrItem.Comment::approved,
                WxrItem.Comment::parentId, WxrItem.Comment::type).containsExactly(
                tuple(501L, "1", 0L, "comment"),
                tuple(502L, "1", 501L, "comment"),
                tuple(503L, "0", 0L, "comment"),
                tuple(504L, "spam", 0L, "comment"),
                tuple(505L, "trash", 999L, "comment"),
                tuple(506L, "1", 0L, "pingback"));
        assertThat(comments.get(1)).isEqualTo(new WxrItem.Comment(502, "Ilse Brandt", "ilse@longtable.example",
                "https://longtable.example", "198.51.100.2", Instant.parse("2025-02-11T12:00:00Z"),
                "Fair point: we could not find figures for Eastvale.\nNorthport's fell by a fifth.", "1", "comment",
                501, 2));
        assertThat(comments.get(4).dateGmt()).as("unset gmt date, local date read as UTC")
                .isEqualTo(Instant.parse("2025-02-13T18:40:00Z"));
        assertThat(comments.get(2).email()).isEmpty();
    }

    // ---- WXR 1.1, written in the block editor

    @Test
    void aWxr11ExportIsReadWithItsOwnNamespaces() {
        List<WxrItem> items = readAll("gutenberg.xml");

        assertThat(items.get(0)).isEqualTo(new WxrItem.Site("Margins Quarterly", "https://margins.example",
                "https://margins.example", "https://margins.example/blog", "1.1"));
        assertThat(items.get(1)).isEqualTo(
                new WxrItem.Author(7, "juno", "juno@margins.example", "Juno Park", "Juno", "Park"));
        WxrItem.Post post = post(items, 55);
        assertThat(post.creator()).isEqualTo("juno");
        assertThat(post.dateGmt()).isEqualTo(Instant.parse("2024-09-13T08:00:00Z"));
        assertThat(post.modifiedGmt()).isNull();
        assertThat(post.excerpt()).isEmpty();
        assertThat(post.contentHtml()).startsWith("<!-- wp:paragraph -->").contains("<!-- wp:shortcode -->");
        assertThat(post.meta()).containsEntry("_thumbnail_id", "88");
    }

    // ---- resuming

    @Test
    void resumingSkipsTheItemsAlreadyDoneButReadsSiteAuthorsAndTermsAgain() {
        List<WxrItem> resumed = new ArrayList<>();
        try (WxrReader reader = new WxrReader(resource("classic.xml"), 5)) {
            reader.forEachRemaining(resumed::add);
            assertThat(reader.itemsRead()).isEqualTo(8);
        }

        assertThat(ofType(resumed, WxrItem.Post.class)).extracting(WxrItem.Post::id).containsExactly(201L, 301L, 401L);
        assertThat(ofType(resumed, WxrItem.Site.class)).hasSize(1);
        assertThat(ofType(resumed, WxrItem.Author.class)).hasSize(2);
        assertThat(ofType(resumed, WxrItem.Term.class)).hasSize(6);
    }

    @Test
    void itemsReadAfterAPostIsWhereToResumeAfterIt() {
        try (WxrReader reader = new WxrReader(resource("classic.xml"))) {
            long resumeAt = -1;
            while (reader.hasNext()) {
                if (reader.next() instanceof WxrItem.Post post && post.id() == 103) {
                    resumeAt = reader.itemsRead();
                }
            }
            assertThat(resumeAt).isEqualTo(3);
            try (WxrReader resumed = new WxrReader(resource("classic.xml"), resumeAt)) {
                assertThat(ofType(drain(resumed), WxrItem.Post.class).get(0).id()).isEqualTo(104);
            }
        }
    }

    @Test
    void skippingMoreItemsThanThereAreLeavesOnlyTheSiteAuthorsAndTerms() {
        try (WxrReader reader = new WxrReader(resource("classic.xml"), 1000)) {
            assertThat(ofType(drain(reader), WxrItem.Post.class)).isEmpty();
            assertThat(reader.itemsRead()).isEqualTo(8);
        }
    }

    // ---- streaming

    @Test
    void aLongExportIsReadOneItemAtATime() {
        int count = 200_000;
        long started = System.nanoTime();
        long posts = 0;
        long lastId = 0;
        try (WxrReader reader = new WxrReader(generatedExport(count))) {
            while (reader.hasNext()) {
                if (reader.next() instanceof WxrItem.Post post) {
                    posts++;
                    lastId = post.id();
                }
            }
            assertThat(reader.itemsRead()).isEqualTo(count);
        }

        assertThat(posts).isEqualTo(count);
        assertThat(lastId).isEqualTo(count);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void skippingIntoALongExportDoesNotBuildTheSkippedItems() {
        try (WxrReader reader = new WxrReader(generatedExport(50_000), 49_999)) {
            List<WxrItem> rest = drain(reader);
            assertThat(ofType(rest, WxrItem.Post.class)).extracting(WxrItem.Post::id).containsExactly(50_000L);
        }
    }

    // ---- refused

    @Test
    void aFileThatIsNotXmlIsRefusedAsSuch() {
        assertThatThrownBy(() -> readAll("not-xml.txt")).isInstanceOf(WxrException.class)
                .hasMessageStartingWith("the file is not XML: ")
                .extracting(e -> ((WxrException) e).line()).isEqualTo(1);
    }

    @Test
    void aPlainRssFeedIsNotAWordPressExport() {
        assertThatThrownBy(() -> readAll("other-feed.xml")).isInstanceOf(WxrException.class)
                .hasMessageStartingWith("an RSS feed but not a WordPress export (no wp:wxr_version)");
    }

    @Test
    void xmlThatIsNotRssIsRefusedNamingItsRoot() {
        assertThatThrownBy(() -> readAll(text("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"/>")))
                .isInstanceOf(WxrException.class)
                .hasMessage("the file is XML but not an RSS feed (its root element is <feed>, a WordPress export's "
                        + "is <rss>) (line 2)");
    }

    @Test
    void aFileCutShortSaysWhereItEnds() {
        assertThatThrownBy(() -> readAll("truncated.xml")).isInstanceOf(WxrException.class)
                .hasMessageStartingWith("the file ends in the middle of <content:encoded> in item 2")
                .satisfies(e -> assertThat(((WxrException) e).line()).isEqualTo(228));
    }

    @Test
    void theItemsBeforeTheCutAreReadAndTheErrorComesWhereTheFileEnds() {
        List<WxrItem> read = new ArrayList<>();
        try (WxrReader reader = new WxrReader(resource("truncated.xml"))) {
            assertThatThrownBy(() -> reader.forEachRemaining(read::add)).isInstanceOf(WxrException.class);
            assertThat(reader.itemsRead()).isEqualTo(1);
        }
        assertThat(ofType(read, WxrItem.Post.class)).extracting(WxrItem.Post::id).containsExactly(101L);
    }

    @Test
    void brokenXmlInTheMiddleIsNotMistakenForACut() {
        String broken = export("<item><title>One</title><wp:post_id>1</wp:post_id></itm>\n") + "\n<!-- padding -->\n";
        assertThatThrownBy(() -> readAll(text(broken))).isInstanceOf(WxrException.class)
                .hasMessageStartingWith("the file is not well-formed XML: ")
                .hasMessageContaining("item");
    }

    @Test
    void entityBombsAreRefusedBeforeAnythingIsExpanded() {
        assertThatThrownBy(() -> readAll("billion-laughs.xml")).isInstanceOf(WxrException.class)
                .hasMessageStartingWith("the file declares a document type (<!DOCTYPE …>)")
                .satisfies(e -> assertThat(((WxrException) e).line()).isNotNull());
    }

    @Test
    void externalEntitiesAreNeverFetched() {
        assertThatThrownBy(() -> readAll("xxe.xml")).isInstanceOf(WxrException.class)
                .hasMessageStartingWith("the file declares a document type")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
    }

    @Test
    void onlyTheKnownWxrVersionsAreRead() {
        assertThatThrownBy(() -> readAll(text(export("").replace("<wp:wxr_version>1.2", "<wp:wxr_version>2.0"))))
                .isInstanceOf(WxrException.class)
                .hasMessageStartingWith("a WordPress export of version 2.0, which this reader does not know");
        assertThat(readAll(text(export("").replace("<wp:wxr_version>1.2", "<wp:wxr_version>1.0"))))
                .containsExactly(new WxrItem.Site("", "", "", "", "1.0"));
    }

    @Test
    void anIdThatIsNotANumberIsAnErrorNamingTheElementAndItsLine() {
        String bad = export("<item>\n<title>One</title>\n<wp:post_id>12a</wp:post_id>\n</item>");
        assertThatThrownBy(() -> readAll(text(bad))).isInstanceOf(WxrException.class)
                .hasMessage("item 1: wp:post_id is not a whole number (\"12a\") (line 9)");
    }

    @Test
    void emptyNumbersWordPressAllowsReadAsZeroButAnItemNeedsItsId() {
        String lenient = export("<item><wp:post_id>9</wp:post_id><wp:post_parent></wp:post_parent>"
                + "<wp:is_sticky/></item>");
        WxrItem.Post post = post(readAll(text(lenient)), 9);
        assertThat(post.parentId()).isZero();
        assertThat(post.sticky()).isFalse();

        assertThatThrownBy(() -> readAll(text(export("<item><title>No id</title></item>"))))
                .isInstanceOf(WxrException.class).hasMessageStartingWith("item 1 has no wp:post_id");
    }

    @Test
    void aDateThatIsNotADateIsAnError() {
        String bad = export("<item><wp:post_id>9</wp:post_id><wp:post_date_gmt>yesterday</wp:post_date_gmt></item>");
        assertThatThrownBy(() -> readAll(text(bad))).isInstanceOf(WxrException.class)
                .hasMessageStartingWith("item 1: wp:post_date_gmt is not a date");
    }

    @Test
    void aCompressedExportIsRecognisedAndExplained() throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(export("").getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(WxrException.class).hasMessageStartingWith("the file is gzip-compressed");
    }

    @Test
    void anEmptyExportGivesTheSiteOnly() {
        assertThat(readAll(text(export("")))).containsExactly(new WxrItem.Site("", "", "", "", "1.2"));
    }

    @Test
    void afterAnErrorTheReaderKeepsSayingIt() {
        try (WxrReader reader = new WxrReader(resource("other-feed.xml"))) {
            assertThatThrownBy(reader::hasNext).isInstanceOf(WxrException.class);
            assertThatThrownBy(reader::next).isInstanceOf(WxrException.class)
                    .hasMessageStartingWith("an RSS feed but not a WordPress export");
        }
    }

    // ---- helpers

    /** A minimal WXR 1.2 document around {@code items}; the items start on line 7. */
    private static String export(String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel>
                <wp:wxr_version>1.2</wp:wxr_version>
                <generator>test</generator>
                """ + items + "\n</channel>\n</rss>\n";
    }

    /** An export of {@code count} small posts, written as it is read: never whole in memory. */
    private static InputStream generatedExport(int count) {
        String head = export("").substring(0, export("").indexOf("\n</channel>"));
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next <= count;
            }

            @Override
            public InputStream nextElement() {
                int n = next++;
                String part;
                if (n == -1) {
                    part = head;
                } else if (n == count) {
                    part = "\n</channel>\n</rss>\n";
                } else {
                    int id = n + 1;
                    part = "\n<item><title>Post number " + id + "</title><wp:post_id>" + id
                            + "</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
                            + "<content:encoded><![CDATA[<p>Paragraph " + id + " of an argument.</p>]]>"
                            + "</content:encoded></item>";
                }
                return new ByteArrayInputStream(part.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }

    private static InputStream resource(String name) {
        InputStream in = WxrReaderTest.class.getResourceAsStream("/wordpress/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no test resource " + name));
        }
        return in;
    }

    private static InputStream text(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<WxrItem> readAll(String name) {
        return readAll(resource(name));
    }

    private static List<WxrItem> readAll(InputStream in) {
        try (WxrReader reader = new WxrReader(in)) {
            return drain(reader);
        }
    }

    private static List<WxrItem> drain(WxrReader reader) {
        List<WxrItem> items = new ArrayList<>();
        reader.forEachRemaining(items::add);
        return items;
    }

    private static <T extends WxrItem> List<T> ofType(List<WxrItem> items, Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static WxrItem.Post post(List<WxrItem> items, long id) {
        return ofType(items, WxrItem.Post.class).stream().filter(post -> post.id() == id).findFirst().orElseThrow();
    }
}
