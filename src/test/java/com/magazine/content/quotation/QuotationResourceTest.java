package com.magazine.content.quotation;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createArticle;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.editorKey;
import static com.magazine.content.support.Api.newKey;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.offContractAsAdmin;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuotationResourceTest {

    static final String QUOTATIONS = "/api/v1/quotations";

    /** A journalist's piece that reports an official's warning, as the seed page quotes one. */
    static Map<String, Object> journalistsPiece(String speaker) {
        return Map.of(
                "text", "As the envoy warned last week, the window for this rare chance at an agreement may not stay "
                        + "open for long.",
                "speaker", Map.of("name", speaker, "description", "staff writer"),
                "source", Map.of("title", "The Narrowing Window", "kind", "article", "publisher", "The Meridian",
                        "url", "https://meridian.example.org/narrowing-window", "date", "2019-11"));
    }

    /** A book with a page number, as the seed page quotes one. */
    static Map<String, Object> bookPassage(String speaker) {
        return Map.of(
                "text", "Much depends on whether each side will settle for limits short of its ideal.\n\n"
                        + "To insist on everything is to swim against the tide.",
                "speaker", Map.of("name", speaker),
                "source", Map.of("title", "Edge of the Abyss", "kind", "book", "locator", "p. 208", "date", "2018"));
    }

    static String create(Map<String, Object> quotation) {
        return asAdmin().contentType(ContentType.JSON).body(quotation)
                .when().post(QUOTATIONS)
                .then().statusCode(201)
                .extract().path("id");
    }

    static Map<String, Object> articleQuoting(String author, String... quotationIds) {
        Map<String, Object> body = new HashMap<>(article(unique("Quoting"), author));
        List<Object> blocks = new java.util.ArrayList<>();
        blocks.add(Map.of("type", "paragraph", "text", "An argument, then the words of others."));
        for (String id : quotationIds) {
            blocks.add(Map.of("type", "quote", "quotationId", id));
        }
        body.put("body", blocks);
        return body;
    }

    @Test
    void theSeedPagesTwoQuotationsAreCreatedEmbeddedListedAndRendered() {
        String journalist = unique("Ilse Baranek");
        String historian = unique("Oren Vasquez");
        String piece = create(journalistsPiece(journalist));
        String book = create(bookPassage(historian));

        asAdmin().when().get(QUOTATIONS + "/" + book)
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("attribution", equalTo(historian + ", Edge of the Abyss, p. 208"))
                .body("source.kind", equalTo("book"))
                .body("language", equalTo("en"))
                .body("url", nullValue())
                .body("usedIn", empty());

        String author = createAuthor(unique("Quoter"));
        String slug = publishedArticle(articleQuoting(author, piece, book));

        anonymous().when().get("/api/v1/articles/" + slug)
                .then().statusCode(200)
                .header("Surrogate-Key", containsString("quotation:" + piece))
                .body("body[1].type", equalTo("quote"))
                .body("body[1].quotationId", equalTo(piece))
                .body("body[1].quotation.attribution",
                        equalTo(journalist + ", The Narrowing Window, The Meridian"))
                .body("body[1].quotation.url", equalTo("https://meridian.example.org/narrowing-window"))
                .body("body[2].quotation.locator", equalTo("p. 208"))
                .body("body[2].quotation.speaker", equalTo(historian));

        anonymous().queryParam("fields", "bodyHtml").when().get("/api/v1/articles/" + slug)
                .then().statusCode(200)
                .body("bodyHtml", containsString("<blockquote cite=\"https://meridian.example.org/narrowing-window\">"
                        + "<p>As the envoy warned last week"))
                .body("bodyHtml", containsString("<p>Much depends on whether each side will settle for limits short "
                        + "of its ideal.</p><p>To insist on everything is to swim against the tide.</p><footer><cite>"
                        + historian + ", Edge of the Abyss, p. 208</cite></footer></blockquote>"));

        anonymous().when().get("/api/v1/articles/" + slug + "/quotations")
                .then().statusCode(200)
                .body("items.id", contains(piece, book));
        anonymous().queryParam("speaker", historian.toUpperCase()).when().get(QUOTATIONS)
                .then().statusCode(200)
                .body("items.id", contains(book))
                .body("items[0].usedIn.slug", contains(slug));
        anonymous().queryParam("article", slug).when().get(QUOTATIONS)
                .then().statusCode(200)
                .body("items.id", contains(book, piece));
        anonymous().queryParam("q", historian.toLowerCase()).when().get("/api/v1/speakers")
                .then().statusCode(200)
                .body("items.name", contains(historian))
                .body("items[0].quotationCount", equalTo(1));
    }

    @Test
    void aQuotationInUseCannotBeDeleted() {
        String id = create(bookPassage(unique("Kept Speaker")));
        String author = createAuthor(unique("Citer"));
        String slug = publishedArticle(articleQuoting(author, id));
        asAdmin().when().delete(QUOTATIONS + "/" + id)
                .then().statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:quotation-in-use"))
                .body("detail", containsString("'" + slug + "' (published)"));
        asAdmin().contentType("application/merge-patch+json")
                .body(Map.of("body", List.of(Map.of("type", "paragraph", "text", "No quotes now."))))
                .when().patch("/api/v1/articles/" + slug).then().statusCode(200);
        asAdmin().when().delete(QUOTATIONS + "/" + id).then().statusCode(204);
        anonymous().when().get(QUOTATIONS + "/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void draftsThatUseAQuotationAreShownToEditorsOnly() {
        String id = create(bookPassage(unique("Drafted Speaker")));
        String draft = createArticle(articleQuoting(createAuthor(unique("Drafty")), id));
        anonymous().when().get(QUOTATIONS + "/" + id).then().statusCode(200).body("usedIn", empty());
        withKey(editorKey()).when().get(QUOTATIONS + "/" + id)
                .then().statusCode(200)
                .body("usedIn.slug", contains(draft))
                .body("usedIn[0].status", equalTo("draft"));
    }

    @Test
    void wordsKnownThroughAnotherWorkAreAttributedSo() {
        Map<String, Object> body = Map.of(
                "text", "We will not wait forever.",
                "speaker", Map.of("name", "Dana Whitcombe", "description", "special envoy"),
                "via", Map.of("title", "The Narrowing Window", "kind", "article", "by", "Ilse Baranek",
                        "publisher", "The Meridian", "url", "https://meridian.example.org/narrowing-window"));
        asAdmin().contentType(ContentType.JSON).body(body)
                .when().post(QUOTATIONS)
                .then().statusCode(201)
                .header("Location", containsString(QUOTATIONS + "/"))
                .body("attribution", equalTo("Dana Whitcombe (quoted in The Narrowing Window by Ilse Baranek, "
                        + "The Meridian)"))
                .body("url", equalTo("https://meridian.example.org/narrowing-window"))
                .body("source", nullValue());
    }

    @Test
    void everyFieldIsPlainTextAndInvalidOnesAreNamed() {
        Map<String, Object> marked = new HashMap<>(bookPassage("<b>Bold</b> Speaker"));
        marked.put("text", "Words with <i>markup</i> &amp; <script>alert(1)</script>an entity.");
        asAdmin().contentType(ContentType.JSON).body(marked)
                .when().post(QUOTATIONS)
                .then().statusCode(201)
                .body("text", equalTo("Words with markup & an entity."))
                .body("speaker.name", equalTo("Bold Speaker"));

        Map<String, Object> scriptOnly = new HashMap<>(bookPassage("Someone"));
        scriptOnly.put("text", "<script>alert(1)</script>");
        asAdmin().contentType(ContentType.JSON).body(scriptOnly)
                .when().post(QUOTATIONS)
                .then().statusCode(422)
                .body("violations.field", contains("text"));

        Map<String, Object> invalid = new HashMap<>(bookPassage("Someone"));
        invalid.put("speaker", Map.of("description", "nameless"));
        invalid.put("source", Map.of("title", "A work", "url", "ftp://files.example.org/x", "kind", "pamphlet"));
        offContractAsAdmin().contentType(ContentType.JSON).body(invalid)
                .when().post(QUOTATIONS)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("source.kind"));
        invalid.put("source", Map.of("title", "A work", "url", "ftp://files.example.org/x"));
        invalid.put("language", "not a language");
        offContractAsAdmin().contentType(ContentType.JSON).body(invalid)
                .when().post(QUOTATIONS)
                .then().statusCode(400)
                .body("violations.field", hasItem("speaker.name"))
                .body("violations.field", hasItem("source.url"))
                .body("violations.field", hasItem("language"));

        Map<String, Object> unknownAuthor = new HashMap<>(bookPassage("Someone"));
        unknownAuthor.put("speaker", Map.of("name", "Someone", "author", "no-such-author-here"));
        asAdmin().contentType(ContentType.JSON).body(unknownAuthor)
                .when().post(QUOTATIONS)
                .then().statusCode(422)
                .body("violations.field", contains("speaker.author"));
    }

    @Test
    void aSpeakerWhoIsOneOfOurAuthorsLinksToThem() {
        String author = createAuthor(unique("Self Quoted"));
        String name = anonymous().when().get("/api/v1/authors/" + author).then().extract().path("name");
        Map<String, Object> body = new HashMap<>(bookPassage(name));
        body.put("speaker", Map.of("name", name, "author", author));
        String id = create(body);
        anonymous().when().get(QUOTATIONS + "/" + id).then().body("speaker.author", equalTo(author));
        anonymous().queryParam("q", name).when().get("/api/v1/speakers")
                .then().body("items[0].author", equalTo(author));
    }

    @Test
    void writesFollowRolesAndPreconditions() {
        offContract().contentType(ContentType.JSON).body(bookPassage("Anon")).when().post(QUOTATIONS)
                .then().statusCode(401).contentType(PROBLEM_JSON);
        withKey(newKey("partner", null)).contentType(ContentType.JSON).body(bookPassage("Partner"))
                .when().post(QUOTATIONS).then().statusCode(403);
        String authorKey = newKey("author", createAuthor(unique("Quote Author")));
        String id = withKey(authorKey).contentType(ContentType.JSON).body(bookPassage(unique("By Author")))
                .when().post(QUOTATIONS).then().statusCode(201).extract().path("id");
        withKey(authorKey).when().delete(QUOTATIONS + "/" + id).then().statusCode(403).contentType(PROBLEM_JSON);

        String etag = anonymous().when().get(QUOTATIONS + "/" + id).then().extract().header("ETag");
        anonymous().header("If-None-Match", etag).when().get(QUOTATIONS + "/" + id).then().statusCode(304);
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"note\": \"Checked against the second edition.\"}")
                .when().patch(QUOTATIONS + "/" + id)
                .then().statusCode(200)
                .body("note", equalTo("Checked against the second edition."))
                .body("version", equalTo(1));
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(bookPassage("Stale"))
                .when().put(QUOTATIONS + "/" + id)
                .then().statusCode(412);
        asAdmin().when().get(QUOTATIONS + "/01937c1e-6d3a-7cc2-9a43-2c1f0e6b7d11").then().statusCode(404);
    }

    @Test
    void anAuthorKeyMayNotChangeAQuotationThatAnotherAuthorsArticleEmbeds() {
        String mine = createAuthor(unique("Quote Owner"));
        String theirs = createAuthor(unique("Other Writer"));
        String key = newKey("author", mine);
        String id = withKey(key).contentType(ContentType.JSON).body(bookPassage(unique("Shared Speaker")))
                .when().post(QUOTATIONS).then().statusCode(201).extract().path("id");
        publishedArticle(articleQuoting(mine, id));
        withKey(key).contentType("application/merge-patch+json").body("{\"note\": \"Mine to fix.\"}")
                .when().patch(QUOTATIONS + "/" + id).then().statusCode(200);

        String slug = publishedArticle(articleQuoting(theirs, id));
        withKey(key).contentType("application/merge-patch+json").body("{\"text\": \"Words nobody said.\"}")
                .when().patch(QUOTATIONS + "/" + id)
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:forbidden"))
                .body("detail", containsString("another author"));
        withKey(key).contentType(ContentType.JSON).body(bookPassage("Someone Else"))
                .when().put(QUOTATIONS + "/" + id).then().statusCode(403).contentType(PROBLEM_JSON);
        withKey(key).when().delete(QUOTATIONS + "/" + id).then().statusCode(403).contentType(PROBLEM_JSON);
        anonymous().when().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("body[1].quotation.text", containsString("Much depends"));
        withKey(editorKey()).contentType("application/merge-patch+json").body("{\"note\": \"Editors may.\"}")
                .when().patch(QUOTATIONS + "/" + id).then().statusCode(200);
    }

    @Test
    void attributingAQuotationToOneOfOurAuthorsNeedsThatAuthorsOrAnEditorsKey() {
        String mine = createAuthor(unique("Attributing Writer"));
        String theirs = createAuthor(unique("Attributed Writer"));
        String key = newKey("author", mine);
        Map<String, Object> toThem = new HashMap<>(bookPassage("Attributed Writer"));
        toThem.put("speaker", Map.of("name", "Attributed Writer", "author", theirs));
        withKey(key).contentType(ContentType.JSON).body(toThem)
                .when().post(QUOTATIONS)
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:content-api:problem:forbidden"));
        Map<String, Object> toMe = new HashMap<>(bookPassage("Attributing Writer"));
        toMe.put("speaker", Map.of("name", "Attributing Writer", "author", mine));
        String own = withKey(key).contentType(ContentType.JSON).body(toMe)
                .when().post(QUOTATIONS).then().statusCode(201).extract().path("id");
        withKey(key).contentType("application/merge-patch+json")
                .body(Map.of("speaker", Map.of("name", "Attributed Writer", "author", theirs)))
                .when().patch(QUOTATIONS + "/" + own).then().statusCode(403).contentType(PROBLEM_JSON);

        String theirsQuoted = withKey(newKey("author", theirs)).contentType(ContentType.JSON).body(toThem)
                .when().post(QUOTATIONS).then().statusCode(201).extract().path("id");
        withKey(key).contentType("application/merge-patch+json").body(Map.of("note", "Rewritten by another."))
                .when().patch(QUOTATIONS + "/" + theirsQuoted).then().statusCode(403).contentType(PROBLEM_JSON);
        withKey(editorKey()).contentType(ContentType.JSON).body(toThem)
                .when().post(QUOTATIONS).then().statusCode(201);
    }

    @Test
    void changingAQuotationChangesTheArticlesThatEmbedIt() {
        String id = create(bookPassage(unique("Revised Speaker")));
        String slug = publishedArticle(articleQuoting(createAuthor(unique("Embedder")), id));
        String etag = anonymous().when().get("/api/v1/articles/" + slug).then().extract().header("ETag");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("source", Map.of("title", "Edge of the "
                + "Abyss", "kind", "book", "locator", "p. 209")))
                .when().patch(QUOTATIONS + "/" + id).then().statusCode(200);
        anonymous().header("If-None-Match", etag).when().get("/api/v1/articles/" + slug)
                .then().statusCode(200)
                .body("body[1].quotation.locator", equalTo("p. 209"));
    }

    @Test
    void listsPageAndFilter() {
        String speaker = unique("Paged Speaker");
        String first = create(bookPassage(speaker));
        String second = create(journalistsPiece(speaker));
        Response page = anonymous().queryParam("speaker", speaker).queryParam("limit", 1).when().get(QUOTATIONS)
                .then().statusCode(200)
                .header("Link", containsString("rel=\"next\""))
                .body("items.id", contains(second))
                .extract().response();
        anonymous().queryParam("speaker", speaker).queryParam("limit", 1).queryParam("cursor", page.<String>path("next"))
                .when().get(QUOTATIONS)
                .then().body("items.id", contains(first)).body("next", nullValue());
        anonymous().queryParam("speaker", speaker).queryParam("kind", "book").when().get(QUOTATIONS)
                .then().body("items.id", contains(first));
        anonymous().queryParam("source", "the narrowing window").queryParam("speaker", speaker).when().get(QUOTATIONS)
                .then().body("items.id", contains(second));
        anonymous().queryParam("q", "\"swim against the tide\"").queryParam("speaker", speaker).when().get(QUOTATIONS)
                .then().body("items.id", contains(first));
        anonymous().queryParam("q", speaker + " meridian").when().get(QUOTATIONS)
                .then().body("items.id", contains(second));
        anonymous().queryParam("article", "no-such-article-here").when().get(QUOTATIONS)
                .then().statusCode(200).body("items", empty());
        offContract().queryParam("kind", "pamphlet").when().get(QUOTATIONS)
                .then().statusCode(400).body("violations[0].field", equalTo("kind"));
        anonymous().when().get("/api/v1/articles/no-such-article-here/quotations").then().statusCode(404);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anArticleRenamedAnswers301ForItsQuotations() {
        String id = create(bookPassage(unique("Moved Speaker")));
        String slug = publishedArticle(articleQuoting(createAuthor(unique("Mover")), id));
        String renamed = unique("moved-article");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("slug", renamed))
                .when().patch("/api/v1/articles/" + slug).then().statusCode(200);
        anonymous().redirects().follow(false).when().get("/api/v1/articles/" + slug + "/quotations")
                .then().statusCode(301)
                .header("Location", endsWith("/api/v1/articles/" + renamed + "/quotations"));
    }
}
