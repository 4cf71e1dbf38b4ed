package com.magazine.content.feed;

import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createArticle;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

@QuarkusTest
class FeedTest {

    String authorSlug;
    String authorName;
    String tag;
    String title;
    String slug;
    String quotation;

    /** An article whose title and body need escaping, citing a book, under a tag of its own. */
    @BeforeEach
    void publish() {
        authorName = "Zoë O'Hara & Sons " + unique("x").substring(2);
        authorSlug = createAuthor(authorName);
        tag = unique("Feeds & Flows");
        title = "Tariffs & \"Trade\" <Wars> — naïve? " + unique("x");
        quotation = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("text", "Ships & ports < storms.", "speaker", Map.of("name", "Ada Lindqvist"),
                        "source", Map.of("title", "Tide Tables", "kind", "book", "locator", "p. 12",
                                "url", "https://books.example.org/tide?a=1&b=2")))
                .when().post("/api/v1/quotations").then().statusCode(201).extract().path("id");
        Map<String, Object> body = new HashMap<>(article(title, authorSlug));
        body.put("tags", List.of(tag));
        body.put("excerpt", "Short & sweet — über.");
        body.put("body", List.of(Map.of("type", "paragraph", "text", "Cranes <em>idle</em> & gulls loud."),
                Map.of("type", "quote", "quotationId", quotation)));
        slug = publishedArticle(body);
        createArticle(new HashMap<>(Map.of("title", "Unpublished " + unique("x"), "authors", List.of(authorSlug),
                "tags", List.of(tag))));
    }

    @Test
    void rssParsesBackWithEverythingEscaped() throws Exception {
        for (String path : List.of("/feeds/articles.rss", "/feeds/authors/" + authorSlug + ".rss",
                "/feeds/tags/" + tag.toLowerCase().replace(" & ", "-and-") + ".rss")) {
            Response response = given().when().get(path)
                    .then().statusCode(200)
                    .contentType(containsString("application/rss+xml"))
                    .header("ETag", notNullValue())
                    .header("Last-Modified", notNullValue())
                    .extract().response();
            wellFormed(response.asByteArray());
            SyndFeed feed = parse(response.asString());
            assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
            SyndEntry entry = entryTitled(feed, title);
            assertThat(entry.getLink()).isEqualTo("https://magazine.example/" + slug);
            assertThat(entry.getUri()).startsWith("urn:uuid:");
            assertThat(entry.getPublishedDate()).isNotNull();
            assertThat(entry.getAuthors().isEmpty() ? entry.getAuthor() : entry.getAuthors().get(0).getName())
                    .isEqualTo(authorName);
            assertThat(entry.getCategories()).anyMatch(category -> category.getName().equals(tag));
            assertThat(entry.getDescription().getValue()).isEqualTo("Short & sweet — über.");
            assertThat(entry.getContents().get(0).getValue())
                    .contains("<p>Cranes <em>idle</em> &amp; gulls loud.</p>")
                    .contains("<blockquote cite=\"https://books.example.org/tide?a=1&amp;b=2\"><p>Ships &amp; ports "
                            + "&lt; storms.</p><footer><cite>Ada Lindqvist, Tide Tables, p. 12</cite></footer>"
                            + "</blockquote>");
            assertThat(feed.getEntries()).noneMatch(e -> e.getTitle().startsWith("Unpublished"));
            assertThat(response.asString()).containsPattern("<atom:link[^>]*rel=\"self\"[^>]*href=\"[^\"]*" + path);
        }
    }

    @Test
    void atomParsesBack() throws Exception {
        Response response = given().when().get("/feeds/authors/" + authorSlug + ".atom")
                .then().statusCode(200)
                .contentType(containsString("application/atom+xml"))
                .extract().response();
        wellFormed(response.asByteArray());
        SyndFeed feed = parse(response.asString());
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getLinks()).anyMatch(link -> "self".equals(link.getRel())
                && link.getHref().endsWith("/feeds/authors/" + authorSlug + ".atom"));
        SyndEntry entry = entryTitled(feed, title);
        assertThat(entry.getUri()).startsWith("urn:uuid:");
        assertThat(entry.getUpdatedDate()).isNotNull();
        assertThat(entry.getAuthors().get(0).getName()).isEqualTo(authorName);
        assertThat(entry.getContents().get(0).getValue()).contains("<cite>Ada Lindqvist, Tide Tables, p. 12</cite>");
    }

    @Test
    void jsonFeedParsesBack() throws Exception {
        Response response = given().when().get("/feeds/tags/" + tag.toLowerCase().replace(" & ", "-and-") + ".json")
                .then().statusCode(200)
                .contentType(containsString("application/feed+json"))
                .extract().response();
        JsonNode feed = new ObjectMapper().readTree(response.asByteArray());
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("feed_url").asText()).endsWith(".json");
        assertThat(feed.get("items")).hasSize(1);
        JsonNode item = feed.get("items").get(0);
        assertThat(item.get("title").asText()).isEqualTo(title);
        assertThat(item.get("url").asText()).isEqualTo("https://magazine.example/" + slug);
        assertThat(item.get("authors").get(0).get("name").asText()).isEqualTo(authorName);
        assertThat(item.get("content_html").asText()).contains("<cite>Ada Lindqvist, Tide Tables, p. 12</cite>");
        assertThat(item.get("date_published").asText()).endsWith("Z");
        assertThat(item.get("tags").get(0).asText()).isEqualTo(tag);
    }

    @Test
    void feedsAreConditionalAndUnknownOnes404() {
        String etag = given().when().get("/feeds/authors/" + authorSlug + ".atom").then().extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/feeds/authors/" + authorSlug + ".atom")
                .then().statusCode(304);
        given().header("If-None-Match", etag).when().get("/feeds/authors/" + authorSlug + ".rss")
                .then().statusCode(200);
        asAdmin().contentType("application/merge-patch+json").body("{\"subtitle\": \"changed\"}")
                .when().patch("/api/v1/articles/" + slug).then().statusCode(200);
        given().header("If-None-Match", etag).when().get("/feeds/authors/" + authorSlug + ".atom")
                .then().statusCode(200);
        given().when().get("/feeds/authors/no-such-author-here.rss").then().statusCode(404);
        given().when().get("/feeds/tags/no-such-tag-here.json").then().statusCode(404);
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    private static void wellFormed(byte[] xml) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml));
        assertThat(document.getDocumentElement()).isNotNull();
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("naïve");
    }

    private SyndEntry entryTitled(SyndFeed feed, String title) {
        return feed.getEntries().stream().filter(entry -> title.equals(entry.getTitle())).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled " + title + " in " + feed.getEntries().size()));
    }
}
