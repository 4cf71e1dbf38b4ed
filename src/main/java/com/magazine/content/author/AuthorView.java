package com.magazine.content.author;

import com.magazine.content.common.http.Cacheable;
import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Author", description = "A person who writes for the magazine: everything an author box shows.")
public record AuthorView(
        @Schema(required = true, description = "Stable id; never changes.", example = "01937c1e-6d3a-7cc2-9a43-2c1f0e6b7d11")
        UUID id,
        @Schema(required = true, description = "Human, URL-safe id; may change, the id does not.", example = "helen-varga")
        String slug,
        @Schema(required = true, example = "Helen Varga") String name,
        @Schema(required = true, nullable = true, example = "Senior Editor") String role,
        @Schema(required = true, nullable = true, description = "Plain text; line breaks separate paragraphs.")
        String bio,
        @Schema(required = true, nullable = true, example = "Bath, Maine") String location,
        @Schema(required = true) List<AuthorLink> links,
        @Schema(required = true, example = "[\"The Northern Review\", \"Harbor Quarterly\"]") List<String> publications,
        @Schema(required = true, nullable = true, example = "https://images.example.org/authors/helen-varga.jpg")
        String avatarUrl,
        @Schema(required = true, example = "2026-11-24T09:15:00Z") Instant createdAt,
        @Schema(required = true, example = "2026-11-24T09:15:00Z") Instant updatedAt,
        @Schema(required = true, description = "Grows by one with every change; the ETag carries it.", example = "0")
        long version) implements Cacheable {

    /** An author's answer shows nothing but the author's own row: its date moves with every change. */
    @Override
    public boolean exactLastModified() {
        return true;
    }

    static AuthorView from(Author author) {
        return new AuthorView(author.id(), author.slug(), author.name(), author.role(), author.bio(),
                author.location(), author.links(), author.publications(), author.avatarUrl(), author.createdAt(),
                author.updatedAt(), author.version());
    }

    @Override
    public EntityTag etag() {
        return HttpCaching.etag(id, version);
    }

    @Override
    public Instant lastModified() {
        return updatedAt;
    }


}
