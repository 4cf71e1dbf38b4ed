package com.magazine.content.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A draft preview token of one article: who made it, until when it reads, and what (the draft or one revision). */
@Entity
@Table(name = "article_preview")
class ArticlePreview {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "article_id", nullable = false)
    private UUID articleId;

    /** The SHA-256 of the token, hex: the token itself is shown once and kept nowhere. */
    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    private Integer revision;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ArticlePreview() {
    }

    ArticlePreview(UUID articleId, String tokenHash, Integer revision, String createdBy, Instant createdAt,
            Instant expiresAt) {
        this.articleId = articleId;
        this.tokenHash = tokenHash;
        this.revision = revision;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether it reads at {@code now}: not revoked, not expired. */
    boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    UUID id() {
        return id;
    }

    UUID articleId() {
        return articleId;
    }

    Integer revision() {
        return revision;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }
}
