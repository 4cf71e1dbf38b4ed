package com.magazine.content.article;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a read by an old slug with 301 to the same path under the current slug, query string kept. */
class SlugRedirects {

    @ServerExceptionMapper
    Response moved(SlugMoved moved, UriInfo uri) {
        List<String> segments = uri.getPathSegments().stream().map(segment -> segment.getPath()).toList();
        UriBuilder location = uri.getBaseUriBuilder().replaceQuery(uri.getRequestUri().getRawQuery());
        boolean replaced = false;
        for (int i = 0; i < segments.size(); i++) {
            boolean isSlug = !replaced && i > 0 && segments.get(i - 1).equals("articles")
                    && segments.get(i).equals(moved.oldSlug());
            location.segment(isSlug ? moved.currentSlug() : segments.get(i));
            replaced |= isSlug;
        }
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(location.build())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .build();
    }
}
