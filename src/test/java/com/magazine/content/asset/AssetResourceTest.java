package com.magazine.content.asset;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.newKey;
import static com.magazine.content.support.Api.offContractAsAdmin;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.magazine.content.feed.ChangeFeedTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The image library: uploads, what is refused, renditions, and who may do what. */
@QuarkusTest
class AssetResourceTest {

    /** What a browser sends for an <img>. */
    static RequestSpecification browser() {
        return RestAssured.given().accept("image/avif,image/webp,image/*,*/*;q=0.8");
    }

    static Response upload(byte[] bytes, String contentType) {
        return asAdmin().contentType(contentType).body(bytes).when().post("/api/v1/assets");
    }

    static String uploaded(byte[] bytes) {
        return upload(bytes, "image/jpeg").then().statusCode(201).extract().path("id");
    }

    @Test
    void anUploadIsMeasuredSniffedAndDescribedAndTheSameBytesGiveTheSameAsset() {
        byte[] png = TestImages.png(1500, 1000, 1);
        Response created = asAdmin().contentType("image/jpeg").body(png)
                .queryParam("alt", "A harbour wall at low tide").queryParam("credit", "Photo: Ilse Brandt")
                .when().post("/api/v1/assets");
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/assets/"))
                .header("ETag", notNullValue())
                .body("mediaType", equalTo("image/png")) // the bytes say PNG, whatever the client said
                .body("kind", equalTo("image"))
                .body("width", equalTo(1500)).body("height", equalTo(1000))
                .body("bytes", equalTo(png.length))
                .body("sha256", equalTo(sha256(png)))
                .body("alt", equalTo("A harbour wall at low tide"))
                .body("credit", equalTo("Photo: Ilse Brandt"))
                .body("focalPoint.x", equalTo(0.5f)).body("focalPoint.y", equalTo(0.5f))
                .body("image.placeholder", startsWith("data:image/jpeg;base64,"))
                .body("image.dominantColor", org.hamcrest.Matchers.matchesPattern("#[0-9a-f]{6}"))
                .body("image.width", equalTo(1280)).body("image.height", equalTo(853))
                .body("image.srcset", containsString("320w"))
                .body("image.srcset", containsString("1280w"))
                .body("image.srcset", not(containsString("1600w"))) // never wider than the image
                .body("image.crops.'16x9'.srcset", notNullValue())
                .body("createdBy", notNullValue());
        String id = created.path("id");
        upload(png, "application/octet-stream").then().statusCode(200)
                .body("id", equalTo(id))
                .header("Location", containsString(id));
        asAdmin().when().get("/api/v1/assets/" + id).then().statusCode(200).body("id", equalTo(id));
        asAdmin().when().get("/api/v1/assets?limit=100").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void whatIsNotAnImageOrTooLargeIsRefusedWithAProblemAndNothingIsKept() throws Exception {
        upload("just some text, not a picture".getBytes(), "image/png").then().statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:unsupported-media-type"))
                .body("violations[0].field", equalTo("body"));
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();
        upload(svg, "image/jpeg").then().statusCode(415);
        byte[] jpeg = TestImages.jpeg(800, 600, 2);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, 300);
        upload(truncated, "image/jpeg").then().statusCode(422)
                .body("type", equalTo("urn:content-api:problem:invalid-image"));
        upload(TestImages.pngHeaderOnly(30_000, 30_000), "image/png").then().statusCode(422)
                .body("type", equalTo("urn:content-api:problem:image-too-large"))
                .body("detail", containsString("30000 x 30000"));
        offContractAsAdmin().contentType("image/png").body(new byte[0]).when().post("/api/v1/assets")
                .then().statusCode(400);
        // chunked (no length announced) and just over the limit (2M in the tests): read up to the limit, then
        // answered; a client still sending much more may be cut off before it reads the answer
        offContractAsAdmin().contentType("image/png")
                .body(new java.io.ByteArrayInputStream(new byte[2 * 1024 * 1024 + 64 * 1024]))
                .when().post("/api/v1/assets").then().statusCode(413)
                .body("type", equalTo("urn:content-api:problem:body-too-large"));
        offContractAsAdmin().contentType("text/plain").body("hello").when().post("/api/v1/assets")
                .then().statusCode(415);
        for (byte[] refused : List.of(truncated, TestImages.pngHeaderOnly(30_000, 30_000))) {
            assertThat(Files.exists(media().resolve("originals/" + sha256(refused)))).isFalse();
        }
    }

