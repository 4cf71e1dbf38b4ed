package com.magazine.content.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.error.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;
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
 * limited. Fixed one-minute windows, counted in this instance. Over the limit: 429 with {@code Retry-After}; every
 * limited answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}.
 */
class RateLimits {

    private static final String STATE = RateLimits.class.getName();
    private static final long WINDOW_SECONDS = 60;

    private final ContentConfig.Limits config;
    private final CurrentIdentityAssociation identities;
    private final Cache<String, AtomicInteger> windows = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(2 * WINDOW_SECONDS))
            .maximumSize(1_000_000)
            .build();

    RateLimits(ContentConfig config, CurrentIdentityAssociation identities) {
        this.config = config.limits();
        this.identities = identities;
    }

    /** Runs once the key is known (after {@link AuthenticationFilter}), before the resource. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 10)
    Uni<Response> count(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> count(request, identity, http));
    }

    private Response count(ContainerRequestContext request, SecurityIdentity identity, HttpServerRequest http) {
        if (identity.hasRole(Role.ADMIN) || identity.hasRole(Role.EDITOR)) {
            return null;
        }
        boolean anonymous = identity.isAnonymous();
        int limit = anonymous ? config.anonymousPerMinute() : config.keyPerMinute();
        long now = System.currentTimeMillis() / 1000;
        long window = now / WINDOW_SECONDS;
        String who = anonymous ? "address:" + http.remoteAddress().hostAddress()
                : "key:" + identity.getPrincipal().getName();
        int used = windows.get(who + "@" + window, key -> new AtomicInteger()).incrementAndGet();
        long reset = (window + 1) * WINDOW_SECONDS - now;
        State state = new State(limit, Math.max(0, limit - used), reset);
        request.setProperty(STATE, state);
        if (used > limit) {
            HttpProblem problem = HttpProblem.builder()
                    .withType(URI.create(Problems.TYPE_PREFIX + "rate-limited"))
                    .withStatus(429)
                    .withTitle("Too Many Requests")
                    .withDetail("More than " + limit + " requests a minute" + (anonymous ? " from this address"
                            + " (a partner key allows more)" : " with this key") + "; try again in " + reset
                            + " seconds.")
                    .withInstance(URI.create(request.getUriInfo().getPath()))
                    .withHeader("Retry-After", reset)
                    .build();
            return problem.toResponse();
        }
        return null;
    }

    @ServerResponseFilter
    void report(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STATE) instanceof State state) {
            response.getHeaders().putSingle("RateLimit-Limit", state.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", state.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", state.reset());
        }
    }

    private record State(int limit, int remaining, long reset) {
    }
}
