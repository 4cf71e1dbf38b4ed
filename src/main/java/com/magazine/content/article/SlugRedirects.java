package com.magazine.content.article;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers a read by an old slug with 301 to the same path under the current slug, query string kept. The
 * {@code Location} is relative to this server (RFC 9110 allows it), so the answer is the same whatever {@code Host} the
 * request named; it carries the article's surrogate key like any read of it.
 */
class SlugRedirects {

    @ServerExceptionMapper
    Response moved(SlugMoved moved, UriInfo uri) {
        List<String> segments = uri.getPathSegments().stream().map(segment -> segment.getPath()).toList();
        UriBuilder location = UriBuilder.fromPath(uri.getBaseUri().getRawPath())
                .replaceQuery(uri.getRequestUri().getRawQuery());
        boolean replaced = false;
        for (int i = 0; i < segments.size(); i++) {
            boolean isSlug = !replaced && i > 0 && segments.get(i - 1).equals("articles")
                    && segments.get(i).equals(moved.oldSlug());
            location.segment(isSlug ? moved.currentSlug() : segments.get(i));
            replaced |= isSlug;
        }
        // as a header, not through location(): that would make it absolute from the request's Host
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .header(HttpHeaders.LOCATION, location.build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .build();
    }
}
