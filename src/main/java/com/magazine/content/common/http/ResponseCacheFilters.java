package com.magazine.content.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Serves anonymous reads from the {@link ResponseCache} before any resource, query or transaction runs, and keeps
 * the answers of those it could not serve. Keyed requests never touch it (they may see drafts); neither does the
 * change feed, which must always be read fresh.
 */
class ResponseCacheFilters {

    private static final String KEY = ResponseCacheFilters.class.getName() + ".key";
    private static final String GENERATION = ResponseCacheFilters.class.getName() + ".generation";
    private static final String HIT = ResponseCacheFilters.class.getName() + ".hit";
    private static final String CONDITION = ResponseCacheFilters.class.getName() + ".if-none-match";
    /** Whether an answer came from the response cache: hit or miss (absent when the cache was not asked). */
    static final String X_CACHE = "X-Cache";
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpCaching.SURROGATE_KEY, "Link");
    private static final List<String> NEVER = List.of("/api/v1/changes", "/q/");

    private final ResponseCache cache;
    private final ObjectMapper json;

    ResponseCacheFilters(ResponseCache cache, ObjectMapper json) {
        this.cache = cache;
        this.json = json;
    }

    @ServerRequestFilter(preMatching = true, priority = 1)
    Response serve(ContainerRequestContext request, HttpServerResponse exchange) {
        if (!cache.enabled() || !HttpMethod.GET.equals(request.getMethod())
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (NEVER.stream().anyMatch(path::startsWith)) {
            return null;
        }
        String key = key(request);
        // a date-only condition is left to the resource, which knows whether a date may be trusted (not for lists)
        boolean dateOnly = request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE) != null
                && request.getHeaderString(HttpHeaders.IF_NONE_MATCH) == null;
        ResponseCache.Entry entry = dateOnly ? null : cache.get(key);
        if (entry == null) {
            request.setProperty(KEY, key);
            request.setProperty(GENERATION, cache.generation());
            // have the resource answer in full, so that the answer can be kept; the condition is applied after
            String condition = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
            if (condition != null && !dateOnly) {
                request.setProperty(CONDITION, condition);
                request.getHeaders().remove(HttpHeaders.IF_NONE_MATCH);
            }
            return null;
        }
        request.setProperty(HIT, Boolean.TRUE);
        String etag = entry.headers().get(HttpHeaders.ETAG);
        boolean current = etag != null && matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag);
        Response.ResponseBuilder answer;
        if (current) {
            answer = Response.notModified();
        } else if (entry.gzipped() != null && acceptsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING))) {
            answer = Response.status(entry.status()).entity(entry.gzipped()).type(entry.mediaType());
            // on the exchange itself: the server marks every answer "identity" up front (so that it compresses none
            // of its own accord), and an answer's header would be added beside that mark, not in its place
            exchange.headers().set(HttpHeaders.CONTENT_ENCODING, "gzip");
        } else {
            answer = Response.status(entry.status()).entity(entry.body()).type(entry.mediaType());
        }
        entry.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerResponseFilter(priority = 1)
    void keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(HIT) != null) {
            response.getHeaders().putSingle(X_CACHE, "hit");
            return;
        }
        if (request.getProperty(KEY) != null) {
            response.getHeaders().putSingle(X_CACHE, "miss");
        }
        if (!(request.getProperty(KEY) instanceof String key) || response.getStatus() != 200
                || response.getEntity() == null) {
            return;
        }
        Object cacheControl = response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL);
        if (cacheControl != null && cacheControl.toString().contains("no-store")) {
            return;
        }
        Object entity = response.getEntity();
        byte[] body;
        try {
            body = entity instanceof byte[] bytes ? bytes
                    : entity instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            return; // the framework writes (or reports) it as it would have anyway
        }
        MediaType type = response.getMediaType();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        String vary = response.getHeaderString(HttpHeaders.VARY);
        if (vary != null && vary.contains("Accept,") || vary != null && vary.endsWith("Accept")) {
            headers.put(HttpHeaders.VARY, "Accept"); // the negotiation; the filters add the rest again
        }
        Set<String> keys = Arrays.stream(headers.getOrDefault(HttpCaching.SURROGATE_KEY, "").split(" "))
                .filter(k -> !k.isBlank()).collect(Collectors.toSet());
        String mediaType = type == null ? MediaType.APPLICATION_JSON : type.toString();
        cache.put(key, 200, mediaType, headers, body, keys, (Long) request.getProperty(GENERATION));
        String etag = headers.get(HttpHeaders.ETAG);
        if (request.getProperty(CONDITION) instanceof String condition && etag != null && matches(condition, etag)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body, null, MediaType.valueOf(mediaType));
        }
    }

    /**
     * Whether {@code Accept-Encoding} allows gzip (RFC 9110, 12.5.3): gzip (or x-gzip) named with a weight above
     * zero, or else {@code *} so named.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean gzip = null;
        Boolean any = null;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
            double weight = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(java.util.Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            if (name.equals("gzip") || name.equals("x-gzip")) {
                gzip = weight > 0;
            } else if (name.equals("*")) {
                any = weight > 0;
            }
        }
        return gzip != null ? gzip : Boolean.TRUE.equals(any);
    }

    private static String key(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return request.getUriInfo().getRequestUri().getRawPath() + "?"
                + String.valueOf(request.getUriInfo().getRequestUri().getRawQuery()) + "|" + (accept == null ? "" : accept);
    }

    /** If-None-Match against a strong ETag: a list of tags or *, compared weakly as RFC 9110 says for GET. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String value = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(value)) {
                return true;
            }
        }
        return false;
    }
}
