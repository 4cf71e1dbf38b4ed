package com.magazine.content.common.openapi;

import com.magazine.content.common.json.MergePatch;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.jboss.jandex.IndexView;

/**
 * The API's conventions, applied to every operation of the document at build time, in this one place rather than on
 * every resource method:
 * <ul>
 * <li>the {@code operationId} is the resource method's name, a verb and a noun ({@code listArticles},
 * {@code publishArticle}); a duplicate or a name off the convention fails the build;</li>
 * <li>security from {@code @RolesAllowed}: a guarded operation requires the bearer key and may answer 401 and 403; an
 * open one takes a key optionally ({@code [{}, {apiKey: []}]}: editors read drafts with theirs), and still answers 401
 * to an unknown key;</li>
 * <li>the answers every operation may give: 400 (a parameter, or a NUL in the URL), 401, 406, 414, 429, 503; 304 with its
 * validators on every GET; 404 where the path names something; 412 where {@code If-Match} is read; 413 and 415
 * where a body is read;</li>
 * <li>every 4xx and 5xx is {@code application/problem+json} with an example of its own status; every header has a
 * schema;</li>
 * <li>a merge-patch body is a copy of the resource's input schema with nothing required and every member nullable
 * (null empties it).</li>
 * </ul>
 * {@code ContractConventionsTest} holds the document to the resource methods.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiConventions implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String SECURITY_SCHEME = "apiKey";
    /** A verb this API uses, then what it acts on: listArticles, getArticleJsonLd, markCommentAsSpam. */
    static final Pattern OPERATION_ID = Pattern.compile(
            "^(list|get|create|replace|update|delete|publish|unpublish|archive|restore|revoke|approve|reject|mark"
                    + "|moderate|post|correct|withdraw)[A-Z][A-Za-z]*$");
    private static final String SCHEMAS = "#/components/schemas/";

    private final IndexView index;
    private OpenAPI openAPI;

    public ApiConventions(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null) {
            apply(openAPI, Routes.scan(index));
        }
    }

    /** The conventions applied to {@code openAPI}, whose operations {@code routes} serve. */
    void apply(OpenAPI openAPI, Routes routes) {
        this.openAPI = openAPI;
        Set<String> answerOnly = ExactSchemas.answerOnly(openAPI);
        Set<String> operationIds = new HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            Routes.Route route = routes.byKey().get(Routes.key(method.name(), path));
            if (route == null) {
                throw new IllegalStateException("No resource method found for " + Routes.key(method.name(), path));
            }
            name(operation, route, operationIds);
            secure(operation, route);
            previewable(method, path, operation);
            answers(method, path, operation, route);
            mergePatch(operation);
        }));
        HeaderSchemas.complete(openAPI);
        UnusedSchemas.remove(openAPI);
        ExactSchemas.apply(openAPI, answerOnly);
    }

    private static void name(Operation operation, Routes.Route route, Set<String> operationIds) {
        String id = route.javaMethod();
        if (!OPERATION_ID.matcher(id).matches()) {
            throw new IllegalStateException(route.resource() + "." + id + ": an operationId (the resource method's "
                    + "name) is a verb of " + OPERATION_ID.pattern() + " followed by a noun");
        }
        if (!operationIds.add(id)) {
            throw new IllegalStateException("Duplicate operationId " + id + " (" + route.resource() + "." + id
                    + "): resource methods are named uniquely across the API");
        }
        operation.setOperationId(id);
    }

    private static void secure(Operation operation, Routes.Route route) {
        SecurityRequirement key = OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME);
        operation.setSecurity(route.secured() ? new ArrayList<>(List.of(key))
                : new ArrayList<>(List.of(OASFactory.createSecurityRequirement(), key)));
    }

    private void answers(PathItem.HttpMethod method, String path, Operation operation, Routes.Route route) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean get = method == PathItem.HttpMethod.GET;
        if (get) {
            addIfMissing(responses, "304", "Not modified: the ETag sent in If-None-Match (or the date in "
                    + "If-Modified-Since) is still current.");
            HeaderSchemas.validators(responses.getAPIResponse("304"));
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.equals("200")) {
                    HeaderSchemas.validators(response);
                }
            });
        }
        addIfMissing(responses, "400", "A parameter is invalid (each named in violations), or the URL holds a NUL "
                + "character.");
        addIfMissing(responses, "401", route.secured() ? "No key, or an unknown or revoked one."
                : "A key was sent but is unknown or revoked.");
        HeaderSchemas.authenticate(responses.getAPIResponse("401"));
        if (route.secured()) {
            addIfMissing(responses, "403", "The key's role (" + String.join(", ", route.roles())
                    + ") may not do this.");
        }
        if (path.contains("{")) {
            addIfMissing(responses, "404", "Nothing has that " + path.replaceAll(".*\\{([^}]*)}.*", "$1") + ".");
        }
        addIfMissing(responses, "406", "The Accept header names no media type that this operation answers with.");
        if (readsIfMatch(operation)) {
            addIfMissing(responses, "412", "If-Match no longer matches: the resource changed since; nothing was "
                    + "written.");
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, "413", "The body is larger than the service accepts (1 MB by default).");
            addIfMissing(responses, "415", "The body is not of a media type this operation reads.");
        }
        addIfMissing(responses, "414", "The URL is longer than 8192 characters.");
        addIfMissing(responses, "429", "Too many requests from this address or key; wait Retry-After seconds.");
        HeaderSchemas.retryAfter(responses.getAPIResponse("429"));
        addIfMissing(responses, "503", "The database cannot be reached right now; wait Retry-After seconds.");
        HeaderSchemas.retryAfter(responses.getAPIResponse("503"));
        responses.getAPIResponses().forEach(ApiConventions::problemOf);
        sortByStatus(responses);
    }

    /**
     * The reads an article's page is built from besides the article itself take its draft preview token too (see
     * ArticleAccess#findVisible): documented on each, with the 403 a wrong token gets.
     */
    static final Set<String> PREVIEWABLE = Set.of("/api/v1/articles/{slug}", "/api/v1/articles/{slug}/json-ld",
            "/api/v1/articles/{slug}/related", "/api/v1/articles/{slug}/quotations",
            "/api/v1/articles/{slug}/comments");

    private static void previewable(PathItem.HttpMethod method, String path, Operation operation) {
        if (method != PathItem.HttpMethod.GET || !PREVIEWABLE.contains(path)) {
            return;
        }
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        if (parameters.stream().noneMatch(p -> "Preview-Token".equals(p.getName()))) {
            parameters.add(OASFactory.createParameter().name("Preview-Token").in(Parameter.In.HEADER)
                    .description("A draft preview token of the article (see createArticlePreview): the reads its page "
                            + "needs answer as for the draft, never cached.")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING).maxLength(200)));
        }
        if (parameters.stream().noneMatch(p -> "preview".equals(p.getName()))) {
            parameters.add(OASFactory.createParameter().name("preview").in(Parameter.In.QUERY)
                    .description("The same token, for a link sent to someone.")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING).maxLength(200)));
        }
        operation.setParameters(parameters);
        APIResponses responses = operation.getResponses();
        if (responses != null) {
            addIfMissing(responses, "403", "A preview token that is unknown, expired, revoked, or made for another "
                    + "article (never answered as the public would be instead).");
        }
    }

    private static boolean readsIfMatch(Operation operation) {
        if (operation.getParameters() == null) {
            return false;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())) {
                return true;
            }
        }
        return false;
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void sortByStatus(APIResponses responses) {
        Map<String, APIResponse> sorted = new java.util.TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
    }

    /** Every 4xx and 5xx: a Problem, with an example of that status. */
    private static void problemOf(String status, APIResponse response) {
        if (status.startsWith("4") || status.startsWith("5")) {
            MediaType problem = OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(SCHEMAS + "Problem"))
                    .example(ProblemExamples.of(Integer.parseInt(status)));
            response.setContent(OASFactory.createContent().addMediaType(PROBLEM_JSON, problem));
        }
    }

    private void mergePatch(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        Content content = operation.getRequestBody().getContent();
        MediaType patch = content.getMediaType(MergePatch.MEDIA_TYPE);
        if (patch != null && patch.getSchema() != null && patch.getSchema().getRef() != null) {
            patch.setSchema(OASFactory.createSchema().ref(patchSchemaOf(patch.getSchema().getRef())));
        }
    }

    /** The name of a schema like {@code ref}'s with nothing required and every member nullable, made once. */
    private String patchSchemaOf(String ref) {
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        String patchName = name + "Patch";
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (!schemas.containsKey(patchName)) {
            Schema input = schemas.get(name);
            Map<String, Schema> properties = new LinkedHashMap<>();
            input.getProperties().forEach((property, schema) -> properties.put(property, Nullability.orNull(schema)));
            Schema patch = OASFactory.createSchema()
                    .type(input.getType())
                    .description("A JSON merge patch (RFC 7396) of " + name
                            + ": only the members to change; null empties a member.")
                    .properties(properties);
            openAPI.getComponents().addSchema(patchName, patch);
        }
        return SCHEMAS + patchName;
    }

    /** Whether {@code schema} admits null. */
    static boolean allowsNull(Schema schema) {
        List<SchemaType> types = schema.getType();
        return types != null && types.contains(SchemaType.NULL);
    }

    /** Helpers on schemas that may be null. */
    static final class Nullability {

        private Nullability() {
        }

        /** {@code schema}, or null: a copy with "null" added to its types, or anyOf [it, null] for a reference. */
        static Schema orNull(Schema schema) {
            if (allowsNull(schema) || (schema.getAnyOf() != null && schema.getAnyOf().stream()
                    .anyMatch(ApiConventions::allowsNull))) {
                return schema;
            }
            if (schema.getRef() == null && schema.getType() != null) {
                Schema copy = OASFactory.createSchema();
                copy.setAll(schema.getAll());
                copy.setType(new ArrayList<>(schema.getType()));
                copy.addType(SchemaType.NULL);
                return copy;
            }
            return OASFactory.createSchema().addAnyOf(schema)
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
        }
    }

    /** The headers the conventions add, each with a schema, and a schema for any header declared without one. */
    static final class HeaderSchemas {

        private HeaderSchemas() {
        }

        static void validators(APIResponse response) {
            if (response == null) {
                return;
            }
            add(response, "ETag", "The strong entity tag of this representation; send it back in If-None-Match "
                    + "(or, for a write, If-Match).");
            add(response, "Last-Modified", "When the resource last changed, as an HTTP date; left out of an empty "
                    + "list. If-Modified-Since answers 304 only where this date moves with every change of the "
                    + "answer (an author); elsewhere the ETag validates.");
            add(response, "Surrogate-Key", "The surrogate keys of what this answer shows, space-separated (for a "
                    + "CDN's purges: every change names the keys it makes stale).");
            // every GET sends an ETag, so the contract tests hold every GET to it
            response.getHeaders().get("ETag").setRequired(true);
        }

        static void authenticate(APIResponse response) {
            add(response, "WWW-Authenticate", "Bearer, when no key was sent.");
        }

        static void retryAfter(APIResponse response) {
            add(response, "Retry-After", "Seconds to wait before trying again.");
        }

        private static void add(APIResponse response, String name, String description) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeader(name, OASFactory.createHeader().description(description)
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
            }
        }

        static void complete(OpenAPI openAPI) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                    .forEach(operation -> operation.getResponses().getAPIResponses().values().forEach(response -> {
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(HeaderSchemas::schemaOf);
                        }
                    })));
        }

        private static void schemaOf(Header header) {
            if (header.getSchema() == null && header.getRef() == null) {
                header.setSchema(OASFactory.createSchema().addType(SchemaType.STRING));
            }
        }
    }
}
