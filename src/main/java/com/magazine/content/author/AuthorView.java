package com.magazine.content.author;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.asset.EmbeddedAsset;
import com.magazine.content.asset.ImageUse;
import com.magazine.content.asset.ResponsiveImage;

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
        @Schema(required = true, nullable = true, description = "A portrait's URL: the avatar's square crop (320 px) "
                + "when there is one, else the URL given. Kept for existing clients; `avatar` has every size.",
                example = "https://images.example.org/authors/helen-varga.jpg")
        String avatarUrl,
        @Schema(required = true, nullable = true, description = "The portrait from the asset library, ready to "
                + "render (use its 1x1 crop); null when none, or when its rights have expired.") ResponsiveImage avatar,
        @Schema(required = true, example = "2026-11-24T09:15:00Z") Instant createdAt,
        @Schema(required = true, example = "2026-11-24T09:15:00Z") Instant updatedAt,
        @Schema(required = true, description = "Grows by one with every change; the ETag carries it.", example = "0")
        long version,
        @JsonIgnore @Schema(hidden = true) String avatarValidator,
        @JsonIgnore @Schema(hidden = true) Instant modified) implements Cacheable {

    /** An author's answer shows nothing but the author's own row and avatar: its date moves with every change. */
    @Override
    public boolean exactLastModified() {
        return true;
    }

    /**
     * The view of {@code author}, with {@code avatar} its asset (null when it has none or it is unknown) as at {@code
     * now}; {@code mediaBase} is this API's public URL, which avatarUrl is made absolute with.
     */
    static AuthorView of(Author author, EmbeddedAsset avatar, Instant now, String mediaBase) {
        EmbeddedAsset shown = avatar != null && avatar.shownAt(now) ? avatar : null;
        ResponsiveImage image = null;
        String url = author.avatarUrl();
        if (shown != null) {
            ImageUse use = author.avatar();
            String alt = use.alt() != null ? use.alt() : shown.alt() != null ? shown.alt() : author.name();
            image = shown.image(new ImageUse(use.assetId(), alt, use.caption()), EmbeddedAsset.Size.SMALL);
            url = mediaBase + shown.square(320).path();
        }
        Instant modified = author.updatedAt();
        if (avatar != null && avatar.changedAt(now).isAfter(modified)) {
            modified = avatar.changedAt(now);
        }
        return new AuthorView(author.id(), author.slug(), author.name(), author.role(), author.bio(),
                author.location(), author.links(), author.publications(), url, image, author.createdAt(),
                author.updatedAt(), author.version(), avatar == null ? null : avatar.validator(now), modified);
    }

    @Override
    public EntityTag etag() {
        return avatarValidator == null ? HttpCaching.etag(id, version)
                : HttpCaching.etagOf(List.of(HttpCaching.etag(id, version).getValue(), avatarValidator));
    }

    @Override
    public Instant lastModified() {
        return modified;
    }


}
