package com.magazine.content.feed;

import static com.magazine.content.support.Api.undocumentedCompatibility;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createArticle;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@QuarkusTest
class SitemapAndJsonLdTest {

    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    @Test
    void theSitemapListsPublishedArticlesAndAuthorsWithLastmod() throws Exception {
        String author = createAuthor(unique("Mapped"));
        String published = publishedArticle(article(unique("On The Map"), author));
        String draft = createArticle(article(unique("Off The Map"), author));
        Document sitemap = xml(given().when().get("/sitemap.xml")
                .then().statusCode(200).contentType(containsString("application/xml"))
                .extract().asByteArray());
        assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP);
        List<String> locations = texts(sitemap, SITEMAP, "loc");
        assertThat(locations).contains("https://magazine.example/" + published,
                "https://magazine.example/authors/" + author);
        assertThat(locations).doesNotContain("https://magazine.example/" + draft);
        assertThat(texts(sitemap, SITEMAP, "lastmod")).allMatch(lastmod -> lastmod.endsWith("Z"));

        String month = YearMonth.now(ZoneOffset.UTC).toString();
        Document monthly = xml(given().when().get("/sitemaps/articles-" + month + ".xml")
                .then().statusCode(200).extract().asByteArray());
        assertThat(texts(monthly, SITEMAP, "loc")).contains("https://magazine.example/" + published);
        assertThat(texts(xml(given().when().get("/sitemaps/authors.xml").then().statusCode(200).extract()
                .asByteArray()), SITEMAP, "loc")).contains("https://magazine.example/authors/" + author);
        given().when().get("/sitemaps/articles-last-year.xml").then().statusCode(404);
    }

    @Test
    void theNewsSitemapHasTheLastTwoDays() throws Exception {
        String title = "Harbor & Tide <News> " + unique("x");
        String slug = publishedArticle(article(title, createAuthor(unique("Newsy"))));
        String old = createArticle(article(unique("Yesterday's Papers"), createAuthor(unique("Old Hand"))));
        asAdmin().contentType(ContentType.JSON).body(Map.of("at", "2020-01-01T00:00:00Z"))
                .when().post("/api/v1/articles/" + old + "/publish").then().statusCode(200);
        Document news = xml(given().when().get("/sitemaps/news.xml").then().statusCode(200).extract().asByteArray());
        assertThat(texts(news, SITEMAP, "loc")).contains("https://magazine.example/" + slug)
                .doesNotContain("https://magazine.example/" + old);
        assertThat(texts(news, NEWS, "title")).contains(title);
        assertThat(texts(news, NEWS, "name")).contains("The Magazine");
    }

    @Test
    void anArticleIsNewsArticleJsonLdOnRequest() {
        String author = createAuthor(unique("Structured"));
        String quotation = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("text", "Harbors outlive empires.", "speaker", Map.of("name", "Ada Lindqvist"),
                        "source", Map.of("title", "Tide Tables", "kind", "book", "locator", "p. 12")))
                .when().post("/api/v1/quotations").then().statusCode(201).extract().path("id");
        Map<String, Object> body = new HashMap<>(article(unique("Structured Data"), author));
        body.put("body", List.of(Map.of("type", "paragraph", "text", "Text."),
                Map.of("type", "quote", "quotationId", quotation)));
        String slug = publishedArticle(body);
        String title = (String) body.get("title");
        String authorName = anonymous().when().get("/api/v1/authors/" + author).then().extract().path("name");
        // the old way to ask, by content negotiation on the article's URL, still answers the same
        undocumentedCompatibility().accept("application/ld+json").when().get("/api/v1/articles/" + slug)
                .then().statusCode(200)
                .contentType(containsString("application/ld+json"))
                .header("Vary", containsString("Accept"))
                .body("'@type'", equalTo("NewsArticle"));
        given().accept("application/ld+json").when().get("/api/v1/articles/" + slug + "/json-ld")
                .then().statusCode(200)
                .contentType(containsString("application/ld+json"))
                .body("'@context'", equalTo("https://schema.org"))
                .body("'@type'", equalTo("NewsArticle"))
                .body("url", equalTo("https://magazine.example/" + slug))
                .body("author[0].'@type'", equalTo("Person"))
                .body("author[0].url", equalTo("https://magazine.example/authors/" + author))
                .body("author[0].jobTitle", equalTo("Contributing Editor"))
                .body("publisher.name", equalTo("The Magazine"))
                .body("keywords", hasItem("Diplomacy"))
                .body("citation[0].'@type'", equalTo("Quotation"))
                .body("citation[0].text", equalTo("Harbors outlive empires."))
                .body("citation[0].creator.name", equalTo("Ada Lindqvist"))
                .body("citation[0].isPartOf.'@type'", equalTo("Book"))
                .body("citation[0].citation", equalTo("Ada Lindqvist, Tide Tables, p. 12"))
                // the page's breadcrumb: Home / the author / the title
                .body("mainEntityOfPage.'@type'", equalTo("WebPage"))
                .body("mainEntityOfPage.breadcrumb.'@type'", equalTo("BreadcrumbList"))
                .body("mainEntityOfPage.breadcrumb.itemListElement.position", contains(1, 2, 3))
                .body("mainEntityOfPage.breadcrumb.itemListElement[1].item",
                        equalTo("https://magazine.example/authors/" + author))
                .body("mainEntityOfPage.breadcrumb.itemListElement[2].item",
                        equalTo("https://magazine.example/" + slug));
        anonymous().when().get("/api/v1/articles/" + slug)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Vary", containsString("Accept"))
                .body("breadcrumb.name", contains("The Magazine", authorName, title))
                .body("breadcrumb[0].url", equalTo("https://magazine.example"))
                .body("breadcrumb[2].url", equalTo("https://magazine.example/" + slug));
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static List<String> texts(Document document, String namespace, String name) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(((Element) nodes.item(i)).getTextContent());
        }
        return texts;
    }
}
