package com.magazine.content.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.magazine.content.common.ContentConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Refuses a body larger than {@code content.http.max-body-size} (uploads of assets: {@code content.assets.max-bytes})
 * with a 413 problem: at once when its {@code Content-Length} says so (reading and dropping the body when it is no
 * more than {@link #DRAIN_FACTOR} times the limit, hanging up on a larger one); for a chunked body (no length announced) by reading it here, up to the limit, and
 * handing it on to the resource as read (the server's own check would answer those with a bare 413).
 */
@ApplicationScoped
class BodySizeLimit {

    /** How much of a refused body is read and dropped, in multiples of the limit, before hanging up. */
    private static final int DRAIN_FACTOR = 8;

    /** Where uploads of files are taken: their limit is the assets' own. */
    static final String UPLOADS = "/api/v1/assets";
    /** Where archives are restored from: their limit is the backups' own, and their body is never held here. */
    static final String ARCHIVES = "/api/v1/restore";

    /** Where files to import are taken: their limit is the imports' own. */
    static final String IMPORTS = "/api/v1/imports";

    private final long maxBytes;
    private final long maxUploadBytes;
    private final long maxImportBytes;
    private final long maxArchiveBytes;
    private final ObjectMapper mapper;

    BodySizeLimit(ContentConfig config, ObjectMapper mapper) {
        this.maxBytes = config.http().maxBodySize().asLongValue();
        this.maxUploadBytes = config.assets().maxBytes().asLongValue();
        this.maxImportBytes = config.imports().maxBytes().asLongValue();
        this.maxArchiveBytes = config.backup().maxBytes().asLongValue();
        this.mapper = mapper;
    }

    /**
     * The limit of this request's body: the assets' for uploads, the imports' for imports, the backups' for archives,
     * else a JSON body's.
     */
    private long limitOf(HttpServerRequest request) {
        if (request.method() != io.vertx.core.http.HttpMethod.POST) {
            return maxBytes;
        }
        return request.path().equals(UPLOADS) ? maxUploadBytes
                : request.path().equals(IMPORTS) ? maxImportBytes
                : request.path().equals(ARCHIVES) ? maxArchiveBytes : maxBytes;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 100);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        long maxBytes = limitOf(request);
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            if (!isLarger(length, maxBytes)) {
                context.next();
            } else if (isLarger(length, DRAIN_FACTOR * maxBytes)) {
                tooLarge(context, maxBytes, true);
            } else {
                // answered at once, and the body read and dropped: a client that sends it all before reading (most
                // do) then reads the 413 instead of a broken pipe; a body much larger is cut off at once
                tooLarge(context, maxBytes, false);
                request.handler(chunk -> {
                });
                request.resume();
            }
            return;
        }
        // an archive sent chunked streams on to the restore (admins only), which must not hold gigabytes in memory
        if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null || request.isEnded()
                || maxBytes == maxArchiveBytes && request.path().equals(ARCHIVES)
                || !(context instanceof RoutingContextInternal internal)) {
            context.next();
            return;
        }
        Buffer body = Buffer.buffer();
        long[] discarded = {-1};
        request.handler(chunk -> {
            if (discarded[0] >= 0) {
                // answered already: read on (so the client, still sending, reads the answer), up to a point
                discarded[0] += chunk.length();
                if (discarded[0] > DRAIN_FACTOR * maxBytes) {
                    request.connection().close();
                }
                return;
            }
            if (body.length() + chunk.length() > maxBytes) {
                discarded[0] = 0;
                tooLarge(context, maxBytes, false);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (discarded[0] < 0) {
                internal.setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    /** The 413 problem; {@code close} hangs up after it (the rest of the body is not read). */
    private void tooLarge(RoutingContext context, long maxBytes, boolean close) {
        EdgeProblems.send(context, mapper, 413, "body-too-large", "Content Too Large",
                "The body may be at most " + maxBytes + " bytes.", List.of(), close);
    }

    private static boolean isLarger(String length, long maxBytes) {
        try {
            return Long.parseLong(length.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // the server itself answers 400 to a malformed Content-Length
        }
    }
}
