package com.magazine.content.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problem answers written at the HTTP layer, before a request reaches a resource (a body too large, a URL too long,
 * a NUL in the URL): the same RFC 9457 shape as {@code common.error.Problems}, with {@code Cache-Control: no-store}.
 */
public final class EdgeProblems {

    private EdgeProblems() {
    }

    /**
     * Ends the exchange with a problem. {@code violations} may be empty; {@code close} also closes the connection
     * (when the rest of the request will not be read).
     */
    public static void send(RoutingContext context, ObjectMapper mapper, int status, String type, String title,
            String detail, List<Map<String, String>> violations, boolean close) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:content-api:problem:" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", context.request().path().length() > 2048 ? context.request().path().substring(0, 2048)
                : context.request().path());
        if (!violations.isEmpty()) {
            problem.put("violations", violations);
        }
        HttpServerResponse response = context.response();
        // the id RequestIds gave the request, or one given now if this answer comes before it ran
        String requestId = context.get(RequestIds.MDC_KEY);
        if (requestId == null) {
            requestId = RequestIds.idFor(context.request().getHeader(RequestIds.HEADER));
            if (!response.headWritten()) {
                response.putHeader(RequestIds.HEADER, requestId);
            }
        }
        problem.put("requestId", requestId);
        if (response.headWritten()) {
            context.request().connection().close();
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.end(body).onComplete(done -> context.request().connection().close());
        } else {
            response.end(body);
        }
    }
}
