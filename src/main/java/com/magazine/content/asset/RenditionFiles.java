package com.magazine.content.asset;

import com.magazine.content.common.http.ResponseHeadersFilter;

import com.magazine.content.common.http.HttpCaching;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.magazine.content.common.ContentConfig;
import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Renditions already made, of assets already known in memory, sent at the HTTP layer before routing and the REST
 * layer, the most recent from memory ({@code content.assets.memory}): the path a page's images take once warm. Anything else (a rendition to make, a 301, a
 * problem, an asset not yet looked up, an S3 store) goes on to {@link MediaResource}, which answers it the one way.
 * The headers are {@link MediaResource}'s own; {@code AssetResourceTest} compares the two answers.
 */
@ApplicationScoped
class RenditionFiles {

    private final AssetService assets;
    /** The renditions sent most lately, by storage key: their bytes never change (the key names the pixels). */
    private final Cache<String, byte[]> recent;

    RenditionFiles(AssetService assets, ContentConfig config) {
        this.assets = assets;
        this.recent = Caffeine.newBuilder()
                .maximumWeight(config.assets().memory().asLongValue())
                .weigher((String key, byte[] bytes) -> bytes.length)
                .build();
    }

    void register(@Observes Filters filters) {
        filters.register(this::serve, 104);
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        // a request with a key goes to the resource, which checks the key (a bad one is a 401 everywhere)
        Optional<AssetService.Rendition.Found> found = request.method() == HttpMethod.GET
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.path().startsWith(Renditions.PREFIX) ? found(request.path()) : Optional.empty();
        Optional<byte[]> bytes = found.filter(rendition -> acceptable(request.getHeader(HttpHeaders.ACCEPT),
                rendition.encoding().mediaType)).flatMap(this::bytes);
        if (bytes.isEmpty()) {
            context.next();
            return;
        }
        AssetService.Rendition.Found rendition = found.get();
        HttpServerResponse response = context.response()
                .putHeader(HttpHeaders.CACHE_CONTROL, MediaResource.cacheControl(rendition.rightsExpireAt()))
                .putHeader(HttpHeaders.ETAG, MediaResource.etag(rendition).toString())
                .putHeader(HttpCaching.SURROGATE_KEY, AssetKeys.asset(rendition.source().id()).value())
                .putHeader(HttpHeaders.VARY, String.join(", ", ResponseHeadersFilter.VARY_ON_READS))
                .putHeader("X-Content-Type-Options", "nosniff");
        if (MediaResource.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), rendition)) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, rendition.encoding().mediaType)
                .putHeader(HttpHeaders.CONTENT_ENCODING, "identity") // already compressed: not again
                .end(Buffer.buffer(Unpooled.wrappedBuffer(bytes.get()))); // no copy: kept bytes are never written to
    }

    /** The rendition's bytes, from memory, or read once from its file (a local store) into memory. */
    private Optional<byte[]> bytes(AssetService.Rendition.Found found) {
        String key = found.source().storageKey(found.crop(), found.width(), found.encoding());
        byte[] kept = recent.getIfPresent(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<Path> file = assets.file(found);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] read = java.nio.file.Files.readAllBytes(file.get());
            recent.put(key, read);
            return Optional.of(read);
        } catch (java.io.IOException e) {
            return Optional.empty(); // the resource tries, and answers what went wrong
        }
    }

    /**
     * Whether {@code Accept} plainly takes the type: absent, or naming it, image/* or * / *. Anything subtler (a
     * weight of zero) goes to the resource, whose negotiation answers it (406 where nothing is acceptable).
     */
    static boolean acceptable(String accept, String mediaType) {
        if (accept == null) {
            return true;
        }
        String value = accept.toLowerCase(java.util.Locale.ROOT);
        return !value.matches(".*q\\s*=\\s*0(\\.0*)?\\s*(,|;|$).*")
                && (value.contains("*/*") || value.contains("image/*") || value.contains(mediaType));
    }

    /** /media/{id}/{tag}/[{crop}/]{file}, when it names a rendition of an asset known in memory. */
    private Optional<AssetService.Rendition.Found> found(String path) {
        String[] parts = path.substring(Renditions.PREFIX.length()).split("/", -1);
        if (parts.length < 3 || parts.length > 4) {
            return Optional.empty();
        }
        try {
            return assets.knownRendition(UUID.fromString(parts[0]), parts[1], parts.length == 4 ? parts[2] : null,
                    parts[parts.length - 1])
                    .filter(AssetService.Rendition.Found.class::isInstance)
                    .map(AssetService.Rendition.Found.class::cast);
        } catch (RuntimeException e) {
            return Optional.empty(); // a problem: the resource answers it
        }
    }
}
