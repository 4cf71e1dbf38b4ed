package com.magazine.content.backup;

import static com.magazine.content.support.Api.ADMIN_KEY;
import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.editorKey;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.magazine.content.asset.TestImages;
import com.magazine.content.common.events.ContentReplaced;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Export and restore (README: Back up and restore): an archive of everything, restored into an emptied instance,
 * answers every read byte for byte as before; bad archives and non-empty instances are refused and write nothing.
 * The restore puts back what every other test class made too, so the tests sharing the database see no difference.
 */
@QuarkusTest
class ExportRestoreTest {

    private static final String ZIP = "application/zip";

    @Inject
    AgroalDataSource database;

    @Inject
    Event<ContentReplaced> replaced;

    private static RequestSpecification asAdminForZip() {
        return given().accept(ZIP + ", " + PROBLEM_JSON).header("Authorization", "Bearer " + ADMIN_KEY);
    }

    private static byte[] export() {
        return asAdminForZip().when().get("/api/v1/export")
                .then().statusCode(200).contentType(ZIP)
                .header("Content-Disposition", startsWith("attachment; filename=\"content-"))
                .header("Cache-Control", equalTo("private, no-store"))
                .extract().asByteArray();
    }

    private static Response restore(byte[] archive) {
        return asAdmin().contentType(ZIP).body(archive).when().post("/api/v1/restore");
    }

    /** A read to compare: what it asks, as whom. */
    private record Read(String path, Supplier<RequestSpecification> as) {
    }

    private record Answer(int status, String contentType, String etag, String location, byte[] body) {

        static Answer of(Response response) {
            return new Answer(response.statusCode(), response.contentType(), response.header("ETag"),
                    response.header("Location"), response.asByteArray());
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + etag + " " + location + " "
                    + new String(body, StandardCharsets.UTF_8).substring(0, Math.min(body.length, 400));
        }
    }

    @Test
    void anArchiveRestoredIntoAnEmptiedInstanceAnswersEveryReadAsBefore() throws Exception {
        // content of every kind, through the API
        String picture = asAdmin().contentType("image/jpeg").body(TestImages.jpeg(1200, 800, System.nanoTime()))
                .queryParam("alt", "A harbour at dawn").when().post("/api/v1/assets")
                .then().statusCode(201).extract().path("id");
        String assetSrc = asAdmin().when().get("/api/v1/assets/" + picture).then().statusCode(200)
                .extract().path("image.src");
        Map<String, Object> pictured = new HashMap<>(com.magazine.content.support.Api.author(unique("Pictured")));
        pictured.put("avatar", Map.of("assetId", picture));
        String author = asAdmin().contentType(ContentType.JSON).body(pictured).when().post("/api/v1/authors")
                .then().statusCode(201).extract().path("slug");
        String quotation = asAdmin().contentType(ContentType.JSON).body(Map.of(
                "text", "To insist on everything is to swim against the tide.",
                "speaker", Map.of("name", unique("Speaker")),
                "source", Map.of("title", "Edge of the Abyss", "kind", "book", "locator", "p. 208", "date", "2018")))
                .when().post("/api/v1/quotations").then().statusCode(201).extract().path("id");
        Map<String, Object> body = article(unique("Restored Harbour"), author);
        List<Object> blocks = new ArrayList<>((List<?>) body.get("body"));
        blocks.add(Map.of("type", "quote", "quotationId", quotation));
        body.put("body", blocks);
        body.put("image", Map.of("assetId", picture, "caption", "The quay at first light"));
        body.put("section", unique("Harbours"));
        String slug = publishedArticle(body);
        String renamed = unique("renamed-harbour");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("slug", renamed))
                .when().patch("/api/v1/articles/" + slug).then().statusCode(200);
        String top = postComment(renamed, "The quay has changed since.", null);
        approve(top);
        String reply = postComment(renamed, "It has, and not for the better.", top);
        approve(reply);
        postComment(renamed, "Still waiting for moderation.", null);
        String tag = asAdmin().when().get("/api/v1/articles/" + renamed).then().statusCode(200)
                .extract().path("tags[0].slug");
        String section = asAdmin().when().get("/api/v1/articles/" + renamed).then().statusCode(200)
                .extract().path("section.slug");

