package com.magazine.content.asset;

import com.magazine.content.common.error.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A media store that cannot be reached answers 503 with {@code Retry-After}, like a database that cannot; so does an
 * image that cannot be decoded in the memory there is at the moment.
 */
class MediaStoreProblems {

    private static final Logger LOG = Logger.getLogger(MediaStoreProblems.class);
    static final int RETRY_AFTER_SECONDS = 10;

    @ServerExceptionMapper
    Response unavailable(MediaStoreUnavailable e, UriInfo uri) {
        LOG.warnf("Media store unavailable, answering 503: %s", e.getMessage());
        return Problems.respond(HttpProblem.builder()
                .withType(URI.create(Problems.TYPE_PREFIX + "media-store-unavailable"))
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle("Service Unavailable")
                .withDetail("The media store cannot be reached right now; try again in " + RETRY_AFTER_SECONDS
                        + " seconds.")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS)
                .build(), uri);
    }

    @ServerExceptionMapper
    Response busy(EncoderBusy e, UriInfo uri) {
        LOG.warnf("Image refused for lack of memory, answering 503: %s", e.getCause());
        return Problems.respond(HttpProblem.builder()
                .withType(URI.create(Problems.TYPE_PREFIX + "images-busy"))
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle("Service Unavailable")
                .withDetail("Too many images are being processed right now; try again in " + RETRY_AFTER_SECONDS
                        + " seconds.")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS)
                .build(), uri);
    }
}