    @Test
    void exifOrientationIsAppliedAndNothingServedCarriesTheGpsPosition() throws Exception {
        byte[] original = TestImages.withExif(TestImages.jpeg(800, 400, 3), 6);
        assertThat(TestImages.carriesExif(original)).isTrue();
        Response created = upload(original, "image/jpeg");
        created.then().statusCode(201).body("width", equalTo(400)).body("height", equalTo(800));
        String src = created.path("image.src");
        byte[] served = browser().when().get(src).then().statusCode(200).contentType("image/jpeg")
                .extract().asByteArray();
        assertThat(TestImages.carriesExif(served)).isFalse();
        BufferedImage upright = TestImages.decode(served);
        assertThat(upright.getHeight()).isGreaterThan(upright.getWidth());
        // the original is kept unchanged for the archive (and never served)
        assertThat(Files.readAllBytes(media().resolve("originals/" + sha256(original)))).isEqualTo(original);
        String placeholder = created.path("image.placeholder");
        byte[] tiny = java.util.Base64.getDecoder().decode(placeholder.substring(placeholder.indexOf(',') + 1));
        assertThat(TestImages.carriesExif(tiny)).isFalse();
    }

    @Test
    void renditionsAreFixedWidthsAndCropsCachedForAYearAndOffTheLadderIsRefused() {
        Response created = upload(TestImages.jpeg(2000, 1000, 4), "image/jpeg");
        String id = created.path("id");
        String src = created.path("image.src");
        assertThat(src).endsWith("/1280.jpg");
        Response first = browser().when().get(src);
        first.then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .header("ETag", notNullValue())
                .header("Surrogate-Key", containsString("asset:" + id));
        assertThat(TestImages.decode(first.asByteArray()).getWidth()).isEqualTo(1280);
        browser().header("If-None-Match", first.header("ETag")).when().get(src).then().statusCode(304);

        String wide = created.path("image.crops.'16x9'.src");
        BufferedImage cropped = TestImages.decode(browser().when().get(wide).then().statusCode(200).extract()
                .asByteArray());
        assertThat((double) cropped.getWidth() / cropped.getHeight()).isCloseTo(16 / 9.0,
                org.assertj.core.data.Offset.offset(0.01));
        String square = created.path("image.crops.'1x1'.src");
        BufferedImage squared = TestImages.decode(browser().when().get(square).then().statusCode(200).extract()
                .asByteArray());
        assertThat(squared.getWidth()).isEqualTo(squared.getHeight());

        String base = src.substring(0, src.lastIndexOf('/') + 1);
        browser().when().get(base + "1000.jpg").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("file"));
        browser().when().get(base + "2560.jpg").then().statusCode(400); // wider than the image
        browser().when().get(base + "1280.gif").then().statusCode(400);
        browser().when().get(base + "99999999999.jpg").then().statusCode(400);
        browser().when().get(base + "3x2/640.jpg").then().statusCode(400)
                .body("violations[0].field", equalTo("crop"));
        browser().when().get("/media/" + java.util.UUID.randomUUID() + "/abc/640.jpg").then().statusCode(404);
        String moved = src.replace(src.split("/")[3], "000000000000");
        browser().redirects().follow(false).when().get(moved).then().statusCode(301)
                .header("Location", equalTo(src));
    }

    @Test
    void aRenditionSentAsAFileAnswersAsTheOneJustMadeDid() {
        Response created = upload(TestImages.jpeg(1000, 640, 13), "image/jpeg");
        String url = ((String) created.path("image.crops.'4x3'.srcset")).split(" ")[0];
        Response made = browser().when().get(url); // made now, by the resource
        Response sent = browser().when().get(url); // the file, sent before the REST layer
        made.then().statusCode(200);
        sent.then().statusCode(200);
        assertThat(sent.asByteArray()).isEqualTo(made.asByteArray());
        assertThat(headers(sent)).isEqualTo(headers(made)).containsKeys("etag", "cache-control", "surrogate-key",
                "content-type", "x-content-type-options", "vary");
        browser().header("If-None-Match", sent.header("ETag")).when().get(url).then().statusCode(304)
                .header("ETag", equalTo(sent.header("ETag")));
    }

    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new java.util.TreeMap<>();
        response.headers().asList().stream()
                .filter(h -> !Set.of("date", "x-request-id").contains(h.getName().toLowerCase()))
                .forEach(h -> headers.merge(h.getName().toLowerCase(), h.getValue(), (a, b) -> a + ", " + b));
        return headers;
    }

    @Test
    void webpIsOfferedOnlyWhereItIsSmallerAndServedAsWebp() {
        Response created = upload(TestImages.jpeg(1400, 900, 5), "image/jpeg");
        String webp = created.path("image.webpSrcset");
        if (webp == null) {
            // the bundled encoder could not run here, or made no smaller file: then nothing may claim WebP
            String src = created.path("image.src");
            browser().when().get(src.replace(".jpg", ".webp")).then().statusCode(404);
            return;
        }
        String url = webp.split(" ")[0];
        byte[] bytes = browser().when().get(url).then().statusCode(200).contentType("image/webp").extract()
                .asByteArray();
        assertThat(new String(bytes, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(bytes, 8, 4)).isEqualTo("WEBP");
    }

    @Test
    void manyFirstRequestsOfOneRenditionAllGetTheSameBytesMadeOnce() throws Exception {
        Response created = upload(TestImages.jpeg(1700, 1100, 6), "image/jpeg");
        String url = ((String) created.path("image.crops.'4x3'.srcset")).split(" ")[0];
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<byte[]>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> browser().when().get(url).then().statusCode(200).extract().asByteArray());
            }
            List<byte[]> answers = new ArrayList<>();
            for (Future<byte[]> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            answers.forEach(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        } finally {
            pool.shutdown();
        }
        String id = created.path("id");
        try (var files = Files.walk(media().resolve("renditions/" + id))) {
            assertThat(files.filter(Files::isRegularFile).toList()).hasSize(1);
        }
    }

    @Test
    void aNewFocalPointMakesNewUrlsAndTheOldOnesLeadToThem() {
        Response created = upload(TestImages.jpeg(1600, 900, 7), "image/jpeg");
        String id = created.path("id");
        String before = created.path("image.crops.'1x1'.src");
        Response moved = asAdmin().contentType("application/merge-patch+json")
                .header("If-Match", created.header("ETag"))
                .body(Map.of("focalPoint", Map.of("x", 0.9, "y", 0.5), "alt", "Boats"))
                .when().patch("/api/v1/assets/" + id);
        moved.then().statusCode(200).body("focalPoint.x", equalTo(0.9f)).body("alt", equalTo("Boats"));
        String after = moved.path("image.crops.'1x1'.src");
        assertThat(after).isNotEqualTo(before);
        browser().redirects().follow(false).when().get(before).then().statusCode(301).header("Location", equalTo(after));
        asAdmin().contentType("application/merge-patch+json").header("If-Match", created.header("ETag"))
                .body(Map.of("alt", "stale")).when().patch("/api/v1/assets/" + id).then().statusCode(412);
        asAdmin().contentType("application/merge-patch+json")
                .body(Map.of("focalPoint", Map.of("x", 1.5, "y", 0.5)))
                .when().patch("/api/v1/assets/" + id).then().statusCode(400)
                .body("violations[0].field", containsString("focalPoint.x"));
    }

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource database;

    @Test
    void aNewFocalPointSetByAnotherInstanceReachesTheRenditionsThroughTheChangeLog() throws Exception {
        Response created = upload(TestImages.jpeg(1200, 800, 12), "image/jpeg");
        String id = created.path("id");
        String square = created.path("image.crops.'1x1'.src");
        browser().when().get(square).then().statusCode(200); // what renditions know of the asset is now in memory
        com.magazine.content.support.AnotherInstance.changes(database, "asset", id, null, "assets",
                "update asset set focal_x = 0.9, version = version + 1 where id = ?::uuid");
        int status = 200;
        for (int i = 0; i < 40 && status == 200; i++) {
            Thread.sleep(100);
            status = browser().redirects().follow(false).when().get(square).then().extract().statusCode();
        }
        assertThat(status).as("the old crop's URL once the focal point moved elsewhere").isEqualTo(301);
    }

    @Test
    void whenItsRightsExpireAnImageIsGoneWithoutAnyJobRunning() throws Exception {
        Response created = upload(TestImages.jpeg(700, 500, 8), "image/jpeg");
        String id = created.path("id");
        String src = created.path("image.src");
        Instant expiry = Instant.now().plusSeconds(3);
        asAdmin().contentType("application/json")
                .body(Map.of("alt", "Rights until soon", "rightsExpireAt", expiry.toString()))
                .when().put("/api/v1/assets/" + id).then().statusCode(200);
        String cacheControl = browser().when().get(src).then().statusCode(200).extract().header("Cache-Control");
        assertThat(cacheControl).doesNotContain("immutable");
        assertThat(Long.parseLong(cacheControl.replaceAll(".*max-age=(\\d+).*", "$1"))).isLessThanOrEqualTo(3);
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 200);
        browser().when().get(src).then().statusCode(410).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:rights-expired"));
    }

    @Test
    void onlyKeysThatMayWriteUploadAndAuthorsChangeOnlyTheirOwn() {
        String writer = createAuthor(com.magazine.content.support.Api.unique("Asset Writer"));
        String other = createAuthor(com.magazine.content.support.Api.unique("Other Writer"));
        String writerKey = newKey("author", writer);
        String otherKey = newKey("author", other);
        String partnerKey = newKey("partner", null);
        com.magazine.content.support.Api.offContract().when().get("/api/v1/assets").then().statusCode(401);
        withKey(partnerKey).contentType("image/jpeg").body(TestImages.jpeg(400, 300, 9))
                .when().post("/api/v1/assets").then().statusCode(403);
        String id = withKey(writerKey).contentType("image/jpeg").body(TestImages.jpeg(400, 300, 10))
                .when().post("/api/v1/assets").then().statusCode(201).extract().path("id");
        withKey(partnerKey).when().get("/api/v1/assets/" + id).then().statusCode(200);
        withKey(otherKey).contentType("application/merge-patch+json").body(Map.of("alt", "Not mine"))
                .when().patch("/api/v1/assets/" + id).then().statusCode(403);
        withKey(writerKey).contentType("application/merge-patch+json").body(Map.of("alt", "Mine"))
                .when().patch("/api/v1/assets/" + id).then().statusCode(200).body("alt", equalTo("Mine"));
        withKey(writerKey).when().delete("/api/v1/assets/" + id).then().statusCode(403);
    }

    @Test
    void aDeletedAssetTakesItsFilesAndRenditionsWithItAndEveryChangeIsLogged() throws Exception {
        String since = ChangeFeedTest.tail(() -> asAdmin());
        byte[] bytes = TestImages.jpeg(900, 700, 11);
        Response created = upload(bytes, "image/jpeg");
        String id = created.path("id");
        String src = created.path("image.src");
        browser().when().get(src).then().statusCode(200);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("caption", "The quay"))
                .when().patch("/api/v1/assets/" + id).then().statusCode(200);
        asAdmin().when().delete("/api/v1/assets/" + id).then().statusCode(204);
        browser().when().get(src).then().statusCode(404);
        asAdmin().when().get("/api/v1/assets/" + id).then().statusCode(404);
        assertThat(Files.exists(media().resolve("originals/" + sha256(bytes)))).isFalse();
        assertThat(Files.exists(media().resolve("renditions/" + id))
                && Files.list(media().resolve("renditions/" + id)).findAny().isPresent()).isFalse();
        assertThat(ChangeFeedTest.changesAfter(() -> asAdmin(), since)).containsSubsequence(
                "asset:" + id + ":upsert:created", "asset:" + id + ":upsert:updated", "asset:" + id + ":delete:deleted");
    }

    static Path media() {
        return Path.of("target/test-media");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
