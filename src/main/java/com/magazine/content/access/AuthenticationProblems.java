package com.magazine.content.access;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 answers as problem details with a Bearer challenge. (quarkus-resteasy-problem 3.21's own 401 mappers read a
 * field that Quarkus 3.33 no longer has and fail with a 500, so these take precedence.)
 */
class AuthenticationProblems {

    static final String CHALLENGE = "Bearer realm=\"content-api\"";

    @ServerExceptionMapper(priority = 1)
    Response failed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized("The API key is unknown or revoked, or not sent as `Authorization: Bearer <key>`.", uri);
    }

    @ServerExceptionMapper(priority = 1)
    Response missing(UnauthorizedException e, UriInfo uri) {
        return unauthorized("This needs an API key, sent as `Authorization: Bearer <key>`.", uri);
    }

    private static Response unauthorized(String detail, UriInfo uri) {
        return HttpProblem.builder()
                .withType(URI.create("urn:content-api:problem:unauthorized"))
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail(detail)
                .withInstance(com.magazine.content.common.error.Problems.instance(uri.getPath()))
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build()
                .toResponse();
    }
}
