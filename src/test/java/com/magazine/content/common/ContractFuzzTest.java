package com.magazine.content.common;

import static com.magazine.content.support.Api.ADMIN_KEY;
import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Bad input for every operation, derived from the committed OpenAPI document rather than listed by hand (so a new
 * operation is fuzzed without anyone adding it): each query parameter of the wrong type, out of range, too long, of an
 * unknown enum value, a malformed cursor or date; each body null, empty, malformed, of the wrong JSON type, with a
 * member missing, unknown or of the wrong type, too long or of an unknown enum value; the wrong media type; a
 * malformed If-Match; an Accept it cannot answer; no key, and an unknown key. Every answer must be below 500, and every error a problem that the document lists for that
 * operation (the contract filter validates each response, as for every test).
 */
@QuarkusTest
class ContractFuzzTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(5000);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger(1);
    private JsonNode document;

    record Case(String what, String method, String path, Map<String, String> query, String contentType, String body,
            Map<String, String> headers, boolean mustFail) {

        boolean anonymous() {
            return headers.containsKey("Authorization");
        }
    }

    @Test
    void noInputGetsAServerErrorAndEveryErrorIsADocumentedProblem() throws Exception {
        document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("openapi/openapi.yaml")));
        Map<String, String> ids = sampleIds();
        List<String> failures = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> operations = operations();
        assertThat(operations).hasSizeGreaterThan(50);
        for (Map.Entry<String, JsonNode> entry : operations) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String template = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
            JsonNode operation = entry.getValue();
            for (Case fuzz : cases(method, template, ids, operation)) {
                check(fuzz, operation, failures);
            }
        }
        assertThat(failures).as(sent.get() + " requests sent").isEmpty();
        assertThat(sent.get()).isGreaterThan(500);
    }

    /** Every operation, deletions last (they take the sample data away). */
    private List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                operations.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()))));
        operations.sort(Comparator.comparing(e -> e.getKey().startsWith("DELETE") ? 1 : 0));
        return operations;
    }

    /** Real ids and slugs, so that requests reach past the lookup of what the path names. */
    private Map<String, String> sampleIds() {
        String author = createAuthor(unique("Fuzz Writer"));
        String slug = publishedArticle(article(unique("Fuzz target"), author));
        String quotation = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("text", "Words to fuzz.", "speaker", Map.of("name", "Fuzz Speaker")))
                .when().post("/api/v1/quotations").then().statusCode(201).extract().path("id");
        String comment = asAdmin().contentType(ContentType.JSON).header("X-Forwarded-For", "10.77.0.1")
                .body(Map.of("authorName", "Fuzz Reader", "authorEmail", "fuzz@example.org", "body", "Hi."))
                .when().post("/api/v1/articles/" + slug + "/comments").then().statusCode(202).extract().path("id");
        String key = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "fuzz", "role", "partner"))
                .when().post("/api/v1/keys").then().statusCode(201).extract().path("key.id");
        io.restassured.response.Response asset = asAdmin().contentType("image/jpeg")
                .body(com.magazine.content.asset.TestImages.jpeg(700, 500, 31)).when().post("/api/v1/assets")
                .then().statusCode(201).extract().response();
        String src = asset.path("image.src");
        Map<String, String> ids = new HashMap<>();
        ids.put("asset", asset.path("id"));
        ids.put("tag", src.split("/")[3]);
        ids.put("slug", slug);
        ids.put("number", "1");
        ids.put("month", "2026-11");
        ids.put("quotation", quotation);
        ids.put("comment", comment);
        ids.put("key", key);
        ids.put("author", author);
        return ids;
    }

    /** The path of {@code template} with sample ids, and {@code bad} in place of the parameter {@code name}. */
    private static String fill(String template, Map<String, String> ids, String name, String bad) {
        return fill(name == null ? template : template.replace("{" + name + "}", bad), ids);
    }

    private static String fill(String template, Map<String, String> ids) {
        String id = template.startsWith("/api/v1/quotations") ? ids.get("quotation")
                : template.startsWith("/api/v1/comments") ? ids.get("comment")
                : template.startsWith("/api/v1/keys") ? ids.get("key")
                : template.startsWith("/api/v1/assets") || template.startsWith("/media") ? ids.get("asset")
                : "01937c1e-6d3a-7cc2-9a43-2c1f0e6b7d11";
        String slug = template.startsWith("/api/v1/authors") || template.startsWith("/feeds/authors")
                ? ids.get("author") : ids.get("slug");
        return template.replace("{slug}", slug).replace("{id}", id).replace("{number}", ids.get("number"))
                .replace("{month}", ids.get("month")).replace("{tag}", ids.get("tag")).replace("{crop}", "16x9")
                .replace("{file}", "640.jpg");
    }

    private List<Case> cases(String method, String template, Map<String, String> ids, JsonNode operation) {
        String path = fill(template, ids, null, null);
        List<Case> cases = new ArrayList<>();
        JsonNode body = requestSchema(operation);
        String mediaType = body == null ? null : operation.path("requestBody").path("content").fieldNames().next();
        String validBody = body == null ? null : sample(body).toString();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            switch (parameter.path("in").asText()) {
                case "query" -> {
                    for (String bad : badValues(schema, name)) {
                        cases.add(new Case("query " + name + "=" + abbreviate(bad), method, path, Map.of(name, bad),
                                mediaType, validBody, Map.of(), false));
                    }
                }
                case "header" -> {
                    for (String bad : List.of("garbage", "\"unterminated", "W/", "*,*")) {
                        cases.add(new Case("header " + name + ": " + bad, method, path, Map.of(), mediaType,
                                validBody, Map.of(name, bad), false));
                    }
                }
                case "path" -> {
                    for (String bad : List.of("%25", "a%20b", "%5C", "%0D%0A", "%00", HUGE.substring(0, 300))) {
                        cases.add(new Case("path " + name + "=" + abbreviate(bad), method,
                                fill(template, ids, name, bad), Map.of(), mediaType, validBody, Map.of(), false));
                    }
                }
                default -> {
                }
            }
        }
        cases.add(new Case("unacceptable Accept", method, path, Map.of(), mediaType, validBody,
                Map.of("Accept", "text/csv"), true));
        cases.add(new Case("no key", method, path, Map.of(), mediaType, validBody, Map.of("Authorization", ""),
                false));
        cases.add(new Case("an unknown key", method, path, Map.of(), mediaType, validBody,
                Map.of("Authorization", "Bearer no-such-key"), true));
        if (body != null) {
            for (String bad : List.of("null", "", "[]", "\"text\"", "42", "{", "{\"a\":1} trailing", "{\"a\":1,\"a\":2}",
                    "[{}]")) {
                cases.add(new Case("body " + bad, method, path, Map.of(), mediaType, bad, Map.of(),
                        !bad.isEmpty() && !isOptional(operation)));
            }
            cases.add(new Case("wrong media type", method, path, Map.of(), "text/plain", validBody, Map.of(), true));
            cases.add(new Case("unknown member", method, path, Map.of(), mediaType,
                    withMember(sample(body), "noSuchMember", JSON.textNode("x")).toString(), Map.of(), true));
            for (Map.Entry<String, JsonNode> member : members(body)) {
                for (JsonNode bad : badMembers(member.getValue())) {
                    cases.add(new Case("member " + member.getKey() + "=" + abbreviate(bad.toString()), method, path,
                            Map.of(), mediaType, withMember(sample(body), member.getKey(), bad).toString(), Map.of(),
                            true));
                }
                if (required(body).contains(member.getKey())) {
                    ObjectNode without = (ObjectNode) sample(body);
                    without.remove(member.getKey());
                    cases.add(new Case("missing " + member.getKey(), method, path, Map.of(), mediaType,
                            without.toString(), Map.of(), !mediaType.contains("merge-patch")));
                }
            }
        }
        return cases;
    }

    private static boolean isOptional(JsonNode operation) {
        return !operation.path("requestBody").path("required").asBoolean(false);
    }

    private void check(Case fuzz, JsonNode operation, List<String> failures) {
        RequestSpecification request = offContract().urlEncodingEnabled(!fuzz.path().contains("%"))
                .header("X-Forwarded-For", "10.78." + (forwarded.get() / 250 % 250) + "." + (forwarded.getAndIncrement() % 250 + 1));
        if (!fuzz.anonymous()) {
            request.header("Authorization", "Bearer " + ADMIN_KEY);
        }
        request.accept(acceptable(operation));
        fuzz.query().forEach(request::queryParam);
        fuzz.headers().forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        if (fuzz.body() != null) {
            request.contentType(fuzz.contentType() + (fuzz.contentType().startsWith("text/") ? "" : "; charset=UTF-8"))
                    .body(fuzz.body());
        }
        String label = fuzz.method() + " " + fuzz.path() + " [" + fuzz.what() + "]";
        Response response;
        sent.incrementAndGet();
        try {
            response = request.when().request(fuzz.method(), fuzz.path());
        } catch (AssertionError | RuntimeException e) {
            failures.add(label + ": " + abbreviate(String.valueOf(e.getMessage())));
            return;
        }
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(label + ": " + status);
        } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(label + ": " + status + " as " + response.contentType());
        } else if (status >= 400 && !operation.path("responses").has(String.valueOf(status))) {
            failures.add(label + ": " + status + " is not documented");
        } else if (fuzz.mustFail() && status < 400) {
            failures.add(label + ": accepted with " + status);
        }
    }

    /** What a client of this operation accepts: the media types of its answers, and problems. */
    private static String acceptable(JsonNode operation) {
        List<String> types = new ArrayList<>();
        operation.path("responses").fields().forEachRemaining(response -> response.getValue().path("content")
                .fieldNames().forEachRemaining(type -> {
                    if (!types.contains(type)) {
                        types.add(type);
                    }
                }));
        if (!types.contains("application/problem+json")) {
            types.add("application/problem+json");
        }
        return String.join(", ", types);
    }

    private List<String> badValues(JsonNode schema, String name) {
        List<String> values = new ArrayList<>(List.of(HUGE, "%00".equals(name) ? "" : "\u00ff\u2028", ""));
        String type = typeOf(schema);
        if (type.equals("integer") || type.equals("number")) {
            values.addAll(List.of("abc", "1e3", "2.5", "-1", "0", "99999999999", "-99999999999"));
        }
        if (type.equals("boolean")) {
            values.add("maybe");
        }
        if (schema.has("enum")) {
            values.add("no-such-value");
        }
        if (name.equals("cursor") || name.equals("since")) {
            values.addAll(List.of("!!!", "eyJub3QiOiJzaWduZWQifQ", "a.b.c"));
        }
        if (name.toLowerCase().contains("after") || name.toLowerCase().contains("before")) {
            values.addAll(List.of("yesterday", "2026-13-45", "+999999999-12-31T23:59:59Z"));
        }
        return values;
    }

    private List<JsonNode> badMembers(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        List<JsonNode> values = new ArrayList<>();
        String type = typeOf(resolved);
        switch (type) {
            case "string" -> {
                values.add(JSON.numberNode(12));
                values.add(JSON.booleanNode(true));
                values.add(JSON.objectNode());
                if (resolved.has("maxLength")) {
                    values.add(JSON.textNode("x".repeat(resolved.path("maxLength").asInt() + 1)));
                }
                if (resolved.has("enum")) {
                    values.add(JSON.textNode("no-such-value"));
                }
                if ("uuid".equals(resolved.path("format").asText())) {
                    values.add(JSON.textNode("not a uuid"));
                }
                if ("date-time".equals(resolved.path("format").asText())) {
                    values.add(JSON.textNode("+999999999-12-31T23:59:59Z"));
                    values.add(JSON.textNode("yesterday"));
                }
            }
            case "integer", "number" -> {
                values.add(JSON.textNode("many"));
                values.add(JSON.numberNode(99999999999L));
                values.add(JSON.numberNode(-1));
            }
            case "boolean" -> values.add(JSON.textNode("maybe"));
            case "array" -> {
                values.add(JSON.textNode("not a list"));
                ArrayNode wrong = JSON.arrayNode();
                wrong.add(JSON.arrayNode());
                values.add(wrong);
            }
            case "object" -> {
                values.add(JSON.textNode("not an object"));
                values.add(JSON.arrayNode());
            }
            default -> {
            }
        }
        return values;
    }

    private JsonNode requestSchema(JsonNode operation) {
        Iterator<JsonNode> media = operation.path("requestBody").path("content").elements();
        if (!media.hasNext()) {
            return null;
        }
        JsonNode schema = resolve(media.next().path("schema"));
        return schema.has("properties") ? schema : null;
    }

    private List<Map.Entry<String, JsonNode>> members(JsonNode schema) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(members::add);
        return members;
    }

    private static List<String> required(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    /** A valid-looking body: each required member with a plausible value. */
    private JsonNode sample(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        ObjectNode body = JSON.objectNode();
        for (String name : required(resolved)) {
            body.set(name, sampleValue(name, resolved.path("properties").path(name)));
        }
        return body;
    }

    private JsonNode sampleValue(String name, JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        return switch (typeOf(resolved)) {
            case "integer", "number" -> JSON.numberNode(1);
            case "boolean" -> JSON.booleanNode(true);
            case "array" -> JSON.arrayNode();
            case "object" -> sample(resolved);
            default -> JSON.textNode(name.toLowerCase().contains("url") ? "https://example.org/x"
                    : name.toLowerCase().contains("email") ? "someone@example.org" : "Fuzz " + name);
        };
    }

    private static ObjectNode withMember(JsonNode body, String name, JsonNode value) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.set(name, value);
        return copy;
    }

    /** The schema itself, following $ref and the first branch of anyOf/allOf. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10; depth++) {
            if (current.has("$ref")) {
                current = document.at(current.path("$ref").asText().substring(1));
            } else if (current.has("anyOf")) {
                current = current.path("anyOf").get(0);
            } else if (current.has("allOf") && !current.has("properties")) {
                current = current.path("allOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText(schema.has("properties") ? "object" : "");
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }
}
