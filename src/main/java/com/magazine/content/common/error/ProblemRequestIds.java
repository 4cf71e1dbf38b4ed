package com.magazine.content.common.error;

import com.magazine.content.common.http.RequestIds;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Names the request's id ({@link RequestIds}) in every problem answer, as the {@code requestId} extension member,
 * so that a client reporting a problem can quote what the logs were written under.
 */
public class ProblemRequestIds {

    @ServerResponseFilter
    void name(ContainerResponseContext response, HttpServerRequest http) {
        if (response.getEntity() instanceof HttpProblem problem && !problem.getParameters().containsKey("requestId")) {
            String id = http.response().headers().get(RequestIds.HEADER);
            if (id != null) {
                response.setEntity(HttpProblem.builder(problem).with("requestId", id).build(),
                        response.getEntityAnnotations(), response.getMediaType());
            }
        }
    }
}
