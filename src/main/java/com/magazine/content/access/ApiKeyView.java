package com.magazine.content.access;

import com.magazine.content.common.http.Cacheable;
import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKey", description = "An API key as listed: never its secret.")
public record ApiKeyView(
        @Schema(required = true, example = "01937c1e-6d3a-7cc2-9a43-2c1f0e6b7d11") UUID id,
        @Schema(required = true, example = "Mobile app (iOS)") String name,
        @Schema(required = true, description = "The first characters of the secret, to tell keys apart.",
                example = "cak_Xr4p9TQe") String prefix,
        @Schema(required = true) Role role,
        @Schema(nullable = true, description = "For the author role: the slug of the author the key writes for.",
                example = "helen-varga") String author,
        @Schema(required = true, example = "2026-11-24T09:15:00Z") Instant createdAt,
        @Schema(nullable = true, description = "When the key was revoked; a revoked key is refused.") Instant revokedAt)
        implements Cacheable {

    /** A key changes once at most, when it is revoked. */
    @Override
    public EntityTag etag() {
        return HttpCaching.etag(id, revokedAt == null ? 0 : 1);
    }

    @Override
    public Instant lastModified() {
        return revokedAt == null ? createdAt : revokedAt;
    }


    static ApiKeyView from(ApiKey key, String authorSlug) {
        return new ApiKeyView(key.id(), key.name(), key.prefix(), key.role(), authorSlug, key.createdAt(),
                key.revokedAt());
    }
}
