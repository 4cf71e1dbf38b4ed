package com.magazine.content.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

/** One write of an article: who, when, what it did, which fields changed, and the article as it then was. */
@Entity
@Table(name = "article_revision")
class ArticleRevision {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "article_id", nullable = false)
    private UUID articleId;

    @Column(nullable = false)
    private int number;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> changes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Snapshot snapshot;

    protected ArticleRevision() {
    }

    ArticleRevision(UUID articleId, int number, Instant createdAt, String actor, String action, List<String> changes,
            Snapshot snapshot) {
        this.articleId = articleId;
        this.number = number;
        this.createdAt = createdAt;
        this.actor = actor;
        this.action = action;
        this.changes = changes;
        this.snapshot = snapshot;
    }

    /**
     * The article as written at a revision: its content (authors by id, as slugs may change), lifecycle and
     * corrections (none in revisions stored before corrections existed).
     */
    record Snapshot(ArticleInput content, List<UUID> authorIds, ArticleStatus status, Instant publishedAt,
            List<Correction> corrections) {

        Snapshot {
            corrections = corrections == null ? List.of() : List.copyOf(corrections);
        }
    }

    UUID articleId() {
        return articleId;
    }

    int number() {
        return number;
    }

    Instant createdAt() {
        return createdAt;
    }

    String actor() {
        return actor;
    }

    String action() {
        return action;
    }

    List<String> changes() {
        return changes;
    }

    Snapshot snapshot() {
        return snapshot;
    }
}
