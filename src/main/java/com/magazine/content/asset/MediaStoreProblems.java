package com.magazine.content.asset;

import com.magazine.content.common.error.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
        return Problems.respond(Problems.unavailable("media-store-unavailable",
                "The media store cannot be reached right now", RETRY_AFTER_SECONDS), uri);
    }

    @ServerExceptionMapper
    Response busy(EncoderBusy e, UriInfo uri) {
        LOG.warnf("Image refused for lack of memory, answering 503: %s", e.getCause());
        return Problems.respond(Problems.unavailable("images-busy",
                "Too many images are being processed right now", RETRY_AFTER_SECONDS), uri);
    }
}
