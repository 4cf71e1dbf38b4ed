package com.magazine.content.common.error;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of every error answer, for the OpenAPI document: RFC 9457 problem details. */
@Schema(name = "Problem", description = """
        RFC 9457 problem details, sent as application/problem+json with every 4xx and 5xx answer. `type` names the \
        kind of problem (urn:content-api:problem:… for this API's own, about:blank for plain HTTP ones).""")
public record ProblemDetail(
        @Schema(description = "Identifies the kind of problem.", example = "urn:content-api:problem:not-found") String type,
        @Schema(required = true, example = "Not Found") String title,
        @Schema(required = true, example = "404") int status,
        @Schema(description = "What went wrong, for a person.", example = "No author 'jane-doe' exists.") String detail,
        @Schema(description = "The path of the request.", example = "/api/v1/authors/jane-doe") String instance,
        @Schema(description = "For invalid input: each field at fault and why.") List<Violation> violations,
        @Schema(description = "The request's id, also in the X-Request-Id header and in the service's logs: quote it "
                + "when reporting a problem.", example = "3f2c1a9e-5b7d-4e0a-9c1f-2d8e6b4a7c10") String requestId) {

    @Schema(name = "Violation", description = "One field at fault.")
    public record Violation(
            @Schema(required = true, description = "The field, as a path into the body or the parameter's name.",
                    example = "links.0.url") String field,
            @Schema(required = true, description = "Where the field is: body, query, path or header.",
                    example = "body") String in,
            @Schema(required = true, example = "must be an absolute http(s) URL of at most 2048 characters")
            String message) {
    }
}
