package com.magazine.content.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the tests say often: who calls, and valid bodies to start from. */
public final class Api {

    /** The bootstrap admin key of the test profile (content.admin-key). */
    public static final String ADMIN_KEY = "test-admin-key";
    public static final String PROBLEM_JSON = "application/problem+json";
    /** What a client of this API accepts: its JSON, and problem details when something goes wrong. */
    public static final String ACCEPT = "application/json, application/problem+json";

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return given().accept(ACCEPT);
    }

    public static RequestSpecification asAdmin() {
        return withKey(ADMIN_KEY);
    }

    public static RequestSpecification withKey(String key) {
        return given().accept(ACCEPT).header("Authorization", "Bearer " + key);
    }

    /** A request the contract forbids on purpose: only the response is checked against the document. */
    public static RequestSpecification offContract() {
        return given().filter(Contract.OFF_CONTRACT_REQUEST).accept(ACCEPT);
    }

    /** A request to the platform (/q/…) or a CORS preflight: outside the API document, so not validated by it. */
    public static RequestSpecification platform() {
        return given().filter(Contract.OUTSIDE_THE_API);
    }

    /**
     * A request the API still answers for older clients but no longer documents: {@code GET /api/v1/articles/{slug}}
     * with {@code Accept: application/ld+json} (documented as {@code getArticleJsonLd}, its own path, so that
     * {@code getArticle} has one typed representation). Neither request nor response is validated.
     */
    public static RequestSpecification undocumentedCompatibility() {
        return given().filter(Contract.OUTSIDE_THE_API);
    }

    public static RequestSpecification offContractAsAdmin() {
        return offContract().header("Authorization", "Bearer " + ADMIN_KEY);
    }

    /** A key of {@code role}, made through the API; {@code author} is the author slug of an author key. */
    public static String newKey(String role, String author) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "test " + role, "role", role));
        if (author != null) {
            body.put("author", author);
        }
        return asAdmin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/keys")
                .then().statusCode(201)
                .extract().path("secret");
    }

    public static String editorKey() {
        return newKey("editor", null);
    }

    /** A word no other test uses, to keep each test's data its own. */
    public static String unique(String word) {
        return word + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A complete, valid author body. */
    public static Map<String, Object> author(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("role", "Contributing Editor");
        body.put("bio", "Writes on cities, rivers and the people who govern them.");
        body.put("location", "Duluth, Minnesota");
        body.put("links", List.of(Map.of("label", "Website", "url", "https://writers.example.org/" + name.length())));
        body.put("publications", List.of("The Northern Review", "Harbor Quarterly"));
        body.put("avatarUrl", "https://images.example.org/a.jpg");
        return body;
    }

    /** A complete, valid article body (a draft) by these authors. */
    public static Map<String, Object> article(String title, String... authors) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("subtitle", "A subtitle for " + title);
        body.put("excerpt", "What the piece argues, in two lines.");
        body.put("authors", List.of(authors));
        body.put("tags", List.of("Diplomacy"));
        body.put("body", List.of(
                Map.of("type", "paragraph", "text", "Talks stalled again this week, and <em>nobody</em> was surprised."),
                Map.of("type", "heading", "level", 2, "text", "What pressure buys"),
                Map.of("type", "list", "ordered", false, "items", List.of("Sanctions", "Summits"))));
        return body;
    }

    /** Creates a draft article as admin and answers its slug. */
    public static String createArticle(Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/articles")
                .then().statusCode(201)
                .extract().path("slug");
    }

    /** Creates and publishes an article as admin and answers its slug. */
    public static String publishedArticle(Map<String, Object> body) {
        String slug = createArticle(body);
        asAdmin().contentType(ContentType.JSON).body("{}").when().post("/api/v1/articles/" + slug + "/publish")
                .then().statusCode(200);
        return slug;
    }

    /** Creates an author as admin and answers its slug. */
    public static String createAuthor(String name) {
        return asAdmin().contentType(ContentType.JSON).body(author(name))
                .when().post("/api/v1/authors")
                .then().statusCode(201)
                .extract().path("slug");
    }

    /** Where the change feed ends now: pass it to {@link #awaitAnnounced}. */
    public static String changeFeedEnd() {
        return com.magazine.content.feed.ChangeFeedTest.tail(() -> asAdmin());
    }

    /**
     * Waits (up to 5 s) until the change feed after {@code since} tells that the scheduled article {@code slug} went
     * public. Its announcement purges every public list: a test that leaves it pending would have it land in the
     * middle of the next test's assertions about what stays cached.
     */
    public static void awaitAnnounced(String slug, String since) throws InterruptedException {
        String id = asAdmin().when().get("/api/v1/articles/" + slug).then().statusCode(200).extract().path("id");
        awaitChange(Api::asAdmin, since, "article:" + id + ":upsert:published", 5);
    }

    /**
     * Waits (up to {@code seconds}) until the change feed after {@code since}, as {@code reader} reads it, holds
     * {@code change} (type:id:op:action); fails naming what it held instead.
     */
    public static void awaitChange(java.util.function.Supplier<RequestSpecification> reader, String since,
            String change, int seconds) throws InterruptedException {
        List<String> seen = List.of();
        for (int i = 0; i < seconds * 10; i++) {
            seen = com.magazine.content.feed.ChangeFeedTest.changesAfter(reader, since);
            if (seen.contains(change)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(change + " was not in the change feed within " + seconds + " s; it held " + seen);
    }
}
