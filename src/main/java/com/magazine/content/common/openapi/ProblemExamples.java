package com.magazine.content.common.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An example problem for each status the API answers with, so that each answer shows one of its own kind. */
final class ProblemExamples {

    private static final String TYPE = "urn:content-api:problem:";

    private ProblemExamples() {
    }

    static Map<String, Object> of(int status) {
        return switch (status) {
            case 400 -> problem(TYPE + "invalid-field", "Bad Request", 400, "limit: must be between 1 and 100",
                    "/api/v1/articles", List.of(violation("limit", "query", "must be between 1 and 100")));
            case 401 -> problem(TYPE + "unauthorized", "Unauthorized", 401,
                    "This needs an API key, sent as `Authorization: Bearer <key>`.", "/api/v1/articles", null);
            case 403 -> problem(TYPE + "forbidden", "Forbidden", 403,
                    "This key may not write articles of author 'helen-varga'.", "/api/v1/articles/the-long-thaw",
                    null);
            case 404 -> problem(TYPE + "not-found", "Not Found", 404, "No article 'the-long-thaw' exists.",
                    "/api/v1/articles/the-long-thaw", null);
            case 406 -> problem(null, "Not Acceptable", 406,
                    "This path answers with JSON only: accept application/json (and application/problem+json).",
                    "/api/v1/articles", null);
            case 409 -> problem(TYPE + "slug-taken", "Conflict", 409, "The slug 'the-long-thaw' is taken.",
                    "/api/v1/articles", null);
            case 412 -> problem(TYPE + "stale-version", "Precondition Failed", 412,
                    "The article changed since the ETag you sent; read it again.", "/api/v1/articles/the-long-thaw",
                    null);
            case 413 -> problem(TYPE + "body-too-large", "Content Too Large", 413,
                    "The body may be at most 1048576 bytes.", "/api/v1/articles", null);
            case 414 -> problem(TYPE + "uri-too-long", "URI Too Long", 414,
                    "The URL may be at most 8192 characters.", "/api/v1/articles", null);
            case 415 -> problem(null, "Unsupported Media Type", 415, "This operation does not read that media "
                    + "type: send application/json, or application/merge-patch+json for a PATCH.",
                    "/api/v1/articles", null);
            case 422 -> problem(TYPE + "unprocessable", "Unprocessable Content", 422,
                    "authors: no author 'jane-doe' exists", "/api/v1/articles",
                    List.of(violation("authors", "body", "no author 'jane-doe' exists")));
            case 429 -> problem(TYPE + "rate-limited", "Too Many Requests", 429,
                    "Too many requests from this address; try again in 12 seconds.", "/api/v1/articles", null);
            case 410 -> problem(TYPE + "changes-expired", "Gone", 410, "The changes after this cursor are older "
                    + "than the feed keeps (it keeps 30 days): read the lists afresh, then follow the feed from its "
                    + "start.", "/api/v1/changes", null);
            case 503 -> problem(TYPE + "unavailable", "Service Unavailable", 503,
                    "The database cannot be reached right now; try again in 5 seconds.", "/api/v1/articles", null);
            default -> problem(null, "Error", status, "The request could not be answered.", "/api/v1/articles",
                    null);
        };
    }

    private static Map<String, String> violation(String field, String in, String message) {
        Map<String, String> violation = new LinkedHashMap<>();
        violation.put("field", field);
        violation.put("in", in);
        violation.put("message", message);
        return violation;
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail, String instance,
            List<Map<String, String>> violations) {
        Map<String, Object> problem = new LinkedHashMap<>();
        if (type != null) {
            problem.put("type", type);
        }
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        if (violations != null) {
            problem.put("violations", violations);
        }
        problem.put("requestId", "3f2c1a9e-5b7d-4e0a-9c1f-2d8e6b4a7c10");
        return problem;
    }
}
