package com.magazine.content.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Serves anonymous reads from the {@link ResponseCache} at the HTTP layer, before routing, authentication, the REST
 * layer, any query or transaction, and keeps the answers of those it could not serve. A hit replays exactly what the
 * answer it was kept from carried (every header but those of one exchange: {@link #NOT_REPLAYED}), so nothing a
 * response filter adds can be missing from a hit. Keyed requests never touch it (they may see drafts); neither does
 * the change feed, which must always be read fresh.
 *
 * <p>Concurrent misses of one answer make it once ({@link AnswersInFlight}): the first leads, the others wait for its
 * answer without holding a thread, then are answered as any hit is (conditions, gzip), or, if it was not kept, make
 * their own as any miss does.
 */
@ApplicationScoped
class ResponseCacheFilters {

    /** After the request guard (110) and the anonymous rate limit (107), before the body size limit (100). */
    static final int PRIORITY = 105;
    private static final String MISS = ResponseCacheFilters.class.getName() + ".miss";
    /** Whether an answer came from the response cache: hit or miss (absent when the cache was not asked). */
    static final String X_CACHE = "X-Cache";
    /** Where Quarkus keeps the route template of a request for its HTTP metrics (and traces). */
    private static final String ROUTE_TEMPLATE = "UrlPathTemplate";
    /** Headers that belong to one exchange, not to the answer: never kept, never replayed. */
    static final Set<String> NOT_REPLAYED = Set.of("content-length", "content-encoding", "content-type",
            "transfer-encoding", "connection", "date", "x-cache", "x-request-id", "retry-after", "set-cookie",
            "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset");
    private static final List<String> NEVER = ResponseCache.NEVER_CACHED;

    private final ResponseCache cache;
    private final AnswersInFlight inFlight;
    private final ObjectMapper json;

    ResponseCacheFilters(ResponseCache cache, AnswersInFlight inFlight, ObjectMapper json) {
        this.cache = cache;
        this.inFlight = inFlight;
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::serve, PRIORITY);
    }

    /**
     * What a miss hands on to {@link #keep}: where to keep the answer, the conditions to apply to it then, and the
     * flight it leads (null when it makes its answer alone).
     */
    private record Miss(String key, long generation, Instant started, Conditions conditions,
            AnswersInFlight.Flight flight) {
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!cache.enabled() || request.method() != HttpMethod.GET
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || PreviewTokens.carried(request.getHeader(PreviewTokens.HEADER), request.getParam(PreviewTokens.QUERY))
                || NEVER.stream().anyMatch(request.path()::startsWith)
                || refreshRequested(request)) {
            // Cache-Control: no-cache asks for an answer made afresh: it is neither served nor kept here
            context.next();
            return;
        }
        look(context, key(request), null);
    }

    /**
     * Answers from the cache, or has the request make its answer: leading the flight of its key, or, when another
     * request already makes that answer, after waiting for it once ({@code waited}: why the wait ended; null on the
     * first look). A request that has waited never waits again.
     */
    private void look(RoutingContext context, String key, AnswersInFlight.Release waited) {
        HttpServerRequest request = context.request();
        Conditions conditions = Conditions.of(request);
        ResponseCache.Entry entry = cache.peek(key);
        if (waited != null) {
            inFlight.count(entry != null ? AnswersInFlight.Outcome.HIT
                    : waited == AnswersInFlight.Release.TIMED_OUT ? AnswersInFlight.Outcome.TIMEOUT
                    : AnswersInFlight.Outcome.MISS);
        }
        if (entry != null) {
            cache.countHit();
            answer(context, entry, conditions);
            return;
        }
        long generation = cache.generation();
        AnswersInFlight.Flight flight = null;
        if (waited == null && inFlight.enabled()) {
            flight = inFlight.lead(key, generation, release -> resume(context, key, release));
            if (flight == null) {
                return; // another request makes this answer: resumed when it is decided
            }
            AnswersInFlight.Flight led = flight;
            // on an answer the REST layer never reached, a failure, or a closed connection, as well as on success
            context.addEndHandler(ended -> inFlight.land(led));
        }
        cache.countMiss();
        context.put(MISS, new Miss(key, generation, Instant.now(), conditions.any() ? conditions : null, flight));
        if (conditions.any()) {
            // have the resource answer in full, so that one answer is kept for conditional and unconditional
            // requests alike; the conditions are applied to it afterwards, as they are to a hit
            request.headers().remove(HttpHeaders.IF_NONE_MATCH);
            request.headers().remove(HttpHeaders.IF_MODIFIED_SINCE);
        }
        context.next();
    }

    /** A follower, back on its own context: looks again, unless its client has gone meanwhile. */
    private void resume(RoutingContext context, String key, AnswersInFlight.Release release) {
        HttpServerResponse response = context.response();
        if (response.closed() || response.ended()) {
            return;
        }
        try {
            look(context, key, release);
        } catch (RuntimeException e) {
            context.fail(e);
        }
    }

    /** Answers from a kept answer: its status, headers and body, or 304 when the conditions say the client has it. */
    private static void answer(RoutingContext context, ResponseCache.Entry entry, Conditions conditions) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        if (entry.route() != null && request instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(ROUTE_TEMPLATE, entry.route());
        }
        entry.headers().forEach(response::putHeader);
        response.putHeader(X_CACHE, "hit");
        if (conditions.notModified(entry)) {
            response.setStatusCode(304).end();
            return;
        }
        response.setStatusCode(entry.status()).putHeader(HttpHeaders.CONTENT_TYPE, entry.mediaType());
        if (entry.gzipped() != null && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(entry.gzipped())));
        } else {
            // "identity" keeps the server's own compression off it (and is not sent), as for every other answer
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "identity");
            // no copy: the kept bytes are never written to
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(entry.body())));
        }
    }

    /**
     * Runs last of the response filters (the lowest priority), so that the answer kept is the answer as every other
     * filter left it.
     */
    @ServerResponseFilter(priority = 1)
    void keep(ContainerRequestContext request, ContainerResponseContext response, RoutingContext context) {
        if (!(context.get(MISS) instanceof Miss miss)) {
            return;
        }
        try {
            keep(miss, response, context);
        } finally {
            if (miss.flight() != null) {
                inFlight.land(miss.flight()); // kept or not, the answer is decided: its followers need not wait on
            }
        }
    }

    private void keep(Miss miss, ContainerResponseContext response, RoutingContext context) {
        response.getHeaders().putSingle(X_CACHE, "miss");
        if (response.getStatus() != 200 || response.getEntity() == null) {
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
        response.getStringHeaders().forEach((name, values) -> {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT)) && !values.isEmpty()
                    && !name.equalsIgnoreCase(HttpCaching.SURROGATE_KEY)) {
                headers.put(name, String.join(", ", values));
            }
        });
        Set<String> keys = dependencies.keys().stream().map(SurrogateKey::value)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        headers.put(HttpCaching.SURROGATE_KEY, String.join(" ", keys));
        String mediaType = type == null ? MediaType.APPLICATION_JSON : type.toString();
        Instant exact = dependencies.exactLastModified();
        Object route = context.request() instanceof HttpServerRequestInternal internal
                ? internal.context().getLocal(ROUTE_TEMPLATE) : null;
        cache.put(miss.key(), 200, mediaType, headers, body, keys, exact, miss.generation(), miss.started(),
                route instanceof String template ? template : null);
        if (miss.conditions() != null && miss.conditions().notModified(headers.get(HttpHeaders.ETAG), exact)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body, null, MediaType.valueOf(mediaType));
        }
    }

    /** {@code Cache-Control: no-cache} (or the older {@code Pragma: no-cache}) on the request. */
    private static boolean refreshRequested(HttpServerRequest request) {
        String cacheControl = request.getHeader(HttpHeaders.CACHE_CONTROL);
        String pragma = request.getHeader("Pragma");
        return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-cache")
                || pragma != null && pragma.toLowerCase(Locale.ROOT).contains("no-cache");
    }

    /**
     * The conditions of a GET (RFC 9110, 13.2.2): {@code If-None-Match} when present, else {@code If-Modified-Since},
     * which is used only against a {@code Last-Modified} that moves with every change of the answer; an unreadable
     * date is ignored, as RFC 9110 says.
     */
    record Conditions(String ifNoneMatch, String ifModifiedSince) {

        static Conditions of(HttpServerRequest request) {
            return new Conditions(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                    request.getHeader(HttpHeaders.IF_MODIFIED_SINCE));
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
                return etag != null && HttpCaching.ifNoneMatch(ifNoneMatch, etag);
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

    /** What one kept answer is for: the raw path and query, and the media types asked for. */
    private static String key(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.path() + "?" + request.query() + "|" + (accept == null ? "" : accept);
    }
}
