package com.magazine.content.article;

import com.magazine.content.common.http.Cacheable;
import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A draft preview token as its article's editors see it (never the token itself, which is shown once). */
@Schema(name = "Preview", description = "A draft preview token of an article: who made it, what it shows, until when.")
public record PreviewView(
        @Schema(required = true) UUID id,
        @Schema(required = true, nullable = true, description = "The revision it shows; null when it follows the "
                + "latest draft.") Integer revision,
        @Schema(required = true, description = "The name of the key that made it.") String createdBy,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant expiresAt,
        @Schema(required = true, nullable = true) Instant revokedAt) implements Cacheable {

    @Override
    public EntityTag etag() {
        return HttpCaching.etag(id, revokedAt == null ? 0 : 1);
    }

    @Override
    public Instant lastModified() {
        return revokedAt == null ? createdAt : revokedAt;
    }

    static PreviewView of(ArticlePreview preview) {
        return new PreviewView(preview.id(), preview.revision(), preview.createdBy(), preview.createdAt(),
                preview.expiresAt(), preview.revokedAt());
    }
}
