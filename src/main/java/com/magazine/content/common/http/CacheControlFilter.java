package com.magazine.content.common.http;

import com.magazine.content.common.ContentConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Cache-Control} and {@code Vary} on every API answer. Successful anonymous reads are public and cacheable by
 * CDNs (configurable); anything asked with a key is {@code private, no-store}, since it may show drafts; writes and
 * errors are never stored.
 */
public class CacheControlFilter {

    private final String publicCacheControl;

    CacheControlFilter(ContentConfig config) {
        this.publicCacheControl = config.http().cacheControl();
    }

    @ServerResponseFilter
    public void addCacheHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        int status = response.getStatus();
        boolean cacheable = read && (status == 200 || status == 304);
        if (read) {
            headers.putSingle(HttpHeaders.VARY, "Authorization, Accept-Encoding");
        }
        if (headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        if (!cacheable) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        } else if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
        } else {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, publicCacheControl);
        }
    }
}
