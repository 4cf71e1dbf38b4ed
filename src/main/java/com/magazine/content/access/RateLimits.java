package com.magazine.content.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.http.ClientAddresses;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.vertx.http.runtime.filters.Filters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.magazine.content.common.http.EdgeProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Rate limits: per client address without a key, per key for partner and author keys; admins and editors are not
 * limited. A key that is unknown or revoked counts against its address, like no key at all, so sending a made-up key
 * buys nothing; and once the address has spent its budget, a key this instance does not already know is refused
 * with 429 before it is looked up, so made-up keys cost no query either. Fixed one-minute windows, counted in this
 * instance. Over the limit: 429 with {@code Retry-After}; every limited answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}. The client's address is {@link ClientAddresses}'s.
 */
@ApplicationScoped
class RateLimits {

    /** After the request guard (110), before the response cache (105): a hit is counted too. */
    static final int EDGE_PRIORITY = 107;

    private static final String STATE = RateLimits.class.getName();
    private static final long WINDOW_SECONDS = 60;

    private final ContentConfig.Limits config;
    private final CurrentIdentityAssociation identities;
    private final ClientAddresses addresses;
    private final ApiKeyService keys;
    private final ObjectMapper mapper;
    private final Cache<String, AtomicInteger> windows = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(2 * WINDOW_SECONDS))
            .maximumSize(1_000_000)
            .build();

    RateLimits(ContentConfig config, CurrentIdentityAssociation identities, ClientAddresses addresses,
            ApiKeyService keys, ObjectMapper mapper) {
        this.mapper = mapper;
        this.config = config.limits();
        this.identities = identities;
        this.addresses = addresses;
        this.keys = keys;
    }

    void register(@Observes Filters filters) {
        filters.register(this::countAnonymous, EDGE_PRIORITY);
    }

    /**
     * Requests without a key: counted first of all, at the HTTP layer before even the response cache answers
     * (after the request guard, whose refusals cost nothing). Their {@code RateLimit-*} headers go on the answer from
     * here, whoever answers.
     */
    private void countAnonymous(RoutingContext context) {
        HttpServerRequest http = context.request();
        if (!config.enabled() || http.getHeader(HttpHeaders.AUTHORIZATION) != null
                || http.path().startsWith("/q/") || http.path().startsWith("/media/")) {
            // the platform's endpoints; image renditions (a page shows many; each is made once, then a file)
            context.next();
            return;
        }
        State state = spend("address:" + addresses.of(http), config.anonymousPerMinute(), true);
        HttpServerResponse response = context.response();
        response.putHeader("RateLimit-Limit", Integer.toString(state.limit()))
                .putHeader("RateLimit-Remaining", Integer.toString(state.remaining()))
                .putHeader("RateLimit-Reset", Long.toString(state.reset()));
        if (state.over()) {
            response.putHeader("Retry-After", Long.toString(state.reset()));
            EdgeProblems.send(context, mapper, 429, "rate-limited", "Too Many Requests",
                    tooMany(state, true), List.of(), false);
            return;
        }
        context.next();
    }

    /**
     * Requests with a key this instance does not know to be good: refused here when their address has no budget
     * left, before any lookup.
     */
    @ServerRequestFilter(preMatching = true, priority = 0)
    Response refuseUnknownKeys(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.enabled()) {
            return null;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return null; // counted at the HTTP layer
        }
        String secret = ApiKeyAuthenticationMechanism.secretOf(authorization);
        if (secret != null && keys.knownGood(secret)) {
            return null;
        }
        return count(request, "address:" + addresses.of(http), config.anonymousPerMinute(), true, false);
    }

    /**
     * Requests with a key: counted per key once the key is checked (before {@link AuthenticationFilter}, which
     * reuses the check); an unknown or revoked key counts against the address, as if there were none.
     */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 10)
    Uni<Response> countKeyed(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.enabled() || request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .map(identity -> identity.hasRole(Role.ADMIN) || identity.hasRole(Role.EDITOR)
                        || identity.isAnonymous() ? null
                        : count(request, "key:" + identity.getPrincipal().getName(), config.keyPerMinute(), false,
                                true))
                .onFailure(AuthenticationFailedException.class).recoverWithUni(failure -> {
                    Response limited = count(request, "address:" + addresses.of(http), config.anonymousPerMinute(),
                            true, true);
                    return limited != null ? Uni.createFrom().item(limited) : Uni.createFrom().failure(failure);
                });
    }

    /**
     * Counts one request of {@code who} (or, unless {@code spend}, only looks whether its budget is spent) and
     * answers the 429 when it is over the limit.
     */
    private Response count(ContainerRequestContext request, String who, int limit, boolean anonymous,
            boolean spend) {
        State state = spend(who, limit, spend);
        if (spend || state.over()) {
            request.setProperty(STATE, state);
        }
        if (state.over()) {
            HttpProblem problem = HttpProblem.builder()
                    .withType(URI.create(Problems.TYPE_PREFIX + "rate-limited"))
                    .withStatus(429)
                    .withTitle("Too Many Requests")
                    .withDetail(tooMany(state, anonymous))
                    .withInstance(com.magazine.content.common.error.Problems.instance(request.getUriInfo().getPath()))
                    .withHeader("Retry-After", state.reset())
                    .build();
            return problem.toResponse();
        }
        return null;
    }

    /** One request of {@code who} in this minute's window (only looked at unless {@code spend}). */
    private State spend(String who, int limit, boolean spend) {
        long now = System.currentTimeMillis() / 1000;
        long window = now / WINDOW_SECONDS;
        AtomicInteger counter = windows.get(who + "@" + window, key -> new AtomicInteger());
        int used = spend ? counter.incrementAndGet() : counter.get() + 1;
        return new State(limit, Math.max(0, limit - used), (window + 1) * WINDOW_SECONDS - now, used > limit);
    }

    private static String tooMany(State state, boolean anonymous) {
        return "More than " + state.limit() + " requests a minute" + (anonymous ? " from this address"
                + " (a partner key allows more)" : " with this key") + "; try again in " + state.reset()
                + " seconds.";
    }

    @ServerResponseFilter
    void report(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STATE) instanceof State state) {
            response.getHeaders().putSingle("RateLimit-Limit", state.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", state.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", state.reset());
        }
    }

    private record State(int limit, int remaining, long reset, boolean over) {
    }
}
