package com.magazine.content.comment;

import com.magazine.content.common.time.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A reader's comment on an article: plain text, held for moderation unless trusted, threaded to a limited depth. */
@Entity
@Table(name = "comment")
class Comment {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "article_id", nullable = false)
    private UUID articleId;

    @Column(name = "parent_id")
    private UUID parentId;

    /** The top-level comment of a reply's thread; null for a top-level comment. */
    @Column(name = "root_id")
    private UUID rootId;

    @Column(nullable = false)
    private int depth;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(name = "author_email", nullable = false)
    private String authorEmail;

    @Column(name = "email_key", nullable = false)
    private String emailKey;

    @Column(name = "author_url")
    private String authorUrl;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CommentStatus status;

    private String ip;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "moderated_by")
    private String moderatedBy;

    @Column(name = "moderated_at")
    private Instant moderatedAt;

    @Version
    private long version;

    protected Comment() {
    }

    /** A new comment; a reply names its parent, whose thread it joins one level down. */
    Comment(UUID articleId, Comment parent, String authorName, String authorEmail, String authorUrl, String body,
            CommentStatus status, String ip) {
        this.articleId = articleId;
        this.parentId = parent == null ? null : parent.id;
        this.rootId = parent == null ? null : parent.rootId == null ? parent.id : parent.rootId;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.authorName = authorName;
        this.authorEmail = authorEmail;
        this.emailKey = emailKey(authorEmail);
        this.authorUrl = authorUrl;
        this.body = body;
        this.status = status;
        this.ip = ip;
        this.createdAt = Timestamps.now();
        this.updatedAt = createdAt;
    }

    /** A comment brought from another system, with its own date and status (an import). */
    static Comment imported(UUID articleId, Comment parent, String authorName, String authorEmail, String authorUrl,
            String body, CommentStatus status, String ip, Instant createdAt) {
        Comment comment = new Comment(articleId, parent, authorName, authorEmail, authorUrl, body, status, ip);
        comment.createdAt = createdAt;
        comment.updatedAt = createdAt;
        return comment;
    }

    /** A re-import: who wrote it and what, as the other system says now (a change of status is a decision). */
    void reimported(String authorName, String authorEmail, String authorUrl, String body) {
        this.authorName = authorName;
        this.authorEmail = authorEmail;
        this.emailKey = emailKey(authorEmail);
        this.authorUrl = authorUrl;
        this.body = body;
        this.updatedAt = Timestamps.now();
    }

    static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** A moderator's decision. */
    void moderate(CommentStatus decision, String moderator) {
        status = decision;
        moderatedBy = moderator;
        moderatedAt = Timestamps.now();
        updatedAt = moderatedAt;
    }

    UUID id() {
        return id;
    }

    UUID articleId() {
        return articleId;
    }

    UUID parentId() {
        return parentId;
    }

    UUID rootId() {
        return rootId;
    }

    int depth() {
        return depth;
    }

    String authorName() {
        return authorName;
    }

    String authorEmail() {
        return authorEmail;
    }

    String authorUrl() {
        return authorUrl;
    }

    String body() {
        return body;
    }

    CommentStatus status() {
        return status;
    }

    String ip() {
        return ip;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String moderatedBy() {
        return moderatedBy;
    }

    Instant moderatedAt() {
        return moderatedAt;
    }

    long version() {
        return version;
    }
}
