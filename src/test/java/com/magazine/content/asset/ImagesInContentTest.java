package com.magazine.content.asset;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createArticle;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Images in content: an article's lead image and image blocks, an author's avatar, as every read embeds them (JSON,
 * bodyHtml, feeds, JSON-LD), and what using an asset means for the asset (alt text before publishing, usedIn, no
 * deletion while used, rights expiry, purges).
 */
@QuarkusTest
class ImagesInContentTest {

    private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());
    private static final String API_URL = "http://localhost:8080"; // %test.content.site.api-url

    /** A new picture (new bytes, so a new asset), with the alt text given (none when null). */
    private static String asset(int width, int height, String alt) {
        var request = asAdmin().contentType("image/jpeg").body(TestImages.jpeg(width, height, SEEDS.incrementAndGet()));
        if (alt != null) {
            request = request.queryParam("alt", alt);
        }
        return request.queryParam("caption", "Boats at the quay").queryParam("credit", "Photo: Ilse Brandt")
                .when().post("/api/v1/assets").then().statusCode(201).extract().path("id");
    }

    /** An article whose lead image is {@code lead} (with this use's caption) and whose body shows {@code inBody}. */
    private static Map<String, Object> illustrated(String author, String lead, String inBody, String blockAlt) {
        Map<String, Object> body = article(unique("Illustrated"), author);
        body.put("image", Map.of("assetId", lead, "caption", "The quay at first light"));
        List<Object> blocks = new ArrayList<>((List<?>) body.get("body"));
        Map<String, Object> image = new HashMap<>();
        image.put("type", "image");
        image.put("assetId", inBody);
        image.put("layout", "wide");
        if (blockAlt != null) {
            image.put("alt", blockAlt);
        }
        blocks.add(1, image);
        body.put("body", blocks);
        return body;
    }

    @Test
    void anArticleEmbedsItsLeadImageAndImageBlocksReadyToRender() {
        String author = createAuthor(unique("Photographer"));
        String lead = asset(2000, 1500, "Fishing boats moored at dawn");
        String inBody = asset(1000, 800, "A net drying on a wall");
        String slug = publishedArticle(illustrated(author, lead, inBody, "Nets, as the fishermen leave them"));

        Response read = anonymous().when().get("/api/v1/articles/" + slug);
        read.then().statusCode(200)
                .body("image.assetId", equalTo(lead))
                .body("image.src", startsWith("/media/" + lead + "/"))
                .body("image.width", equalTo(1280)).body("image.height", equalTo(960))
                .body("image.srcset", containsString("1920w"))
                .body("image.alt", equalTo("Fishing boats moored at dawn"))
                .body("image.caption", equalTo("The quay at first light")) // this use's caption
                .body("image.credit", equalTo("Photo: Ilse Brandt"))
                .body("image.placeholder", startsWith("data:image/jpeg;base64,"))
                .body("image.crops.'16x9'.width", equalTo(1280))
                .body("image.crops.'1x1'.height", equalTo(1280))
                .body("body[1].type", equalTo("image"))
                .body("body[1].layout", equalTo("wide"))
                .body("body[1].alt", equalTo("Nets, as the fishermen leave them"))
                .body("body[1].image.alt", equalTo("Nets, as the fishermen leave them"))
                .body("body[1].image.caption", equalTo("Boats at the quay")) // the asset's: the block gave none
                .body("body[1].image.srcset", containsString("960w"));
        assertThat(read.header("Surrogate-Key")).contains("asset:" + lead).contains("asset:" + inBody);

        // the renditions the JSON names are served
        String src = read.path("image.src");
        AssetResourceTest.browser().when().get(src).then().statusCode(200).contentType("image/jpeg");

        // lists carry the lead image, in small renditions, unless fields= leaves it out
        anonymous().queryParam("author", author).when().get("/api/v1/articles").then().statusCode(200)
                .body("items[0].image.assetId", equalTo(lead))
                .body("items[0].image.width", equalTo(640))
                .body("items[0].image.srcset", containsString("640w"))
                .body("items[0].image.srcset", not(containsString("960w")));
        anonymous().queryParam("author", author).queryParam("fields", "slug,title").when().get("/api/v1/articles")
                .then().statusCode(200).body("items[0].image", nullValue()).body("items[0].slug", equalTo(slug));
    }

    @Test
    void bodyHtmlRendersAResponsiveFigure() {
        String author = createAuthor(unique("Figure Writer"));
        String lead = asset(1600, 900, "A lighthouse in fog");
        String inBody = asset(1200, 900, "Rope coiled on a deck");
        String slug = publishedArticle(illustrated(author, lead, inBody, null));
        String html = anonymous().queryParam("fields", "bodyHtml").when().get("/api/v1/articles/" + slug)
                .then().statusCode(200).extract().path("bodyHtml");
        assertThat(html).contains("<figure class=\"image-wide\">")
                .contains("<img src=\"" + API_URL + "/media/" + inBody + "/")
                .contains("srcset=\"" + API_URL + "/media/" + inBody + "/")
                .contains(" 960w\"")
                .contains("sizes=\"(min-width: 1240px) 1200px, 100vw\"")
                .contains("alt=\"Rope coiled on a deck\"")
                .contains("/960.jpg\"").contains("width=\"960\" height=\"720\"")
                .contains("loading=\"lazy\" decoding=\"async\"")
                .contains("<figcaption>Boats at the quay <small>Photo: Ilse Brandt</small></figcaption></figure>");
    }

    @Test
    void anUnknownAssetIsRefusedNamingTheField() {
        String author = createAuthor(unique("Careless"));
        String missing = "01936f2e-7c1a-7d3e-9b1a-3c5d7e9f1a2b";
        asAdmin().contentType(ContentType.JSON).body(illustrated(author, missing, missing, null))
                .when().post("/api/v1/articles")
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("image.assetId"))
                .body("violations.field", hasItem("body[1].assetId"));
        Map<String, Object> noId = article(unique("No id"), author);
        noId.put("image", Map.of("alt", "Something"));
        asAdmin().contentType(ContentType.JSON).body(noId).when().post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem("image.assetId"));
        Map<String, Object> input = Api.authorWithAvatar(unique("Faceless"), missing);
        asAdmin().contentType(ContentType.JSON).body(input).when().post("/api/v1/authors")
                .then().statusCode(422).body("violations.field", hasItem("avatar.assetId"));
    }

    @Test
    void publishingNeedsAltTextForEveryImageAndAUsedAssetKeepsIts() {
        String author = createAuthor(unique("Hasty"));
        String lead = asset(800, 600, null);
        String inBody = asset(800, 600, null);
        String slug = createArticle(illustrated(author, lead, inBody, null));
        asAdmin().contentType(ContentType.JSON).body("{}").when().post("/api/v1/articles/" + slug + "/publish")
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("image.alt"))
                .body("violations.field", hasItem("body[1].alt"));

        // the asset's alt text serves the lead image; the block gets one of its own
        asAdmin().contentType("application/merge-patch+json").body(Map.of("alt", "A gull on a post"))
                .when().patch("/api/v1/assets/" + lead).then().statusCode(200);
        Response draft = asAdmin().when().get("/api/v1/articles/" + slug);
        List<Map<String, Object>> blocks = draft.path("body");
        Map<String, Object> block = new HashMap<>(blocks.get(1));
        block.put("alt", "A crate of fish on ice");
        block.remove("image");
        List<Object> body = new ArrayList<>(blocks);
        body.set(1, block);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("body", body))
                .when().patch("/api/v1/articles/" + slug).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body("{}").when().post("/api/v1/articles/" + slug + "/publish")
                .then().statusCode(200);

        // the published article shows the lead image with its asset's alt text: that cannot be taken away now
        Map<String, Object> clear = new HashMap<>();
        clear.put("alt", null);
        asAdmin().contentType("application/merge-patch+json").body(clear).when().patch("/api/v1/assets/" + lead)
                .then().statusCode(422).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("alt"))
                .body("violations[0].message", containsString(slug));
        // the block's asset is shown with the block's own words: its asset's may go
        asAdmin().contentType("application/merge-patch+json").body(clear).when().patch("/api/v1/assets/" + inBody)
                .then().statusCode(200).body("alt", nullValue());
        // nor can an image without alt text be added to the published article
        asAdmin().contentType("application/merge-patch+json")
                .body(Map.of("image", Map.of("assetId", inBody)))
                .when().patch("/api/v1/articles/" + slug)
                .then().statusCode(422).body("violations.field", hasItem("image.alt"));
    }

    @Test
    void anAssetInUseSaysWhereAndCannotBeDeleted() {
        String picture = asset(900, 900, "A portrait in a doorway");
        Map<String, Object> input = Api.authorWithAvatar(unique("Pictured"), picture);
        String author = asAdmin().contentType(ContentType.JSON).body(input).when().post("/api/v1/authors")
                .then().statusCode(201)
                .body("avatar.assetId", equalTo(picture))
                .body("avatar.alt", equalTo("A portrait in a doorway"))
                .body("avatar.crops.'1x1'.width", equalTo(640)) // a byline's size
                .body("avatarUrl", equalTo(API_URL + "/media/" + picture + "/" + tagOf(picture) + "/1x1/320.jpg"))
                .extract().path("slug");
        String slug = publishedArticle(illustrated(author, picture, picture, null));
        asAdmin().when().get("/api/v1/assets/" + picture).then().statusCode(200)
                .body("usedIn", hasSize(2))
                .body("usedIn.kind", hasItem("article"))
                .body("usedIn.kind", hasItem("author"))
                .body("usedIn.slug", hasItem(slug))
                .body("usedIn.slug", hasItem(author));
        asAdmin().when().delete("/api/v1/assets/" + picture).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:asset-in-use"))
                .body("detail", containsString("article '" + slug + "'"))
                .body("detail", containsString("author '" + author + "'"));
        anonymous().when().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("authors[0].avatar.assetId", equalTo(picture))
                .body("authors[0].avatarUrl", startsWith(API_URL + "/media/" + picture));

        // once nothing shows it, it goes
        Map<String, Object> none = new HashMap<>();
        none.put("image", null);
        none.put("body", List.of(Map.of("type", "paragraph", "text", "Words only now.")));
        asAdmin().contentType("application/merge-patch+json").body(none).when().patch("/api/v1/articles/" + slug)
                .then().statusCode(200).body("image", nullValue());
        none.clear();
        none.put("avatar", null);
        asAdmin().contentType("application/merge-patch+json").body(none).when().patch("/api/v1/authors/" + author)
                .then().statusCode(200).body("avatar", nullValue());
        asAdmin().when().get("/api/v1/assets/" + picture).then().statusCode(200).body("usedIn", hasSize(0));
        asAdmin().when().delete("/api/v1/assets/" + picture).then().statusCode(204);
    }

    @Test
    void changingAnAssetsAltTextPurgesTheAnswersThatShowIt() {
        String author = createAuthor(unique("Cached Photographer"));
        String lead = asset(700, 500, "First words");
        String inBody = asset(700, 500, "Second words");
        String slug = publishedArticle(illustrated(author, lead, inBody, null));
        String page = "/api/v1/articles/" + slug;
        String list = "/api/v1/articles?author=" + author;
        anonymous().when().get(page);
        anonymous().when().get(list);
        anonymous().when().get(page).then().header("X-Cache", equalTo("hit"));
        anonymous().when().get(list).then().header("X-Cache", equalTo("hit"));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("alt", "Better words"))
                .when().patch("/api/v1/assets/" + lead).then().statusCode(200);
        anonymous().when().get(page).then().header("X-Cache", equalTo("miss")).body("image.alt", equalTo("Better words"));
        anonymous().when().get(list).then().header("X-Cache", equalTo("miss"))
                .body("items[0].image.alt", equalTo("Better words"));
    }

    @Test
    void anImageWhoseRightsExpiredLeavesEveryPublicAnswerAtThatInstant() throws InterruptedException {
        String author = createAuthor(unique("Licensed"));
        String lead = asset(800, 600, "Until the licence ends");
        String slug = publishedArticle(illustrated(author, lead, lead, null));
        Instant expiry = Instant.now().plusSeconds(3);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("rightsExpireAt", expiry.toString()))
                .when().patch("/api/v1/assets/" + lead).then().statusCode(200);
        String page = "/api/v1/articles/" + slug;
        Response before = anonymous().when().get(page);
        before.then().statusCode(200).body("image.assetId", equalTo(lead)).body("body[1].type", equalTo("image"));
        String src = before.path("image.src");
        anonymous().when().get(page).then().header("X-Cache", equalTo("hit"));

        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), expiry).toMillis() + 50));
        anonymous().when().get(page).then().statusCode(200)
                .header("X-Cache", equalTo("miss")) // no job purged it: the cache did not keep it past the instant
                .header("ETag", not(equalTo(before.header("ETag"))))
                .body("image", nullValue())
                .body("body.type", not(hasItem("image")));
        AssetResourceTest.browser().when().get(src).then().statusCode(410);
        anonymous().accept("application/feed+json").when().get("/feeds/authors/" + author + ".json").then().statusCode(200)
                .body("items[0].image", nullValue());
    }

    @Test
    void feedsCarryTheLeadImageAsEnclosureMediaRssAndJsonFeedImage() throws Exception {
        String author = createAuthor(unique("Syndicated Photographer"));
        String lead = asset(1600, 1200, "Crates stacked on a pier");
        publishedArticle(illustrated(author, lead, asset(600, 400, "Gulls"), null));
        String enclosure = API_URL + "/media/" + lead + "/" + tagOf(lead) + "/1280.jpg";

        String rss = anonymous().accept("application/rss+xml").when().get("/feeds/authors/" + author + ".rss").then().statusCode(200).extract().asString();
        SyndEntry item = parse(rss).getEntries().get(0);
        assertThat(item.getEnclosures()).hasSize(1);
        assertThat(item.getEnclosures().get(0).getUrl()).isEqualTo(enclosure);
        assertThat(item.getEnclosures().get(0).getType()).isEqualTo("image/jpeg");
        assertThat(rss).contains("<media:content xmlns:media=\"http://search.yahoo.com/mrss/\" url=\"" + enclosure
                        + "\" type=\"image/jpeg\" medium=\"image\" width=\"1280\" height=\"960\">")
                .contains("<media:title>Crates stacked on a pier</media:title>")
                .contains("<media:credit>Photo: Ilse Brandt</media:credit>");

        String atom = anonymous().accept("application/atom+xml").when().get("/feeds/authors/" + author + ".atom").then().statusCode(200).extract().asString();
        SyndEntry entry = parse(atom).getEntries().get(0);
        assertThat(entry.getEnclosures()).extracting(e -> e.getUrl()).containsExactly(enclosure);
        assertThat(atom).contains("rel=\"enclosure\"");

        anonymous().accept("application/feed+json").when().get("/feeds/authors/" + author + ".json").then().statusCode(200)
                .body("items[0].image", equalTo(enclosure));
    }

    @Test
    void jsonLdCarriesImageObjectsInThreeProportionsAndTheAuthorsPortrait() {
        String picture = asset(2400, 1800, "A harbour master at her desk");
        Map<String, Object> input = Api.authorWithAvatar(unique("Portrayed"), picture);
        String author = asAdmin().contentType(ContentType.JSON).body(input).when().post("/api/v1/authors")
                .then().statusCode(201).extract().path("slug");
        String slug = publishedArticle(illustrated(author, picture, picture, null));
        JsonPath ld = anonymous().accept("application/ld+json").when().get("/api/v1/articles/" + slug + "/json-ld")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> images = ld.getList("image");
        assertThat(images).hasSize(3);
        for (Map<String, Object> image : images) {
            assertThat(image.get("@type")).isEqualTo("ImageObject");
            assertThat((String) image.get("url")).startsWith(API_URL + "/media/" + picture + "/");
            assertThat((Integer) image.get("width")).isGreaterThanOrEqualTo(1200);
        }
        assertThat(images).extracting(image -> (String) image.get("url"))
                .anyMatch(url -> url.contains("/16x9/")).anyMatch(url -> url.contains("/4x3/"))
                .anyMatch(url -> url.contains("/1x1/"));
        assertThat(ld.getString("author[0].image")).startsWith(API_URL + "/media/" + picture + "/")
                .contains("/1x1/");
    }

    @Test
    void revisionsKeepTheLeadImageAndARestoreBringsItBack() {
        String author = createAuthor(unique("Reviser"));
        String lead = asset(640, 480, "Before");
        String slug = createArticle(illustrated(author, lead, lead, null));
        Map<String, Object> none = new HashMap<>();
        none.put("image", null);
        asAdmin().contentType("application/merge-patch+json").body(none).when().patch("/api/v1/articles/" + slug)
                .then().statusCode(200).body("image", nullValue());
        asAdmin().when().get("/api/v1/articles/" + slug + "/revisions").then().statusCode(200)
                .body("items[0].changes", hasItem("image"));
        asAdmin().contentType(ContentType.JSON).when().post("/api/v1/articles/" + slug + "/revisions/1/restore")
                .then().statusCode(200).body("image.assetId", equalTo(lead))
                .body("image.caption", equalTo("The quay at first light"));
    }

    /** The rendition tag of an asset, from its own read. */
    private static String tagOf(String asset) {
        String src = asAdmin().when().get("/api/v1/assets/" + asset).then().extract().path("image.src");
        return src.split("/")[3];
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    /** Inputs for authors with an avatar. */
    static final class Api {

        static Map<String, Object> authorWithAvatar(String name, String assetId) {
            Map<String, Object> input = new HashMap<>(com.magazine.content.support.Api.author(name));
            input.put("avatar", Map.of("assetId", assetId));
            return input;
        }
    }
}
