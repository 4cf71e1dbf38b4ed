package com.magazine.content.access;

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
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** An API key. Only the SHA-256 hash of its secret is stored; the secret is shown once, when the key is created. */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false)
    private String name;

    /** The first characters of the secret, so that a person can tell keys apart without seeing them. */
    @Column(nullable = false)
    private String prefix;

    @Column(name = "secret_hash", nullable = false, unique = true)
    private byte[] secretHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    /** For the author role: the one author whose content the key may write. */
    @Column(name = "author_id")
    private UUID authorId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiKey() {
    }

    ApiKey(String name, String prefix, byte[] secretHash, Role role, UUID authorId) {
        this.name = name;
        this.prefix = prefix;
        this.secretHash = secretHash;
        this.role = role;
        this.authorId = authorId;
        this.createdAt = Timestamps.now();
    }

    void revoke() {
        if (revokedAt == null) {
            revokedAt = Timestamps.now();
        }
    }

    boolean active() {
        return revokedAt == null;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String prefix() {
        return prefix;
    }

    byte[] secretHash() {
        return secretHash.clone();
    }

    Role role() {
        return role;
    }

    UUID authorId() {
        return authorId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    long version() {
        return version;
    }
}
