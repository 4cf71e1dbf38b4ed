package com.magazine.content.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The HTTP-level failures the framework raises before any of our code runs (no route, wrong method, wrong media
 * type, unreadable body) as problems with a detail that tells the client what to do, instead of "HTTP 404 Not Found".
 * Mapped per type, since the most specific mapper wins over {@code priority}.
 */
public class HttpProblems {

    @ServerExceptionMapper(priority = 1)
    Response any(WebApplicationException e, UriInfo uri, Request request) {
        return respond(e, uri, request);
    }

    @ServerExceptionMapper(priority = 1)
    Response notFound(NotFoundException e, UriInfo uri, Request request, ResourceInfo resource) {
        if (e.getCause() != null && resource.getResourceMethod() != null) {
            // JAX-RS answers 404 to a query parameter it cannot convert (limit=abc): that is a bad request
            var violations = ParameterTypes.unconvertible(resource.getResourceMethod(), uri);
            if (!violations.isEmpty()) {
                return Problems.respond(Problems.invalid(violations), uri);
            }
        }
        return respond(e, uri, request);
    }

    @ServerExceptionMapper(priority = 1)
    Response notAllowed(NotAllowedException e, UriInfo uri, Request request) {
        return respond(e, uri, request);
    }

    @ServerExceptionMapper(priority = 1)
    Response notSupported(NotSupportedException e, UriInfo uri, Request request) {
        return respond(e, uri, request);
    }

    @ServerExceptionMapper(priority = 1)
    Response notAcceptable(NotAcceptableException e, UriInfo uri, Request request) {
        return respond(e, uri, request);
    }

    @ServerExceptionMapper(priority = 1)
    Response badRequest(BadRequestException e, UriInfo uri, Request request) {
        return respond(e, uri, request);
    }

    private static Response respond(WebApplicationException e, UriInfo uri, Request request) {
        return Problems.respond(e.getCause() instanceof JsonProcessingException json ? JsonInputProblems.of(json)
                : problemFor(e.getResponse(), request.getMethod()), uri);
    }

    private static HttpProblem problemFor(Response response, String method) {
        int status = response.getStatus();
        String detail = switch (status) {
            case 400 -> "The request could not be read; check its parameters and that its body is UTF-8 JSON.";
            case 404 -> "Nothing exists at this path. The API is under /api/v1; its document is at /q/openapi.";
            case 405 -> "This path does not take " + method + ".";
            case 406 -> "This path answers with JSON only: accept application/json (and application/problem+json).";
            case 415 -> "This operation does not read that media type: send application/json, or "
                    + "application/merge-patch+json for a PATCH.";
            default -> response.getStatusInfo().getReasonPhrase();
        };
        return HttpProblem.builder()
                .withStatus(status)
                .withTitle(response.getStatusInfo().getReasonPhrase())
                .withDetail(detail)
                .build();
    }
}
