package com.magazine.content.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.common.util.DateUtil;

/**
 * What no route may ever see, checked once for every request before routing:
 * <ul>
 * <li>a URL longer than {@link #MAX_URL} characters: 414 problem (the server refuses still longer request lines,
 * {@code quarkus.http.limits.max-initial-line-length}, without a body);</li>
 * <li>an encoded NUL ({@code %00}) anywhere in the URL: 400 problem naming the parameter (no text we store or search
 * may hold one, and PostgreSQL refuses it);</li>
 * <li>an {@code If-Modified-Since} or {@code If-Unmodified-Since} that is not an HTTP date: ignored, as RFC 9110
 * (13.1.3, 13.1.4) says, by removing it.</li>
 * </ul>
 */
@ApplicationScoped
class RequestGuard {

    /** The longest URL (path and query) answered; longer ones get a 414 problem. */
    static final int MAX_URL = 8192;
    private static final List<String> DATE_CONDITIONS = List.of("If-Modified-Since", "If-Unmodified-Since");

    private final ObjectMapper mapper;

    RequestGuard(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 110);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String uri = request.uri();
        if (uri.length() > MAX_URL) {
            EdgeProblems.send(context, mapper, 414, "uri-too-long", "URI Too Long",
                    "The URL may be at most " + MAX_URL + " characters.", List.of(), false);
            return;
        }
        if (uri.toLowerCase(Locale.ROOT).contains("%00")) {
            EdgeProblems.send(context, mapper, 400, "invalid-field", "Bad Request",
                    "The URL contains a NUL character (%00).", nulViolations(request), false);
            return;
        }
        for (String header : DATE_CONDITIONS) {
            String value = request.getHeader(header);
            if (value != null && !isHttpDate(value)) {
                request.headers().remove(header);
            }
        }
        context.next();
    }

    private static List<Map<String, String>> nulViolations(HttpServerRequest request) {
        List<Map<String, String>> violations = new ArrayList<>();
        String message = "must not contain a NUL character";
        if (request.path().toLowerCase(Locale.ROOT).contains("%00")) {
            violations.add(Map.of("field", "path", "in", "path", "message", message));
        }
        String query = request.query();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (pair.toLowerCase(Locale.ROOT).contains("%00")) {
                    violations.add(Map.of("field", name.toLowerCase(Locale.ROOT).contains("%00") ? "query" : name,
                            "in", "query", "message", message));
                }
            }
        }
        return violations;
    }

    private static boolean isHttpDate(String value) {
        try {
            DateUtil.parseDate(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
