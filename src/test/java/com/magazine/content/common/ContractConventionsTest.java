package com.magazine.content.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the committed OpenAPI document to the resource methods, route by route (every route found by scanning the
 * code, so a new one is covered without being listed): one operation per method, named after it, unique; security as
 * {@code @RolesAllowed} declares it; every header typed; every problem example of its own status.
 */
class ContractConventionsTest {

    private static final List<Class<? extends java.lang.annotation.Annotation>> VERBS = List.of(GET.class,
            POST.class, PUT.class, PATCH.class, DELETE.class);

    static JsonNode document;
    static List<Route> routes;

    record Route(String verb, String path, Method method, List<String> roles) {

        JsonNode operation() {
            return document.path("paths").path(path).path(verb.toLowerCase());
        }
    }

    @BeforeAll
    static void read() throws Exception {
        document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(java.nio.file.Path.of(
                "openapi/openapi.yaml")));
        routes = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.magazine.content")) {
            if (!type.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = type.reflect();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = VERBS.stream().filter(method::isAnnotationPresent).map(Class::getSimpleName)
                        .findFirst().orElse(null);
                Operation operation = method.getAnnotation(Operation.class);
                if (verb == null || (operation != null && operation.hidden())) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = ("/" + resource.getAnnotation(Path.class).value() + "/" + (sub == null ? ""
                        : sub.value())).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                RolesAllowed roles = method.isAnnotationPresent(PermitAll.class) ? null
                        : method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                        : resource.getAnnotation(RolesAllowed.class);
                routes.add(new Route(verb, path, method, roles == null ? List.of() : List.of(roles.value())));
            }
        }
        assertThat(routes).hasSizeGreaterThan(50);
    }

    @Test
    void everyResourceMethodIsOneDocumentedOperationNamedAfterIt() {
        for (Route route : routes) {
            assertThat(route.operation().path("operationId").asText())
                    .as(route.verb() + " " + route.path())
                    .isEqualTo(route.method().getName());
        }
        int documented = 0;
        for (JsonNode item : document.path("paths")) {
            documented += item.size();
        }
        assertThat(documented).as("operations in the document").isEqualTo(routes.size());
    }

    @Test
    void operationIdsAreUniqueVerbNounNames() {
        Set<String> ids = new HashSet<>();
        for (Route route : routes) {
            String id = route.operation().path("operationId").asText();
            assertThat(ids.add(id)).as("unique operationId " + id).isTrue();
            assertThat(id).matches("^(list|get|create|replace|update|delete|publish|unpublish|archive|restore|revoke"
                    + "|approve|reject|mark|moderate|post|correct|withdraw)[A-Z][A-Za-z]*$");
        }
    }

    @Test
    void declaredSecurityMatchesRolesAllowed() {
        for (Route route : routes) {
            JsonNode operation = route.operation();
            List<String> requirements = new ArrayList<>();
            operation.path("security").forEach(requirement -> requirements.add(requirement.toString()));
            String name = route.method().getDeclaringClass().getSimpleName() + "." + route.method().getName();
            if (route.roles().isEmpty()) {
                assertThat(requirements).as(name + " is open: a key is optional").containsExactly("{}",
                        "{\"apiKey\":[]}");
            } else {
                assertThat(requirements).as(name + " needs a key of " + route.roles())
                        .containsExactly("{\"apiKey\":[]}");
                assertThat(operation.path("responses").has("401")).as(name + " answers 401").isTrue();
                assertThat(operation.path("responses").has("403")).as(name + " answers 403").isTrue();
            }
        }
    }

    @Test
    void everyHeaderHasASchemaAndEveryGetItsValidators() {
        for (Route route : routes) {
            Iterator<Map.Entry<String, JsonNode>> responses = route.operation().path("responses").fields();
            while (responses.hasNext()) {
                Map.Entry<String, JsonNode> response = responses.next();
                response.getValue().path("headers").fields().forEachRemaining(header -> assertThat(
                        header.getValue().has("schema")).as(route.method().getName() + " " + response.getKey() + " "
                        + header.getKey()).isTrue());
            }
            if (route.verb().equals("GET")) {
                JsonNode notModified = route.operation().path("responses").path("304");
                assertThat(notModified.path("headers").has("ETag")).as(route.method().getName() + " 304").isTrue();
            }
        }
    }

    @Test
    void theValidatorRejectsAMemberTheDocumentDoesNotDescribe() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForSpecificationUrl(java.nio.file.Path.of("openapi/openapi.yaml").toUri().toString()).build();
        String author = """
                {"id":"01937c1e-6d3a-7cc2-9a43-2c1f0e6b7d11","slug":"helen-varga","name":"Helen Varga","role":null,\
                "bio":null,"location":null,"links":[],"publications":[],"avatarUrl":null,"avatar":null,\
                "createdAt":"2026-11-24T09:15:00Z","updatedAt":"2026-11-24T09:15:00Z","version":0%s}""";
        assertThat(validator.validateResponse("/api/v1/authors/helen-varga", Request.Method.GET, answer(
                author.formatted(""))).getMessages()).as("the author as documented").isEmpty();
        assertThat(validator.validateResponse("/api/v1/authors/helen-varga", Request.Method.GET, answer(
                author.formatted(",\"internalNote\":\"x\""))).hasErrors()).as("an undocumented member").isTrue();
        assertThat(validator.validateResponse("/api/v1/authors/helen-varga", Request.Method.GET, answer(
                author.formatted("").replace("\"bio\":null,", ""))).hasErrors()).as("a member left out").isTrue();
    }

    private static SimpleResponse answer(String body) {
        return SimpleResponse.Builder.ok().withContentType("application/json").withBody(body)
                .withHeader("ETag", "\"x\"").withHeader("Last-Modified", "Tue, 24 Nov 2026 09:15:00 GMT").build();
    }

    @Test
    void everyProblemExampleIsOfItsOwnStatus() {
        for (Route route : routes) {
            route.operation().path("responses").fields().forEachRemaining(response -> {
                JsonNode problem = response.getValue().path("content").path("application/problem+json");
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(problem.path("example").path("status").asText())
                            .as(route.method().getName() + " " + response.getKey())
                            .isEqualTo(response.getKey());
                }
            });
        }
    }
}
