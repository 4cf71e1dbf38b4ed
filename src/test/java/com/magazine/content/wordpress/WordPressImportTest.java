package com.magazine.content.wordpress;

import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.editorKey;
import static com.magazine.content.support.Api.offContractAsAdmin;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.magazine.content.asset.TestImages;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Moving a WordPress site in: its export file (WXR) posted, the import run, and the site read back through the API.
 * The images come from a server on this machine, as from the old site (private targets are allowed here only).
 */
@QuarkusTest
@TestProfile(WordPressImportTest.LocalSite.class)
class WordPressImportTest {

    public static class LocalSite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.webhooks.allow-private-targets", "true", "content.imports.poll-every", "off",
                    "content.webhooks.dispatch-every", "off");
        }
    }

    static HttpServer oldSite;
    static final AtomicInteger imagesServed = new AtomicInteger();

    @Inject
    ImportRunner runner;

    @Inject
    io.agroal.api.AgroalDataSource database;

    @BeforeAll
    static void startOldSite() throws IOException {
        oldSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        oldSite.createContext("/wp-content/uploads/", exchange -> {
            byte[] image = TestImages.jpeg(640, 480, exchange.getRequestURI().getPath().hashCode());
            imagesServed.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, image.length);
            exchange.getResponseBody().write(image);
            exchange.close();
        });
        oldSite.start();
    }

    @AfterAll
    static void stopOldSite() {
        oldSite.stop(0);
    }

    /** A fixture made this run's own: its site, slugs and logins carry {@code token}; its images are served here. */
    static String site(String fixture, String token) throws IOException {
        String text;
        try (InputStream in = WordPressImportTest.class.getResourceAsStream("/wordpress/" + fixture)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String host = fixture.startsWith("classic") ? "longtable.example" : "margins.example";
        return text.replace("https://" + host + "/wp-content/uploads",
                        "http://127.0.0.1:" + oldSite.getAddress().getPort() + "/wp-content/uploads")
                .replace(host, token + "." + host)
                .replaceAll("<wp:post_name>(<!\\[CDATA\\[)?(?=[a-z0-9])", "<wp:post_name>$1" + token + "-")
                .replace("<wp:author_login><![CDATA[", "<wp:author_login><![CDATA[" + token)
                .replace("<dc:creator><![CDATA[", "<dc:creator><![CDATA[" + token);
    }

    static String token() {
        return "t" + Long.toString(System.nanoTime(), 36);
    }

    private String start(String wxr) {
        return asAdmin().contentType("application/xml").body(wxr.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports")
                .then().statusCode(202)
                .header("Location", containsString("/api/v1/imports/"))
                .body("status", equalTo("queued"))
                .extract().path("id");
    }

    private JsonPath run(String id) {
        while (runner.runDue()) {
            // the queued imports, this one among them
        }
        return asAdmin().when().get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
    }

    private List<Map<String, Object>> report(String id) {
        return asAdmin().queryParam("limit", 100).when().get("/api/v1/imports/" + id + "/report")
                .then().statusCode(200).extract().path("items");
    }

    @Test
    void aClassicSiteComesOverWithItsPostsCommentsImagesAndOldAddresses() throws IOException {
        String token = token();
        // the scheduled post's time is still to come (the fixture's has passed, and would publish it)
        String id = start(site("classic.xml", token).replace("2025-03-01 06:00:00", "2099-03-01 06:00:00"));
        JsonPath job = run(id);
        assertThat(job.getString("status")).isEqualTo("done");
        assertThat(job.getString("site")).isEqualTo("https://" + token + ".longtable.example");
        try (var kept = java.nio.file.Files.list(java.nio.file.Path.of("target/test-imports"))) {
            assertThat(kept.map(path -> path.getFileName().toString()))
                    .as("the uploaded file is deleted when its import ends").doesNotContain(job.getString("fileName"));
        }
        // five posts (published, scheduled, draft, pending, private); the page, the attachment and the menu item are
        // not articles
        assertThat(job.getInt("counts.posts.created")).isEqualTo(5);
        assertThat(job.getInt("counts.authors.created")).isEqualTo(2);
        assertThat(job.getInt("counts.comments.created")).isGreaterThanOrEqualTo(3);
        assertThat(job.getInt("counts.comments.skipped")).isGreaterThanOrEqualTo(2); // spam, trash
        assertThat(job.getInt("counts.media.created") + job.getInt("counts.media.unchanged"))
                .as("%s %s", job.prettify(), report(id)).isGreaterThanOrEqualTo(1);

        String slug = token + "-why-rent-caps-keep-failing";
        JsonPath article = anonymous().when().get("/api/v1/articles/" + slug).then().statusCode(200)
                .extract().jsonPath();
        assertThat(article.getString("title")).isEqualTo("Why rent caps keep failing the people they promise to protect");
        assertThat(article.getString("publishedAt")).isEqualTo("2025-02-11T07:30:00Z"); // post_date_gmt
        assertThat(article.getString("authors[0].name")).isEqualTo("Ilse Brandt");
        assertThat(article.getString("section.name")).isEqualTo("Housing");
        assertThat(article.getList("tags.name", String.class)).contains("rent control", "cities");
        assertThat(article.getString("image.assetId")).as("the featured image: %s", article.prettify()).isNotNull();
        List<String> types = article.getList("body.type", String.class);
        assertThat(types).contains("paragraph", "quote", "image");
        int quote = types.indexOf("quote");
        assertThat(article.getString("body[" + quote + "].quotation.text"))
                .startsWith("We did not ask for charity.");
        // "— a tenant organiser in Lisbon, speaking to the council": who, then what of them
        assertThat(article.getString("body[" + quote + "].quotation.speaker")).isEqualTo("a tenant organiser in Lisbon");
        assertThat(article.getString("body[" + quote + "].quotation.speakerDescription"))
                .isEqualTo("speaking to the council");
        // classic HTML's implicit paragraphs are paragraphs; the text of the table and the video link is kept
        String text = String.join(" ", article.getList("body.text", String.class).stream()
                .filter(java.util.Objects::nonNull).toList());
        assertThat(text).contains("youtube.com").contains("<em>argument</em>");

        // comments: approved ones in their thread, the pending one held, spam and trash left out
        anonymous().when().get("/api/v1/articles/" + slug + "/comments").then().statusCode(200)
                .body("items[0].authorName", equalTo("Renata V."))
                .body("items[0].replies[0].authorName", notNullValue());
        assertThat(article.getInt("commentCount")).isGreaterThanOrEqualTo(2);

        // the old address answers with the article; the draft's does not show it to the public
        anonymous().queryParam("path", "https://" + token + ".longtable.example/2025/02/why-rent-caps-keep-failing/")
                .when().get("/api/v1/redirects").then().statusCode(200)
                .body("slug", equalTo(slug)).body("path", equalTo("/2025/02/why-rent-caps-keep-failing/"));
        anonymous().queryParam("path", "/2025/02/why-rent-caps-keep-failing")
                .when().get("/api/v1/redirects").then().statusCode(200).body("slug", equalTo(slug));
        anonymous().queryParam("path", "/2025/02/no-such-post/")
                .when().get("/api/v1/redirects").then().statusCode(404);

        // statuses: future is scheduled, pending and private are drafts (and said so), the draft stays a draft
        asAdmin().when().get("/api/v1/articles/" + token + "-the-quiet-end-of-the-public-library").then()
                .statusCode(200).body("status", equalTo("scheduled"))
                .body("scheduledAt", equalTo("2099-03-01T06:00:00Z"));
        asAdmin().when().get("/api/v1/articles/" + token + "-letters-night-bus").then()
                .statusCode(200).body("status", equalTo("draft"));
        anonymous().when().get("/api/v1/articles/" + token + "-letters-night-bus").then().statusCode(404);

        List<Map<String, Object>> report = report(id);
        assertThat(report).extracting(entry -> (String) entry.get("message"))
                .anyMatch(message -> message.contains("pending in WordPress: imported as a draft"))
                .anyMatch(message -> message.contains("private in WordPress: imported as a draft"))
                .anyMatch(message -> message.contains("sticky"))
                .anyMatch(message -> message.contains("spam"))
                .anyMatch(message -> message.contains("not a post"));
    }

    @Test
    void runningTheSameFileAgainUpdatesInsteadOfDuplicating() throws IOException {
        String token = token();
        String wxr = site("classic.xml", token);
        run(start(wxr));
        int served = imagesServed.get();

        JsonPath again = run(start(wxr));
        assertThat(again.getString("status")).isEqualTo("done");
        assertThat(again.getInt("counts.posts.created")).isZero();
        assertThat(again.getInt("counts.posts.unchanged")).isEqualTo(5);
        assertThat(again.getInt("counts.comments.created")).isZero();
        assertThat(again.getInt("counts.authors.created")).isZero();
        assertThat(imagesServed.get()).as("images are not fetched twice").isEqualTo(served);
        asAdmin().queryParam("author", token + "ilse").queryParam("status", "draft,scheduled,published").when().get("/api/v1/articles").then().statusCode(200)
                .body("items.size()", equalTo(3)); // 101, 103 and 105 are Ilse's: once each

        // a newer export of the same site: the changed post is updated, with a revision
        JsonPath newer = run(start(wxr.replace("Why rent caps keep failing the people they promise to protect",
                "Why rent caps keep failing the tenants they promise to protect")));
        assertThat(newer.getInt("counts.posts.updated")).isEqualTo(1);
        anonymous().when().get("/api/v1/articles/" + token + "-why-rent-caps-keep-failing").then().statusCode(200)
                .body("title", equalTo("Why rent caps keep failing the tenants they promise to protect"));
    }

    @Test
    void aJobTakenUpAfterARestartGoesOnFromTheLastItemDone() throws Exception {
        String token = token();
        String wxr = site("classic.xml", token);
        String id = start(wxr);
        run(id);
        // as if the instance had stopped after the second item: the job is running, its claim run out (its file
        // where a command-line import leaves it: an uploaded one is deleted when its job ends)
        java.nio.file.Path file = java.nio.file.Files.createTempFile("resumed", ".xml");
        java.nio.file.Files.writeString(file, wxr);
        String resumed = java.util.UUID.randomUUID().toString();
        try (var connection = database.getConnection(); var statement = connection.prepareStatement("""
                insert into import_job (id, kind, status, file_name, file_path, file_bytes, fetch_images, site,
                                        header_done, items_done, counts, created_by, created_at, updated_at,
                                        lease_until, leased_by)
                select cast(? as uuid), kind, 'running', file_name, ?, file_bytes, fetch_images, site, true, 2,
                       '{}', created_by, now(), now(), now() - interval '1 minute', 'a stopped instance'
                from import_job where id = cast(? as uuid)""")) {
            statement.setString(1, resumed);
            statement.setString(2, file.toString());
            statement.setString(3, id);
            statement.executeUpdate();
        }
        JsonPath job = run(resumed);
        assertThat(job.getString("status")).isEqualTo("done");
        assertThat(job.getInt("itemsDone")).isEqualTo(8); // every item of the file
        // items 1 and 2 (posts 101 and 102) were not read again; the other three posts were, and found as they were
        assertThat(job.getInt("counts.posts.unchanged")).isEqualTo(3);
        assertThat(job.getInt("counts.authors.created") + job.getInt("counts.authors.unchanged")).isZero();
        assertThat(file).as("a file the service did not keep itself stays").exists();
        java.nio.file.Files.delete(file);
    }

    @Test
    void gutenbergBlocksBecomeOurBlocks() throws IOException {
        String token = token();
        JsonPath job = run(start(site("gutenberg.xml", token)));
        assertThat(job.getString("status")).isEqualTo("done");
        assertThat(job.getInt("counts.posts.created")).isEqualTo(1);
        String slug = asAdmin().queryParam("q", "ferry").queryParam("limit", 100).when().get("/api/v1/articles")
                .then().statusCode(200).extract().path("items.find { it.slug.startsWith('" + token + "') }.slug");
        JsonPath article = asAdmin().when().get("/api/v1/articles/" + slug).then().statusCode(200)
                .extract().jsonPath();
        List<String> types = article.getList("body.type", String.class);
        assertThat(types).contains("paragraph", "heading", "list", "quote", "image");
        assertThat(article.getInt("body[" + types.indexOf("heading") + "].level")).isEqualTo(3);
        assertThat(article.getBoolean("body[" + types.indexOf("list") + "].ordered")).isTrue();
        assertThat(article.getString("body[" + types.indexOf("image") + "].image.alt"))
                .isEqualTo("Passengers on the open deck of a small ferry");
    }

    @Test
    void whatIsNotAWordPressExportIsRefusedBeforeAnythingIsWritten() throws IOException {
        for (String fixture : List.of("not-xml.txt", "other-feed.xml", "billion-laughs.xml", "xxe.xml")) {
            byte[] body;
            try (InputStream in = getClass().getResourceAsStream("/wordpress/" + fixture)) {
                body = in.readAllBytes();
            }
            asAdmin().contentType("application/xml").body(body).when().post("/api/v1/imports")
                    .then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("file"));
        }
        offContractAsAdmin().contentType("application/xml").body(new byte[0]).when().post("/api/v1/imports")
                .then().statusCode(422);
    }

    @Test
    void aTruncatedFileFailsTheJobAndWritesNoPost() throws IOException {
        String token = token();
        String whole = site("classic.xml", token);
        String cut = whole.substring(0, whole.indexOf("<wp:post_id>102</wp:post_id>"));
        JsonPath job = run(start(cut));
        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("error")).isNotBlank();
        // the whole file is read once before any post is written: a truncated one writes none
        assertThat(job.getInt("counts.posts.created")).isZero();
        asAdmin().when().get("/api/v1/articles/" + token + "-why-rent-caps-keep-failing").then().statusCode(404);
    }

    /** A small export with what real ones hold: odd statuses, a slug twice, a stranger, an orphan, broken markup. */
    static String oddSite(String token) {
        String item = """
                <item><title>%s</title><dc:creator><![CDATA[%s]]></dc:creator>
                <content:encoded><![CDATA[%s]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
                <wp:post_id>%d</wp:post_id><wp:post_date_gmt>2024-05-0%d 10:00:00</wp:post_date_gmt>
                <wp:post_name>%s</wp:post_name><wp:status>%s</wp:status><wp:post_type>post</wp:post_type>
                %s</item>
                """;
        String orphan = """
                <wp:comment><wp:comment_id>71</wp:comment_id><wp:comment_author>Odile</wp:comment_author>
                <wp:comment_author_email>odile@mail.example</wp:comment_author_email>
                <wp:comment_date_gmt>2024-05-02 11:00:00</wp:comment_date_gmt>
                <wp:comment_content>The thread I answered is gone, but I stand by this.</wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved><wp:comment_parent>70</wp:comment_parent></wp:comment>
                """;
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Odd Pages</title><link>https://%1$s.odd.example</link>
                <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://%1$s.odd.example</wp:base_site_url>
                <wp:author><wp:author_id>1</wp:author_id><wp:author_login>%1$sed</wp:author_login>
                <wp:author_display_name>Edda Lund</wp:author_display_name></wp:author>
                """.formatted(token)
                + item.formatted("First of two", token + "ed", "<p>The first <b>bold claim", 1, 1,
                        token + "-same", "publish", "")
                + item.formatted("Second of two", token + "ed", "<div>Unclosed <em>emphasis</div></p>more text", 2,
                        2, token + "-same", "publish", orphan)
                + item.formatted("A stranger's post", token + "stranger", "Words by someone the file does not list.",
                        3, 3, token + "-stranger", "publish", "")
                + item.formatted("A status from a plugin", token + "ed", "Kept, as a draft.", 4, 4,
                        token + "-plugin", "in-review", "")
                + item.formatted("Thrown away", token + "ed", "Not wanted.", 5, 5, token + "-trash", "trash", "")
                + "</channel></rss>\n";
    }

    @Test
    void oddItemsAreImportedAsFarAsTheyCanBeAndReported() {
        String token = token();
        String id = start(oddSite(token));
        JsonPath job = run(id);
        assertThat(job.getString("status")).isEqualTo("done");
        assertThat(job.getInt("counts.posts.created")).as(job.prettify()).isEqualTo(4);
        assertThat(job.getInt("counts.posts.skipped")).isEqualTo(1); // the trashed one
        // broken HTML: every word kept, the markup mended
        asAdmin().when().get("/api/v1/articles/" + token + "-same").then().statusCode(200)
                .body("body[0].text", containsString("bold claim"));
        // the same slug twice: the second post gets a slug of its own, said in the report
        String second = report(id).stream().filter(entry -> String.valueOf(entry.get("message"))
                .contains("belongs to another article here")).map(entry -> (String) entry.get("target"))
                .findFirst().orElseThrow();
        assertThat(second).isNotEqualTo(token + "-same");
        anonymous().when().get("/api/v1/articles/" + second).then().statusCode(200)
                .body("title", equalTo("Second of two"))
                .body("body.text", hasItem(containsString("emphasis"))).body("body.text", hasItem(containsString("more text")));
        // the reply whose parent is not in the file starts a thread of its own
        anonymous().when().get("/api/v1/articles/" + second + "/comments").then().statusCode(200)
                .body("items[0].authorName", equalTo("Odile")).body("items[0].parentId", equalTo(null));
        // the author the file does not list is made from the login, and flagged
        anonymous().when().get("/api/v1/articles/" + token + "-stranger").then().statusCode(200)
                .body("authors[0].slug", equalTo(token + "stranger"));
        asAdmin().when().get("/api/v1/articles/" + token + "-plugin").then().statusCode(200)
                .body("status", equalTo("draft"));
        assertThat(report(id)).extracting(entry -> (String) entry.get("message"))
                .anyMatch(message -> message.contains("belongs to another article here"))
                .anyMatch(message -> message.contains("not in the file: it starts a thread of its own"))
                .anyMatch(message -> message.contains("whom the file's authors do not list"))
                .anyMatch(message -> message.contains("the status 'in-review' is unknown"))
                .anyMatch(message -> message.contains("'trash' in WordPress"));
    }

    @Test
    void importsAreListedNewestFirstAPageAtATime() throws IOException {
        String first = start(site("gutenberg.xml", token()));
        String second = start(site("gutenberg.xml", token()));
        run(second);
        var page = asAdmin().queryParam("limit", 1).when().get("/api/v1/imports").then().statusCode(200)
                .header("Link", containsString("rel=\"next\"")).extract().jsonPath();
        assertThat(page.getString("items[0].id")).isEqualTo(second);
        asAdmin().queryParam("limit", 1).queryParam("cursor", page.getString("next")).when().get("/api/v1/imports")
                .then().statusCode(200).body("items[0].id", equalTo(first));
    }

    @Test
    void onlyAdminsImport() {
        withKey(editorKey()).contentType("application/xml").body("<rss/>".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().statusCode(403);
        withKey(editorKey()).when().get("/api/v1/imports").then().statusCode(403);
        asAdmin().when().get("/api/v1/imports/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }
}
