package com.magazine.content.common.http;

import com.magazine.content.common.ContentConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers on every API answer. {@code Cache-Control} and {@code Vary}: successful anonymous reads are public and
 * cacheable by CDNs (configurable); anything asked with a key is {@code private, no-store}, since it may show drafts;
 * writes and errors are never stored. {@code X-Content-Type-Options: nosniff}: a browser never takes our JSON, which
 * carries readers' text, for HTML.
 */
public class ResponseHeadersFilter {

    /**
     * What every read's answer varies on besides what it negotiates: who asks (a key, a preview token) and how it is
     * compressed. Answers made outside the REST layer (renditions sent as files) send the same.
     */
    public static final java.util.List<String> VARY_ON_READS = java.util.List.of("Authorization", PreviewTokens.HEADER,
            "Accept-Encoding");

    private final String publicCacheControl;

    ResponseHeadersFilter(ContentConfig config) {
        this.publicCacheControl = config.http().cacheControl();
    }

    @ServerResponseFilter
    public void addCacheHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        int status = response.getStatus();
        boolean cacheable = read && (status == 200 || status == 304);
        if (read) {
            // a resource that negotiates its media type has said Vary: Accept already: keep it, once
            java.util.Set<String> vary = new java.util.LinkedHashSet<>();
            Object negotiated = headers.getFirst(HttpHeaders.VARY);
            if (negotiated != null) {
                for (String token : negotiated.toString().split(",")) {
                    vary.add(token.strip());
                }
            }
            vary.addAll(VARY_ON_READS);
            headers.putSingle(HttpHeaders.VARY, String.join(", ", vary));
        }
        if (headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        if (!cacheable) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        } else if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || PreviewTokens.carried(request.getHeaderString(PreviewTokens.HEADER),
                        request.getUriInfo().getQueryParameters().getFirst(PreviewTokens.QUERY))) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
        } else {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, publicCacheControl);
        }
    }
}
