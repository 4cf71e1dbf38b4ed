package com.magazine.content.common;

import static com.magazine.content.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.magazine.content.common.events.ChangeLog;
import com.magazine.content.common.http.ResponseCache;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The response cache and the {@code Surrogate-Key} headers cannot serve a stale answer, whatever is written: a seeded
 * random walk of every kind of write, each followed by anonymous reads of every cacheable route, each compared with
 * the same request answered afresh ({@code Cache-Control: no-cache} bypasses the cache). A second cache, filled from
 * the same answers and purged only from the change log (as another instance's is), is held to the same rule.
 *
 * <p>The routes read are those of the OpenAPI document: a cacheable GET that the walk does not know fails the test, so
 * a new route cannot be left out. Run longer with {@code -Dwalk.steps=2000 -Dwalk.seconds=900}; replay a failure with
 * the {@code -Dwalk.seed} it prints.
 */
@QuarkusTest
class CacheCoherenceWalkTest {

    private static final long SEED = Long.getLong("walk.seed", System.nanoTime());
    private static final int STEPS = Integer.getInteger("walk.steps", 200);
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("walk.seconds", 90));
    /** Fewer steps than this in the budget means the machine is far too slow for the walk to prove anything. */
    private static final int FEWEST_STEPS = Integer.getInteger("walk.fewest-steps", 20);
    /** How long another instance may take to see a change: its poll interval and the log's frontier, with room. */
    private static final Duration CONVERGENCE = Duration.ofSeconds(3);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ChangeLog log;

    @Inject
    AgroalDataSource database;

    private final Random random = new Random(SEED);
    private final String run = Long.toHexString(SEED & 0xfffffL);
    private final World world = new World();
    private final List<String> mismatches = new ArrayList<>();
    private final Set<String> routesRead = new TreeSet<>();
    private String step = "start";

    // ------------------------------------------------------------------------------------------------ the walk

    @Test
    void noCachedAnswerEverDiffersFromAFreshOne() throws Exception {
        Map<String, Function<World, List<Read>>> routes = routes();
        Set<String> documented = cacheableOperations();
        assertThat(routes.keySet())
                .as("every cacheable GET of openapi/openapi.yaml is read by the walk (add the new ones to routes())")
                .containsAll(documented);

        Remote remote = new Remote(log.end());
        seed();
        Instant deadline = Instant.now().plus(BUDGET);
        int steps = 0;
        long slowestConvergence = 0;
        for (; steps < STEPS && Instant.now().isBefore(deadline) && mismatches.size() < 10; steps++) {
            world.steps = steps;
            List<Read> reads = new ArrayList<>();
            routes.forEach((route, reading) -> reading.apply(world).forEach(reads::add));
            // what a reader would have had cached before the write (the reads of the last step are there already)
            reads.stream().filter(read -> !primed.contains(read.toString())).forEach(read -> read.send(false));
            primed.clear();
            reads.forEach(read -> primed.add(read.toString()));
            step = "step " + steps + ": " + write() + " (done " + Instant.now() + ")";
            history.add(step);
            if (history.size() > 4) {
                history.remove(0);
            }
            long started = System.nanoTime();
            remote.catchUp(latestSeq());
            slowestConvergence = Math.max(slowestConvergence, (System.nanoTime() - started) / 1_000_000);
            for (Read read : reads) {
                compare(read, remote);
            }
        }
        // what the walk scheduled goes public, and is announced, before the next test class runs: its purges would
        // otherwise land in the middle of that class's assertions about what stays cached
        Instant lastDue = world.scheduled.stream().max(Instant::compareTo).orElse(Instant.EPOCH).plusSeconds(3);
        while (Instant.now().isBefore(lastDue)) {
            Thread.sleep(100);
        }
        System.out.printf("Cache coherence walk: seed %d, %d steps, %d reads of %d routes, other instance caught up "
                + "within %d ms at worst%n", SEED, steps, reads, routesRead.size(), slowestConvergence);
        timings.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(t -> System.out.printf("  %8d ms in %s%n", t.getValue() / 1000, t.getKey()));
        assertThat(mismatches).as("stale answers (replay with -Dwalk.seed=%d)", SEED).isEmpty();
        assertThat(steps).as("steps walked in %s", BUDGET).isGreaterThanOrEqualTo(Math.min(STEPS, FEWEST_STEPS));
        assertThat(slowestConvergence).isLessThan(CONVERGENCE.toMillis());
    }

    private int reads;
    private final Set<String> primed = new HashSet<>();
    private final List<String> history = new ArrayList<>();
    /** Microseconds spent per route and kind of read, to tell what makes the walk slow. */
    private final Map<String, Long> timings = new HashMap<>();

    /** The cached answer (a hit, if the cache has it) against a fresh one; then the other instance's copy. */
    private void compare(Read read, Remote remote) throws Exception {
        reads++;
        Answer cached = read.send(false);
        Answer fresh = read.send(true);
        if (!cached.sameAs(fresh)) {
            // something may have become due between the two reads (a scheduled article): one more pair decides
            cached = read.send(false);
            fresh = read.send(true);
            if (!cached.sameAs(fresh)) {
                mismatches.add(step + "\n  GET " + read + "\n  cached: " + cached + "\n  fresh:  " + fresh
                        + "\n  scheduled: " + world.scheduled + "\n  before: " + history);
            }
        }
        if (fresh.status() == 200 && fresh.keys().isEmpty()) {
            mismatches.add(step + "\n  GET " + read + " answered 200 without a Surrogate-Key");
        }
        Answer kept = remote.get(read.toString());
        if (kept != null && !kept.sameAs(fresh)) {
            // a job may have logged a change since the other instance caught up with the write (a scheduled article
            // announced when it came due): it catches up as it would by polling, then must have dropped the answer
            remote.catchUp(latestSeq());
            kept = remote.get(read.toString());
            Answer again = read.send(true);
            if (kept != null && !kept.sameAs(again)) {
                mismatches.add(step + "\n  other instance, GET " + read + "\n  kept:  " + kept + "\n  fresh: " + again
                        + "\n  first difference: " + difference(kept.body(), again.body())
                        + "\n  log read since: " + remote.read + "\n  scheduled: " + world.scheduled
                        + "\n  before: " + history);
            }
        }
        remote.put(read.toString(), fresh);
    }

    /** Where two bodies part, with a little of each around it. */
    private static String difference(String a, String b) {
        int at = 0;
        while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 120);
        return "at " + at + ": kept …" + a.substring(from, Math.min(a.length(), at + 120)) + "… fresh …"
                + b.substring(from, Math.min(b.length(), at + 120)) + "…";
    }

    // ------------------------------------------------------------------------------------------------ the routes

    /** Every cacheable GET of the document, as "path [media type]": public, and not in the never-cached list. */
    private static Set<String> cacheableOperations() throws Exception {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
        Set<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode() || ResponseCache.NEVER_CACHED.stream().anyMatch(path.getKey()::startsWith)) {
                return;
            }
            JsonNode security = get.path("security");
            boolean anonymous = security.isMissingNode() || security.isEmpty()
                    || Arrays.stream(JSON.convertValue(security, Map[].class)).anyMatch(Map::isEmpty);
            if (anonymous) {
                get.path("responses").path("200").path("content").fieldNames()
                        .forEachRemaining(type -> operations.add(path.getKey() + " [" + type + "]"));
            }
        });
        return operations;
    }

    /** How the walk reads each cacheable route, given what exists now. */
    private Map<String, Function<World, List<Read>>> routes() {
        Map<String, Function<World, List<Read>>> routes = new LinkedHashMap<>();
        String json = "application/json";
        routes.put("/api/v1/articles [application/json]", w -> reads(json, "/api/v1/articles",
                "/api/v1/articles?author=" + w.authorSlugs().get(0),
                "/api/v1/articles?author=nobody-" + run, "/api/v1/articles?tag=" + w.tagSlug(0),
                "/api/v1/articles?q=" + w.word, "/api/v1/articles?sort=title&limit=4&tag=" + w.tagSlug(1),
                "/api/v1/articles?fields=slug,title,commentCount,authors.name,body&limit=5",
                "/api/v1/articles?tag=" + w.tagSlug(0) + "|" + w.tagSlug(1) + "&fields=slug,tags,contributors",
                "/api/v1/articles?tag=-" + w.tagSlug(0) + "&limit=5",
                "/api/v1/articles?contributor=" + w.authorSlugs().get(0) + "&fields=slug,contributors"));
        routes.put("/api/v1/articles/{slug} [application/json]", w -> reads(json,
                w.articleSlugs().stream().map(slug -> "/api/v1/articles/" + slug).toArray(String[]::new)));
        routes.put("/api/v1/articles/{slug}/json-ld [application/ld+json]", w -> reads("application/ld+json",
                w.fewArticleSlugs().stream().map(slug -> "/api/v1/articles/" + slug + "/json-ld")
                        .toArray(String[]::new)));
        for (String part : List.of("comments", "quotations", "related")) {
            routes.put("/api/v1/articles/{slug}/" + part + " [application/json]", w -> reads(json,
                    w.fewArticleSlugs().stream().map(s -> "/api/v1/articles/" + s + "/" + part)
                            .toArray(String[]::new)));
        }
        routes.put("/api/v1/authors [application/json]", w -> reads(json, "/api/v1/authors",
                "/api/v1/authors?limit=2"));
        routes.put("/api/v1/authors/{slug} [application/json]", w -> reads(json,
                w.authorSlugs().stream().map(s -> "/api/v1/authors/" + s).toArray(String[]::new)));
        routes.put("/api/v1/authors/{slug}/articles [application/json]", w -> reads(json,
                w.authorSlugs().stream().limit(2).map(s -> "/api/v1/authors/" + s + "/articles")
                        .toArray(String[]::new)));
        routes.put("/api/v1/quotations [application/json]", w -> reads(json, "/api/v1/quotations",
                "/api/v1/quotations?speaker=" + w.speaker, "/api/v1/quotations?article=" + w.articleSlugs().get(0),
                "/api/v1/quotations?q=" + w.word));
        routes.put("/api/v1/quotations/{id} [application/json]", w -> reads(json,
                w.quotationIds().stream().map(id -> "/api/v1/quotations/" + id).toArray(String[]::new)));
        routes.put("/api/v1/speakers [application/json]", w -> reads(json, "/api/v1/speakers",
                "/api/v1/speakers?q=" + w.speaker));
        routes.put("/api/v1/tags [application/json]", w -> reads(json, "/api/v1/tags?limit=100",
                "/api/v1/tags?type=series"));
        routes.put("/api/v1/redirects [application/json]", w -> reads(json, w.sample(w.legacyPaths, List.of(), 3)
                .stream().map(path -> "/api/v1/redirects?path=" + path).toArray(String[]::new)));
        routes.put("/api/v1/tags/{slug} [application/json]", w -> reads(json, "/api/v1/tags/" + w.tagSlug(0),
                "/api/v1/tags/" + w.tagSlug(1)));
        Map<String, String> feeds = Map.of("rss", "application/rss+xml", "atom", "application/atom+xml",
                "json", "application/feed+json");
        feeds.forEach((format, type) -> {
            routes.put("/feeds/articles." + format + " [" + type + "]", w -> reads(type,
                    "/feeds/articles." + format));
            routes.put("/feeds/authors/{slug}." + format + " [" + type + "]", w -> reads(type,
                    w.authorSlugs().stream().skip(w.turn() % 2).limit(1).map(s -> "/feeds/authors/" + s + "." + format)
                            .toArray(String[]::new)));
            routes.put("/feeds/tags/{slug}." + format + " [" + type + "]", w -> reads(type,
                    "/feeds/tags/" + w.tagSlug(w.turn() % 2) + "." + format));
        });
        String xml = "application/xml";
        routes.put("/sitemap.xml [application/xml]", w -> reads(xml, "/sitemap.xml"));
        routes.put("/sitemaps/authors.xml [application/xml]", w -> reads(xml, "/sitemaps/authors.xml"));
        routes.put("/sitemaps/news.xml [application/xml]", w -> reads(xml, "/sitemaps/news.xml"));
        routes.put("/sitemaps/articles-{month}.xml [application/xml]", w -> reads(xml,
                "/sitemaps/articles-" + YearMonth.now(ZoneOffset.UTC) + ".xml"));
        return routes;
    }

    private List<Read> reads(String accept, String... paths) {
        List<Read> reads = new ArrayList<>();
        for (String path : new LinkedHashSet<>(List.of(paths))) {
            reads.add(new Read(path, accept));
        }
        return reads;
    }

    /** One anonymous GET of a path with an {@code Accept}, redirects not followed. */
    private final class Read {

        final String path;
        final String accept;

        Read(String path, String accept) {
            this.path = path;
            this.accept = accept;
        }

        Answer send(boolean fresh) {
            routesRead.add(path.replaceAll("\\?.*", "") + " " + accept);
            RequestSpecification request = RestAssured.given().redirects().follow(false).accept(accept + ", application/problem+json");
            if (fresh) {
                request.header("Cache-Control", "no-cache");
            }
            long started = System.nanoTime();
            Response response = request.when().get(path);
            timings.merge(path.replaceAll("\\?.*", "") + (fresh ? " fresh" : " cached"),
                    (System.nanoTime() - started) / 1_000, Long::sum);
            return Answer.of(response);
        }

        @Override
        public String toString() {
            return path + " (" + accept + ")";
        }
    }

    /** What a read answered, as far as a reader can tell answers apart. */
    record Answer(int status, String contentType, String etag, String lastModified, String location, String link,
            Set<String> keys, String body, String cache, Instant at) {

        static Answer of(Response response) {
            String keys = response.header("Surrogate-Key");
            return new Answer(response.statusCode(), response.contentType(), response.header("ETag"),
                    response.header("Last-Modified"), response.header("Location"), response.header("Link"),
                    keys == null ? Set.of() : new TreeSet<>(List.of(keys.split(" "))),
                    response.statusCode() >= 400 ? "" : response.asString(), response.header("X-Cache"),
                    Instant.now());
        }

        boolean sameAs(Answer other) {
            return status == other.status && java.util.Objects.equals(contentType, other.contentType)
                    && java.util.Objects.equals(etag, other.etag)
                    && java.util.Objects.equals(lastModified, other.lastModified)
                    && java.util.Objects.equals(location, other.location)
                    && java.util.Objects.equals(link, other.link) && keys.equals(other.keys) && body.equals(other.body);
        }

        @Override
        public String toString() {
            return status + " " + etag + " (" + cache + " at " + at + ") keys=" + keys + " " + (body.length() > 300 ? body.substring(0, 300) + "…"
                    : body);
        }
    }

    // ------------------------------------------------------------------------------------------------ the writes

    /** Makes a first few of everything, so that every route has something to show. */
    private void seed() {
        createAsset();
        createAsset();
        for (int i = 0; i < 3; i++) {
            createAuthor();
        }
        createQuotation();
        createQuotation();
        for (int i = 0; i < 4; i++) {
            String slug = createArticle();
            publish(slug, null);
        }
        postComment();
        postComment();
    }

    /** One write, chosen at random: answers what it did. */
    private String write() {
        int choice = random.nextInt(100);
        String article = world.someArticleSlug();
        if (choice < 8) {
            return "create article " + createArticle();
        } else if (choice < 14) {
            return "publish now " + article + " -> " + publish(article, null);
        } else if (choice < 17) {
            Instant at = Instant.now().plusMillis(1500);
            world.scheduled.add(at);
            return "schedule " + article + " -> " + publish(article, at);
        } else if (choice < 21) {
            return "unpublish " + article + " -> " + admin().post("/api/v1/articles/" + article + "/unpublish")
                    .statusCode();
        } else if (choice < 24) {
            return "archive " + article + " -> " + admin().post("/api/v1/articles/" + article + "/archive")
                    .statusCode();
        } else if (choice < 27) {
            int status = admin().delete("/api/v1/articles/" + article).statusCode();
            if (status == 204) {
                world.articles.remove(article);
                world.goneArticles.add(article);
                if (world.articles.isEmpty()) {
                    createArticle();
                }
            }
            return "delete article " + article + " -> " + status;
        } else if (choice < 33) {
            String renamed = "walk-" + run + "-" + random.nextInt(1_000_000);
            int status = patch("/api/v1/articles/" + article, Map.of("slug", renamed));
            if (status == 200) {
                world.articles.remove(article);
                world.goneArticles.add(article);
                world.articles.add(renamed);
            }
            return "rename article " + article + " to " + renamed + " -> " + status;
        } else if (choice < 39) {
            return "merge-patch article " + article + " -> " + patch("/api/v1/articles/" + article,
                    Map.of("title", title(), "tags", tags(), "commentsOpen", true));
        } else if (choice < 41) {
            // its notice ends every HTML and feed entry that shows the article, and its date moves
            return "correct article " + article + " -> " + admin().contentType(ContentType.JSON)
                    .body(Map.of("type", "correction", "text", "Figure " + random.nextInt(1000) + " was wrong."))
                    .post("/api/v1/articles/" + article + "/corrections").statusCode();
        } else if (choice < 46) {
            Map<String, Object> body = articleBody();
            body.put("slug", article);
            return "replace article " + article + " -> " + admin().contentType(ContentType.JSON).body(body)
                    .put("/api/v1/articles/" + article).statusCode();
        } else if (choice < 47) {
            return "restore revision 1 of " + article + " -> " + admin()
                    .post("/api/v1/articles/" + article + "/revisions/1/restore").statusCode();
        } else if (choice < 49) {
            // it leaves every public answer at that instant, with no write: as a scheduled publication enters them
            Instant at = Instant.now().plusMillis(1500);
            world.scheduled.add(at);
            return "expire " + article + " -> " + patch("/api/v1/articles/" + article,
                    Map.of("unpublishAt", at.toString()));
        } else if (choice < 50) {
            String tag = world.tagSlug(random.nextInt(2));
            String type = List.of("topic", "series", "tone").get(random.nextInt(3));
            return "retype tag " + tag + " as " + type + " -> " + patch("/api/v1/tags/" + tag,
                    Map.of("type", type, "name", "Walk " + run + " " + type + " " + random.nextInt(100)));
        } else if (choice < 52) {
            return "create author " + createAuthor();
        } else if (choice < 57) {
            String author = world.someAuthorSlug();
            return "update author " + author + " -> " + patch("/api/v1/authors/" + author,
                    Map.of("name", "Walker " + run + " " + random.nextInt(1000), "location", "Town " + random.nextInt(50)));
        } else if (choice < 60) {
            String author = world.someAuthorSlug();
            String renamed = "walker-" + run + "-" + random.nextInt(1_000_000);
            int status = patch("/api/v1/authors/" + author, Map.of("slug", renamed));
            if (status == 200) {
                world.authors.remove(author);
                world.goneAuthors.add(author);
                world.authors.add(renamed);
            }
            return "rename author " + author + " to " + renamed + " -> " + status;
        } else if (choice < 64) {
            String author = world.someAuthorSlug();
            int status = admin().delete("/api/v1/authors/" + author).statusCode();
            if (status == 204) {
                world.authors.remove(author);
                world.goneAuthors.add(author);
                if (world.authors.isEmpty()) {
                    createAuthor();
                }
            }
            return "delete author " + author + " -> " + status;
        } else if (choice < 68) {
            return "create quotation " + createQuotation();
        } else if (choice < 73) {
            String id = world.someQuotationId();
            return "update quotation " + id + " -> " + patch("/api/v1/quotations/" + id, Map.of("text",
                    "Words " + random.nextInt(1000) + " about the " + world.word + " harbor.", "speaker",
                    speaker()));
        } else if (choice < 75) {
            String id = world.someQuotationId();
            int status = admin().delete("/api/v1/quotations/" + id).statusCode();
            if (status == 204) {
                world.quotations.remove(id);
                world.goneQuotations.add(id);
                if (world.quotations.isEmpty()) {
                    createQuotation();
                }
            }
            return "delete quotation " + id + " -> " + status;
        } else if (choice < 78) {
            String id = world.assets.get(random.nextInt(world.assets.size()));
            return "update asset " + id + " -> " + patch("/api/v1/assets/" + id, Map.of("alt",
                    "A " + world.word + " picture " + random.nextInt(1000), "caption", "Seen " + random.nextInt(100)));
        } else if (choice < 79) {
            // its images leave every public answer at that instant, with no write: as a scheduled publication
            String id = world.assets.get(random.nextInt(world.assets.size()));
            Instant at = Instant.now().plusMillis(1500);
            world.scheduled.add(at);
            int status = patch("/api/v1/assets/" + id, Map.of("rightsExpireAt", at.toString()));
            createAsset(); // something to show from now on
            return "expire the rights of asset " + id + " -> " + status;
        } else if (choice < 83) {
            return "post comment " + postComment();
        } else if (world.comments.isEmpty()) {
            return "post comment " + postComment();
        } else {
            String comment = world.comments.get(random.nextInt(world.comments.size()));
            String action = List.of("approve", "approve", "approve", "reject", "spam", "delete")
                    .get(random.nextInt(6));
            int status = action.equals("delete") ? admin().delete("/api/v1/comments/" + comment).statusCode()
                    : admin().post("/api/v1/comments/" + comment + "/" + action).statusCode();
            if (action.equals("delete") && status == 204) {
                world.comments.remove(comment);
            }
            return action + " comment " + comment + " -> " + status;
        }
    }

    private RequestSpecification admin() {
        return RestAssured.given().accept("application/json, application/problem+json")
                .header("Authorization", "Bearer " + ADMIN_KEY);
    }

    private int patch(String path, Map<String, Object> patch) {
        int status = admin().contentType("application/merge-patch+json").body(patch).patch(path).statusCode();
        assertThat(status).as("PATCH %s (%s)", path, step).isLessThan(500);
        return status;
    }

    private String createAuthor() {
        Map<String, Object> input = new HashMap<>(Map.of("name", "Walker " + run + " " + random.nextInt(1_000_000),
                "role", "Correspondent", "location", "Port " + random.nextInt(100)));
        if (!world.assets.isEmpty() && random.nextBoolean()) {
            input.put("avatar", Map.of("assetId", someAsset()));
        }
        String slug = admin().contentType(ContentType.JSON).body(input)
                .post("/api/v1/authors").then().statusCode(201).extract().path("slug");
        world.authors.add(slug);
        return slug;
    }

    /** A new image (new bytes, so a new asset) with alt text, as content may show it. */
    private String createAsset() {
        String id = admin().contentType("image/jpeg").queryParam("alt", "A " + world.word + " view")
                .body(com.magazine.content.asset.TestImages.jpeg(64, 48, random.nextLong()))
                .post("/api/v1/assets").then().statusCode(201).extract().path("id");
        world.assets.add(id);
        return id;
    }

    private String someAsset() {
        return world.assets.get(random.nextInt(world.assets.size()));
    }

    private String createQuotation() {
        String id = admin().contentType(ContentType.JSON).body(Map.of("text",
                        "The " + world.word + " tide turns when nobody watches it.", "speaker", speaker()))
                .post("/api/v1/quotations").then().statusCode(201).extract().path("id");
        world.quotations.add(id);
        return id;
    }

    private Map<String, Object> speaker() {
        Map<String, Object> speaker = new HashMap<>(Map.of("name", world.speaker + " " + random.nextInt(3)));
        if (random.nextBoolean()) {
            speaker.put("author", world.someAuthorSlug());
        }
        return speaker;
    }

    private String createArticle() {
        Response response = admin().contentType(ContentType.JSON).body(articleBody()).post("/api/v1/articles");
        assertThat(response.statusCode()).as("create article (%s): %s", step, response.asString()).isEqualTo(201);
        String slug = response.path("slug");
        world.articles.add(slug);
        // an old address, as an import records one (the walk reads where it lives as the article moves and goes)
        String path = "/walk-" + run + "/" + slug + "/";
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(
                "insert into article_legacy_path (path, article_id) values (?, cast(? as uuid))")) {
            statement.setString(1, path);
            statement.setString(2, response.path("id"));
            statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        world.legacyPaths.add(path);
        return slug;
    }

    private Map<String, Object> articleBody() {
        List<Object> body = new ArrayList<>();
        body.add(Map.of("type", "paragraph", "text", "Dispatch " + random.nextInt(1000) + " on the " + world.word
                + " question."));
        if (!world.quotations.isEmpty() && random.nextBoolean()) {
            body.add(Map.of("type", "quote", "quotationId", world.someQuotationId()));
        }
        if (random.nextInt(4) == 0) {
            body.add(Map.of("type", "image", "assetId", someAsset(), "layout", "wide"));
        }
        Map<String, Object> article = new HashMap<>();
        if (random.nextBoolean()) {
            article.put("image", Map.of("assetId", someAsset()));
        }
        article.put("title", title());
        article.put("authors", List.of(world.someAuthorSlug()));
        article.put("tags", tags());
        if (random.nextInt(3) == 0) {
            // a credit beside the byline: renaming or deleting that author must reach this article too
            article.put("contributors", List.of(Map.of("role", "photographer", "author", world.someAuthorSlug())));
        }
        article.put("body", body);
        article.put("excerpt", "An excerpt " + random.nextInt(100));
        return article;
    }

    private String title() {
        return (random.nextBoolean() ? "The " + world.word + " " : "") + "Walk " + run + " " + random.nextInt(1_000_000);
    }

    private List<String> tags() {
        return List.of(world.tagNames.get(random.nextInt(world.tagNames.size())));
    }

    private int publish(String slug, Instant at) {
        return admin().contentType(ContentType.JSON).body(at == null ? Map.of() : Map.of("at", at.toString()))
                .post("/api/v1/articles/" + slug + "/publish").statusCode();
    }

    private String postComment() {
        String article = world.someArticleSlug();
        Response response = RestAssured.given().accept("application/json, application/problem+json")
                .header("X-Forwarded-For", "10.77." + random.nextInt(256) + "." + random.nextInt(1, 255))
                .contentType(ContentType.JSON)
                .body(Map.of("authorName", "Reader " + random.nextInt(100), "authorEmail",
                        "reader" + random.nextInt(1_000_000) + "@example.org", "body", "A thought " + random.nextInt()))
                .post("/api/v1/articles/" + article + "/comments");
        assertThat(response.statusCode()).as("post comment (%s)", step).isLessThan(500);
        if (response.statusCode() == 202) {
            world.comments.add(response.path("id"));
            return response.path("id") + " on " + article;
        }
        return "refused on " + article + " (" + response.statusCode() + ")";
    }

    private long latestSeq() throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select coalesce(max(seq), 0) from change_event")) {
            row.next();
            return row.getLong(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ the model

    /** What the walk made, to pick its reads and writes from; old slugs and ids are read too (301s and 404s). */
    private final class World {

        final List<String> authors = new ArrayList<>();
        final List<String> goneAuthors = new ArrayList<>();
        final List<String> articles = new ArrayList<>();
        final List<String> goneArticles = new ArrayList<>();
        final List<String> quotations = new ArrayList<>();
        final List<String> goneQuotations = new ArrayList<>();
        final List<String> comments = new ArrayList<>();
        /**
         * When what the public sees changes by itself (a scheduled article goes public, an image's rights expire):
         * answers kept before then expire then.
         */
        final List<Instant> scheduled = new ArrayList<>();
        final List<String> assets = new ArrayList<>();
        final List<String> legacyPaths = new ArrayList<>();
        final String word = "zephyr" + run;
        final String speaker = "Orla Vance " + run;
        final List<String> tagNames = List.of("Walk " + run + " Harbor", "Walk " + run + " Courts");

        String someArticleSlug() {
            return articles.get(random.nextInt(articles.size()));
        }

        String someAuthorSlug() {
            return authors.get(random.nextInt(authors.size()));
        }

        String someQuotationId() {
            return quotations.get(random.nextInt(quotations.size()));
        }

        String tagSlug(int which) {
            return tagNames.get(which).toLowerCase().replace(' ', '-');
        }

        /** The newest articles (the last written are the likeliest to be stale), one at random, one gone. */
        List<String> articleSlugs() {
            return sample(articles, goneArticles, 3);
        }

        /** Fewer: the newest and the last one gone, for the routes under an article. */
        List<String> fewArticleSlugs() {
            return sample(articles, goneArticles, 1);
        }

        /** Which of two alternatives this step reads (both are read every other step). */
        int turn() {
            return steps;
        }

        int steps;

        List<String> authorSlugs() {
            return sample(authors, goneAuthors, 3);
        }

        List<String> quotationIds() {
            return sample(quotations, goneQuotations, 3);
        }

        /** The newest, the last one gone, and one older at random (the same one for ten steps: reads stay primed). */
        private List<String> sample(List<String> live, List<String> gone, int newest) {
            Set<String> chosen = new LinkedHashSet<>(live.subList(Math.max(0, live.size() - newest), live.size()));
            if (newest > 1 && !live.isEmpty()) {
                chosen.add(live.get(Math.floorMod(java.util.Objects.hash(SEED, steps / 10, newest), live.size())));
            }
            if (!gone.isEmpty()) {
                chosen.add(gone.get(gone.size() - 1));
            }
            return List.copyOf(chosen);
        }
    }

    /**
     * Another instance's cache, as far as coherence goes: answers kept with the keys they carried, purged only by
     * reading the change log, as {@code CachePurges} does on every instance for changes made elsewhere.
     */
    private final class Remote {

        private final Map<String, Answer> answers = new HashMap<>();
        private final Map<String, Instant> keptAt = new HashMap<>();
        private ChangeLog.Position position;
        /** The changes read by the last catch-up, for a failure's message. */
        private final List<String> read = new ArrayList<>();

        Remote(ChangeLog.Position start) {
            this.position = start;
        }

        /** The answer kept for a read, unless a scheduled publication came due since (the cache's horizon). */
        Answer get(String read) {
            Instant kept = keptAt.get(read);
            Instant now = Instant.now();
            if (kept == null || world.scheduled.stream().anyMatch(at -> at.isAfter(kept.minusSeconds(1))
                    && !at.isAfter(now.plusSeconds(1)))) {
                return null;
            }
            return answers.get(read);
        }

        void put(String read, Answer answer) {
            if (answer.status() == 200) {
                answers.put(read, answer);
                keptAt.put(read, Instant.now());
            } else {
                answers.remove(read);
            }
        }

        /** Reads the log up to change {@code seq} (or gives up after the convergence bound), purging as it goes. */
        void catchUp(long seq) throws InterruptedException {
            Instant until = Instant.now().plus(CONVERGENCE);
            read.clear();
            while (true) {
                ChangeLog.Page page = log.read(position, ChangeLog.Reader.STAFF, 500);
                Set<String> keys = new HashSet<>();
                page.entries().forEach(entry -> keys.addAll(entry.purges()));
                page.entries().forEach(entry -> read.add(entry.position().seq() + " " + entry.type() + " "
                        + entry.id() + " " + entry.action() + " at " + entry.at() + " " + entry.purges()));
                answers.values().removeIf(answer -> answer.keys().stream().anyMatch(keys::contains));
                position = page.next();
                if (position.seq() >= seq && page.entries().size() < 500 || Instant.now().isAfter(until)) {
                    read.add("caught up to " + position.seq() + " (the last change was " + seq + ")");
                    return;
                }
                if (page.entries().isEmpty()) {
                    Thread.sleep(20);
                }
            }
        }
    }
}
