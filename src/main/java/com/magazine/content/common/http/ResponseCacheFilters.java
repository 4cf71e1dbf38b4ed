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
import java.time.Instant;
import java.util.Locale;
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
    private static final String STARTED = ResponseCacheFilters.class.getName() + ".started";
    private static final String HIT = ResponseCacheFilters.class.getName() + ".hit";
    private static final String CONDITIONS = ResponseCacheFilters.class.getName() + ".conditions";
    /** Whether an answer came from the response cache: hit or miss (absent when the cache was not asked). */
    static final String X_CACHE = "X-Cache";
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, "Link");
    private static final List<String> NEVER = ResponseCache.NEVER_CACHED;

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
        if (refreshRequested(request)) {
            return null; // Cache-Control: no-cache asks for an answer made afresh: it is neither served nor kept here
        }
        String key = key(request);
        ResponseCache.Entry entry = cache.get(key);
        if (entry == null) {
            request.setProperty(KEY, key);
            request.setProperty(GENERATION, cache.generation());
            request.setProperty(STARTED, Instant.now());
            // have the resource answer in full, so that one answer is kept for conditional and unconditional requests
            // alike; the conditions are applied to it afterwards, as they are to a hit
            Conditions conditions = Conditions.of(request);
            if (conditions.any()) {
                request.setProperty(CONDITIONS, conditions);
                request.getHeaders().remove(HttpHeaders.IF_NONE_MATCH);
                request.getHeaders().remove(HttpHeaders.IF_MODIFIED_SINCE);
            }
            return null;
        }
        request.setProperty(HIT, Boolean.TRUE);
        Response.ResponseBuilder answer;
        if (Conditions.of(request).notModified(entry)) {
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
        ReadDependencies dependencies = ReadDependencies.current();
        if (dependencies == null || dependencies.keys().isEmpty()) {
            return; // an answer that names nothing it depends on could never be purged: not kept
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
        Set<String> keys = dependencies.keys().stream().map(SurrogateKey::value)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        headers.put(HttpCaching.SURROGATE_KEY, String.join(" ", keys));
        String mediaType = type == null ? MediaType.APPLICATION_JSON : type.toString();
        Instant exact = dependencies.exactLastModified();
        cache.put(key, 200, mediaType, headers, body, keys, exact, (Long) request.getProperty(GENERATION),
                (Instant) request.getProperty(STARTED));
        if (request.getProperty(CONDITIONS) instanceof Conditions conditions
                && conditions.notModified(headers.get(HttpHeaders.ETAG), exact)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body, null, MediaType.valueOf(mediaType));
        }
    }

    /** {@code Cache-Control: no-cache} (or the older {@code Pragma: no-cache}) on the request. */
    private static boolean refreshRequested(ContainerRequestContext request) {
        String cacheControl = request.getHeaderString(HttpHeaders.CACHE_CONTROL);
        String pragma = request.getHeaderString("Pragma");
        return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-cache")
                || pragma != null && pragma.toLowerCase(Locale.ROOT).contains("no-cache");
    }

    /**
     * The conditions of a GET (RFC 9110, 13.2.2): {@code If-None-Match} when present, else {@code If-Modified-Since},
     * which is used only against a {@code Last-Modified} that moves with every change of the answer; an unreadable
     * date is ignored, as RFC 9110 says.
     */
    record Conditions(String ifNoneMatch, String ifModifiedSince) {

        static Conditions of(ContainerRequestContext request) {
            return new Conditions(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                    request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE));
        }

        boolean any() {
            return ifNoneMatch != null || ifModifiedSince != null;
        }

        boolean notModified(ResponseCache.Entry entry) {
            return notModified(entry.headers().get(HttpHeaders.ETAG), entry.exactLastModified());
        }

        /**
         * @param modified when the answer last changed, if that date moves with every change and its second was over
         *        when the answer was made; else null (then a date never validates). Compared in whole seconds, as
         *        HTTP dates are.
         */
        boolean notModified(String etag, Instant modified) {
            if (ifNoneMatch != null) {
                return etag != null && matches(ifNoneMatch, etag);
            }
            if (ifModifiedSince == null || modified == null) {
                return false;
            }
            Instant since = HttpCaching.parseDate(ifModifiedSince);
            return since != null && !modified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(since);
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
