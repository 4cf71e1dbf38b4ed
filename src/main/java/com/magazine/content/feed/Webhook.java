package com.magazine.content.feed;

import com.magazine.content.common.time.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

/** Where to tell about changes, with the secret that signs each delivery. */
@Entity
@Table(name = "webhook")
class Webhook {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    private String secret;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> events;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Webhook() {
    }

    Webhook(String url, String secret, List<String> events, String owner) {
        this.url = url;
        this.secret = secret;
        this.events = events;
        this.owner = owner;
        this.active = true;
        this.createdAt = Timestamps.now();
    }

    /** Whether it subscribes to {@code event} (e.g. article.published): by name, by type (article.*), or all (*). */
    boolean wants(String event) {
        String type = event.substring(0, event.indexOf('.'));
        return events.contains("*") || events.contains(event) || events.contains(type + ".*");
    }

    UUID id() {
        return id;
    }

    String url() {
        return url;
    }

    /** The secret as stored: sealed (see WebhookSecrets), or in clear for rows written before sealing. */
    String secret() {
        return secret;
    }

    /** Stores the secret sealed anew (another key, or a row from before sealing). */
    void resealSecret(String sealed) {
        this.secret = sealed;
    }

    List<String> events() {
        return events;
    }

    String owner() {
        return owner;
    }

    boolean active() {
        return active;
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version;
    }
}
