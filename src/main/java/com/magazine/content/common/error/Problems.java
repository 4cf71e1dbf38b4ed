package com.magazine.content.common.error;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.validation.ConstraintViolation;
import java.net.URI;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;

/**
 * The domain problems every feature raises, each an RFC 9457 {@code application/problem+json} answer. Generic HTTP
 * failures (malformed JSON, unknown routes, validation) are mapped by quarkus-resteasy-problem; this class holds the
 * ones our rules produce, each with a stable {@code type} a client can switch on.
 */
public final class Problems {

    /** The prefix of every problem type this API defines; README lists them. */
    public static final String TYPE_PREFIX = "urn:content-api:problem:";

    private Problems() {
    }

    public static HttpProblem notFound(String what, String key) {
        return problem("not-found", Status.NOT_FOUND, "Not Found", "No " + what + " '" + key + "' exists.");
    }

    public static HttpProblem conflict(String type, String detail) {
        return problem(type, Status.CONFLICT, "Conflict", detail);
    }

    public static HttpProblem preconditionFailed(String detail) {
        return problem("stale-version", Status.PRECONDITION_FAILED, "Precondition Failed", detail);
    }

    /** A 403 of a kind of its own ({@code type}), e.g. a preview token that does not read this article. */
    public static HttpProblem forbidden(String type, String detail) {
        return problem(type, Status.FORBIDDEN, "Forbidden", detail);
    }

    public static HttpProblem forbidden(String detail) {
        return problem("forbidden", Status.FORBIDDEN, "Forbidden", detail);
    }

    /**
     * A 503 with {@code Retry-After}: something the service depends on cannot be used right now ({@code what}, e.g.
     * "The database cannot be reached right now"); the client is told when to try again.
     */
    public static HttpProblem unavailable(String type, String what, int retryAfterSeconds) {
        return HttpProblem.builder()
                .withType(URI.create(TYPE_PREFIX + type))
                .withStatus(Status.SERVICE_UNAVAILABLE)
                .withTitle("Service Unavailable")
                .withDetail(what + "; try again in " + retryAfterSeconds + " seconds.")
                .withHeader("Retry-After", retryAfterSeconds)
                .build();
    }

    /** A 410: what the request refers to existed but is kept no longer. */
    public static HttpProblem gone(String type, String detail) {
        return problem(type, Status.GONE, "Gone", detail);
    }

    public static HttpProblem badRequest(String type, String detail) {
        return problem(type, Status.BAD_REQUEST, "Bad Request", detail);
    }

    /** A 400 for one field of the body that cannot be read (unknown, or of the wrong type). */
    public static HttpProblem invalidField(String field, String message) {
        return withViolation("invalid-field", 400, "Bad Request", field, message);
    }

    /**
     * A request that is well formed but breaks a rule on one field. The field is listed in {@code violations}, in the
     * same shape as Bean Validation failures, so a client handles both alike.
     */
    public static HttpProblem unprocessable(String field, String message) {
        return withViolation("unprocessable", 422, "Unprocessable Content", field, message);
    }

    /** As {@link #unprocessable(String, String)} for several fields at once: a map of field to message. */
    public static HttpProblem unprocessable(Map<String, String> messagesByField) {
        List<Map<String, String>> violations = messagesByField.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "in", "body", "message", e.getValue()))
                .toList();
        return HttpProblem.builder()
                .withType(URI.create(TYPE_PREFIX + "unprocessable"))
                .withStatus(422)
                .withTitle("Unprocessable Content")
                .withDetail(violations.stream().map(v -> v.get("field") + ": " + v.get("message"))
                        .collect(Collectors.joining("; ")))
                .with("violations", violations)
                .build();
    }

    /** A 400 listing each Bean Validation failure of a body checked outside the resource method (a merge patch). */
    public static HttpProblem invalidBody(Set<? extends ConstraintViolation<?>> violations) {
        return invalid(violations.stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "in", "body", "message", v.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> v) -> v.get("field")))
                .toList());
    }

    /** A 400 listing fields at fault, each a map of {@code field}, {@code in} and {@code message}. */
    public static HttpProblem invalid(List<Map<String, String>> violations) {
        return HttpProblem.builder()
                .withType(URI.create(TYPE_PREFIX + "invalid-field"))
                .withStatus(400)
                .withTitle("Bad Request")
                .withDetail(violations.stream().map(v -> v.get("field") + ": " + v.get("message"))
                        .collect(Collectors.joining("; ")))
                .with("violations", violations)
                .build();
    }

    /** The answer for {@code problem}, naming the request's path as its {@code instance}. */
    public static Response respond(HttpProblem problem, UriInfo uri) {
        return HttpProblem.builder(problem).withInstance(instance(uri.getPath())).build().toResponse();
    }

    /**
     * The request's (decoded) path as a URI reference, whatever it holds: characters a URI may not contain (a space,
     * a backslash, a line break, a lone %) are percent-encoded rather than failing.
     */
    public static URI instance(String path) {
        try {
            return new URI(null, null, path, null);
        } catch (java.net.URISyntaxException e) {
            return URI.create("about:blank");
        }
    }

    /**
     * A problem of a type of its own about one part of the body ({@code field}: a member, or an entry and line of an
     * uploaded archive), listed in {@code violations} as validation failures are.
     */
    public static HttpProblem violation(String type, int status, String title, String field, String message) {
        return withViolation(type, status, title, field, message);
    }

    private static HttpProblem withViolation(String type, int status, String title, String field, String message) {
        return HttpProblem.builder()
                .withType(URI.create(TYPE_PREFIX + type))
                .withStatus(status)
                .withTitle(title)
                .withDetail(field + ": " + message)
                .with("violations", List.of(Map.of("field", field, "in", "body", "message", message)))
                .build();
    }

    private static HttpProblem problem(String type, Status status, String title, String detail) {
        return HttpProblem.builder()
                .withType(URI.create(TYPE_PREFIX + type))
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail)
                .build();
    }
}
