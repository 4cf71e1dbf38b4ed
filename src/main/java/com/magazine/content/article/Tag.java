package com.magazine.content.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A tag articles are filed under: a section, a series, a topic or a tone. Made on the fly when an article names a new
 * one (a topic, or a section when named as the article's section); editors rename and retype it.
 */
@Entity
@Table(name = "tag")
class Tag {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TagType type;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Tag() {
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

    TagType type() {
        return type;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** Renames and retypes it; null leaves that part as it is. */
    void revise(String newName, TagType newType, Instant now) {
        if (newName != null) {
            name = newName;
        }
        if (newType != null) {
            type = newType;
        }
        updatedAt = now;
    }
}
