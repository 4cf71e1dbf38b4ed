package com.magazine.content.author;

import com.magazine.content.asset.ImageUse;

import com.magazine.content.common.text.Slugs;
import com.magazine.content.common.text.Text;
import com.magazine.content.common.time.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

/** A person who writes for the magazine. */
@Entity
@Table(name = "author")
class Author {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    /** The name folded to lowercase without diacritics: the key the list is sorted by. */
    @Column(name = "sort_name", nullable = false)
    private String sortName;

    private String role;

    private String bio;

    private String location;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<AuthorLink> links;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> publications;

    @Column(name = "avatar_url")
    private String avatarUrl;

    /** The portrait from the asset library (with this use's alt text and caption); null when none. */
    @JdbcTypeCode(SqlTypes.JSON)
    private ImageUse avatar;

    /** The avatar's asset, as a column: what keeps it from deletion and finds where an asset is used. */
    @Column(name = "avatar_asset_id")
    private UUID avatarAssetId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Author() {
    }

    Author(String slug, AuthorInput input) {
        this.createdAt = Timestamps.now();
        this.slug = slug;
        describe(input);
        this.updatedAt = createdAt;
    }

    /** Replaces everything the author's input holds; the slug changes only when the input names one. */
    void revise(AuthorInput input) {
        if (input.slug() != null) {
            slug = input.slug();
        }
        describe(input);
        updatedAt = Timestamps.now();
    }

    private void describe(AuthorInput input) {
        name = Text.line(input.name());
        sortName = Slugs.fold(name);
        role = Text.line(input.role());
        bio = Text.clean(input.bio());
        location = Text.line(input.location());
        links = input.links().stream()
                .map(link -> new AuthorLink(Text.line(link.label()), link.url().strip()))
                .toList();
        publications = input.publications().stream().map(Text::line).filter(Objects::nonNull).distinct().toList();
        avatarUrl = input.avatarUrl() == null ? null : input.avatarUrl().strip();
        avatar = input.avatar() == null ? null : input.avatar().cleaned();
        avatarAssetId = avatar == null ? null : avatar.assetId();
    }

    /** This author as its input form: what a merge patch is applied to. */
    AuthorInput toInput() {
        return new AuthorInput(slug, name, role, bio, location, links, publications, avatarUrl, avatar);
    }

    UUID id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String name() {
        return name;
    }

    String sortName() {
        return sortName;
    }

    String role() {
        return role;
    }

    String bio() {
        return bio;
    }

    String location() {
        return location;
    }

    List<AuthorLink> links() {
        return links;
    }

    List<String> publications() {
        return publications;
    }

    ImageUse avatar() {
        return avatar;
    }

    String avatarUrl() {
        return avatarUrl;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