        List<Read> reads = List.of(
                new Read("/api/v1/articles/" + renamed, ExportRestoreTest::anonymousJson),
                new Read("/api/v1/articles/" + slug, ExportRestoreTest::anonymousJson),
                new Read("/api/v1/articles?limit=50", ExportRestoreTest::anonymousJson),
                new Read("/api/v1/articles?limit=50", () -> asAdmin()),
                new Read("/api/v1/articles/" + renamed + "/revisions", () -> asAdmin()),
                new Read("/api/v1/articles/" + renamed + "/comments", ExportRestoreTest::anonymousJson),
                new Read("/api/v1/articles/" + renamed + "/quotations", ExportRestoreTest::anonymousJson),
                new Read("/api/v1/authors/" + author, ExportRestoreTest::anonymousJson),
                new Read("/api/v1/authors/" + author + "/articles", ExportRestoreTest::anonymousJson),
                new Read("/api/v1/authors?limit=100", ExportRestoreTest::anonymousJson),
                new Read("/api/v1/tags/" + tag, ExportRestoreTest::anonymousJson),
                new Read("/api/v1/tags/" + section, ExportRestoreTest::anonymousJson),
                new Read("/api/v1/tags?limit=100", ExportRestoreTest::anonymousJson),
                new Read("/api/v1/quotations/" + quotation, ExportRestoreTest::anonymousJson),
                new Read("/api/v1/quotations?limit=100", ExportRestoreTest::anonymousJson),
                new Read("/api/v1/comments?limit=100", () -> asAdmin()),
                new Read("/api/v1/changes?limit=100", ExportRestoreTest::anonymousJson),
                new Read("/api/v1/changes?limit=100", () -> asAdmin()),
                new Read("/api/v1/assets/" + picture, () -> asAdmin()),
                new Read("/api/v1/keys?limit=100", () -> asAdmin()),
                new Read(URI.create(assetSrc).getPath(), () -> given().accept("image/jpeg")));
        Map<Read, Answer> before = new LinkedHashMap<>();
        for (Read read : reads) {
            before.put(read, Answer.of(read.as().get().redirects().follow(false).when().get(read.path())));
        }
        assertThat(before.values()).allSatisfy(answer -> assertThat(answer.status()).isIn(200, 301));
        String feedEnd = anonymousJson().when().get("/api/v1/changes?limit=1").then().statusCode(200)
                .extract().path("next");

