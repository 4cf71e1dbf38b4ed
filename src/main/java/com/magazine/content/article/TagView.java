package com.magazine.content.article;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.common.http.Cacheable;
import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Tag", description = "A tag with the number of articles filed under it that the caller can see.")
public record TagView(
        @Schema(required = true, example = "north-korea") String slug,
        @Schema(required = true, example = "North Korea") String name,
        @Schema(required = true) TagType type,
        @Schema(required = true, example = "12") long articleCount,
        @JsonIgnore @Schema(hidden = true) UUID id,
        @JsonIgnore @Schema(hidden = true) Instant changedAt) implements Cacheable {

    @Override
    public EntityTag etag() {
        return HttpCaching.etagOf(java.util.List.of(id.toString(), name, type.name(), String.valueOf(articleCount)));
    }

    @Override
    public Instant lastModified() {
        return changedAt;
    }

}
