package com.magazine.content.common.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes the {@code Surrogate-Key} header of every answer to a read that a cache may keep (200, a redirect, 304) from
 * what the features declared while reading it ({@link ReadDependencies}). No resource sets it by hand, so no resource
 * can forget it or name the wrong keys. Answers from the response cache
 * (which never reach this filter) replay the header they were kept with.
 */
class SurrogateKeyFilter {

    @ServerResponseFilter(priority = 10)
    void declare(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
            return;
        }
        int status = response.getStatus();
        if (status != 200 && status != 301 && status != 304) {
            return;
        }
        ReadDependencies dependencies = ReadDependencies.current();
        if (dependencies == null || dependencies.keys().isEmpty()) {
            return;
        }
        response.getHeaders().putSingle(HttpCaching.SURROGATE_KEY,
                dependencies.keys().stream().map(SurrogateKey::value).collect(Collectors.joining(" ")));
    }
}