        byte[] archive = export();
        Map<String, byte[]> entries = unzip(archive);
        assertThat(new ArrayList<>(entries.keySet()).subList(0, 1 + ArchiveTables.INCLUDED.size()))
                .containsExactlyElementsOf(names());
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"format\" : \"content-api-export\"", "\"version\" : 1");
        assertThat(entries).containsKey("media/" + picture + "/original").containsKey("media/" + picture
                + "/master.jpg");
        String webhooks = new String(entries.get("tables/webhook.ndjson"), StandardCharsets.UTF_8);
        assertThat(webhooks).doesNotContain("\"secret\"");

        // not into an instance that holds content
        restore(archive).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:instance-not-empty"));

        // empty the instance as a new one is (the media files of our asset too), and caches as a restore does
        empty();
        Path media = Path.of("target/test-media");
        String sha = null;
        try (var stream = Files.list(media.resolve("originals"))) {
            for (Path file : (Iterable<Path>) stream::iterator) {
                if (java.util.Arrays.equals(Files.readAllBytes(file), entries.get("media/" + picture + "/original"))) {
                    sha = file.getFileName().toString();
                }
            }
        }
        assertThat(sha).isNotNull();
        Files.delete(media.resolve("originals/" + sha));
        Files.delete(media.resolve("masters/" + sha + ".jpg"));
        deleteTree(media.resolve("renditions/" + picture));
        anonymousJson().when().get("/api/v1/articles/" + renamed).then().statusCode(404);

        // a bad archive, found bad half-way, writes nothing
        byte[] cut = java.util.Arrays.copyOf(archive, archive.length / 2);
        restore(cut).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:invalid-archive"));
        byte[] notJson = rewrite(archive, "tables/comment.ndjson", rows -> rows + "{not json\n");
        restore(notJson).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:invalid-archive"))
                .body("violations.field", hasItem(startsWith("tables/comment.ndjson:")));
        byte[] unknownColumn = rewrite(archive, "tables/tag.ndjson",
                rows -> rows.replaceFirst("\\{", "{\"colour\": \"red\", "));
        restore(unknownColumn).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("tables/tag.ndjson:1#/colour"));
        assertThat(rows("article") + rows("author") + rows("asset") + rows("change_event")).isZero();
        anonymousJson().when().get("/api/v1/articles/" + renamed).then().statusCode(404);

        // the archive, restored
        restore(archive).then().statusCode(200).contentType(ContentType.JSON)
                .body("mediaFiles", equalTo(entries.keySet().stream().filter(n -> n.startsWith("media/"))
                        .toList().size()))
                .body("tables.table", equalTo(ArchiveTables.INCLUDED.stream().map(ArchiveTables.Table::name)
                        .toList()));
        for (Map.Entry<Read, Answer> read : before.entrySet()) {
            Answer after = Answer.of(read.getKey().as().get().redirects().follow(false).when()
                    .get(read.getKey().path()));
            assertThat(after.status()).as(read.getKey().path()).isEqualTo(read.getValue().status());
            assertThat(after.etag()).as(read.getKey().path()).isEqualTo(read.getValue().etag());
            assertThat(after.location()).as(read.getKey().path()).isEqualTo(read.getValue().location());
            assertThat(new String(after.body(), StandardCharsets.UTF_8)).as(read.getKey().path())
                    .isEqualTo(new String(read.getValue().body(), StandardCharsets.UTF_8));
            assertThat(after.body()).as(read.getKey().path()).isEqualTo(read.getValue().body());
        }
        // the change feed goes on from where a reader was, and new changes follow the restored ones
        anonymousJson().queryParam("since", feedEnd).when().get("/api/v1/changes").then().statusCode(200);
        String next = createAuthor(unique("After"));
        anonymousJson().when().get("/api/v1/authors/" + next).then().statusCode(200);
        // a second restore finds the instance full
        restore(archive).then().statusCode(409);
    }

    @Test
    void notAZipArchiveIsA400Problem() {
        restore("these are not the bytes of a ZIP archive".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:invalid-archive"))
                .body("violations.field", hasItem("body"));
    }

    @Test
    void anotherFormatVersionIsA422Problem() throws IOException {
        byte[] archive = zip(Map.of("manifest.json", ("{\"format\": \"content-api-export\", \"version\": 2}")
                .getBytes(StandardCharsets.UTF_8)));
        restore(archive).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:unsupported-archive"))
                .body("violations.field", hasItem("manifest.json#/version"));
        byte[] other = zip(Map.of("manifest.json", "{\"format\": \"wordpress\"}".getBytes(StandardCharsets.UTF_8)));
        restore(other).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("manifest.json#/format"));
        byte[] first = zip(Map.of("tables/author.ndjson", "{}".getBytes(StandardCharsets.UTF_8)));
        restore(first).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("tables/author.ndjson"));
    }

    @Test
    void onlyAdminsExportAndRestore() {
        String editor = editorKey();
        given().accept(ZIP + ", " + PROBLEM_JSON).header("Authorization", "Bearer " + editor)
                .when().get("/api/v1/export").then().statusCode(403).contentType(PROBLEM_JSON);
        offContract().accept(ZIP + ", " + PROBLEM_JSON).when().get("/api/v1/export").then().statusCode(401)
                .contentType(PROBLEM_JSON);
        com.magazine.content.support.Api.withKey(editor).contentType(ZIP).body(new byte[] {1, 2, 3})
                .when().post("/api/v1/restore").then().statusCode(403).contentType(PROBLEM_JSON);
        offContract().contentType(ZIP).body(new byte[] {1, 2, 3}).when().post("/api/v1/restore").then()
                .statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void everyTableOfTheSchemaIsInTheArchiveOrLeftOutForAReason() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Set<String> accounted = new TreeSet<>(ArchiveTables.EXCLUDED.keySet());
        ArchiveTables.INCLUDED.forEach(table -> accounted.add(table.name()));
        assertThat(tables).isEqualTo(accounted);
    }

    private static RequestSpecification anonymousJson() {
        return anonymous();
    }

    private static String postComment(String slug, String text, String parent) {
        Map<String, Object> comment = new HashMap<>();
        comment.put("authorName", "Jo Marsh");
        comment.put("authorEmail", unique("jo") + "@example.org");
        comment.put("body", text);
        if (parent != null) {
            comment.put("parentId", parent);
        }
        return anonymous().header("X-Forwarded-For", "10.9." + (int) (Math.random() * 250) + "."
                + (1 + (int) (Math.random() * 250))).contentType(ContentType.JSON).body(comment)
                .when().post("/api/v1/articles/" + slug + "/comments")
                .then().statusCode(202).extract().path("id");
    }

    private static void approve(String id) {
        asAdmin().when().post("/api/v1/comments/" + id + "/approve").then().statusCode(200);
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of("manifest.json"));
        ArchiveTables.INCLUDED.forEach(table -> names.add(table.entry()));
        return names;
    }

    /** Every table an archive holds or leaves out, emptied as a new instance's are; caches told as by a restore. */
    private void empty() throws SQLException {
        Set<String> tables = new TreeSet<>(ArchiveTables.EXCLUDED.keySet());
        tables.remove("flyway_schema_history");
        ArchiveTables.INCLUDED.forEach(table -> tables.add(table.name()));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate " + String.join(", ", tables) + " cascade");
        }
        replaced.fire(new ContentReplaced());
    }

    private long rows(String table) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The archive with one table's rows changed (its count in the manifest too, when rows were added). */
    private static byte[] rewrite(byte[] archive, String name, UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> entries = unzip(archive);
        String before = new String(entries.get(name), StandardCharsets.UTF_8);
        String after = change.apply(before);
        entries.put(name, after.getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
