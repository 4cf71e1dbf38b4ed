package com.magazine.content.access;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the key of every request that sends one, on public endpoints too: a wrong or revoked key is a 401 problem
 * rather than a silent fall-back to anonymous, so a misconfigured client finds out at once.
 */
class AuthenticationFilter {

    private final CurrentIdentityAssociation identity;

    AuthenticationFilter(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    Uni<Void> authenticate(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().replaceWithVoid();
    }
}
