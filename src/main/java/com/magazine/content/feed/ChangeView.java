package com.magazine.content.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.common.events.Change;
import com.magazine.content.common.http.Cacheable;
import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Change", description = "One change, in the order changes became final.")
public record ChangeView(
        @Schema(required = true, description = "Where this change is: pass as since to read what follows it.")
        String cursor,
        @Schema(required = true, enumeration = {"article", "author", "quotation", "comment", "asset"}) String type,
        @Schema(required = true) UUID id,
        @Schema(required = true, nullable = true, description = "The slug at the time, for articles and authors.")
        String slug,
        @Schema(required = true, description = "upsert: fetch it anew; delete: it is gone, or left your view (an "
                + "unpublished or archived article, a comment no longer approved).") Change.Op op,
        @Schema(required = true, description = "What happened.", enumeration = {"created", "updated", "published",
                "scheduled", "unpublished", "archived", "restored", "corrected", "deleted", "posted", "approved",
                "rejected", "spam"}) String action,
        @Schema(required = true) Instant at,
        @Schema(required = true, nullable = true, description = "The resource's version after the change.")
        Long version,
        @Schema(required = true, description = "The surrogate keys of the answers this change made stale: purge them "
                + "from a CDN in front of the API (every answer carries its keys in its Surrogate-Key header).",
                example = "[\"article:9b2f6c1e-4f7a-4c55-9d0e-3f1a2b4c5d6e\", \"articles\"]")
        List<String> surrogateKeys) implements Cacheable {

    @JsonIgnore
    @Override
    public EntityTag etag() {
        return HttpCaching.etagOf(List.of(cursor, op.name()));
    }

    @JsonIgnore
    @Override
    public Instant lastModified() {
        return at;
    }

}
