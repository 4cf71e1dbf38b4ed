package com.magazine.content.asset;

import com.magazine.content.common.time.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** An uploaded image: what it is (fixed by its bytes) and what editors say about it (alt text, credit, rights). */
@Entity
@Table(name = "asset")
class Asset {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false)
    private String kind;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    private int width;

    private int height;

    private long bytes;

    @Column(nullable = false)
    private String sha256;

    private String alt;

    private String caption;

    private String credit;

    private String copyright;

    @Column(name = "rights_expire_at")
    private Instant rightsExpireAt;

    @Column(name = "focal_x")
    private double focalX;

    @Column(name = "focal_y")
    private double focalY;

    @Column(nullable = false)
    private String placeholder;

    @Column(name = "dominant_color", nullable = false)
    private String dominantColor;

    @Column(name = "offers_webp")
    private boolean offersWebp;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_by_author_id")
    private UUID createdByAuthorId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Asset() {
    }

    /** What the bytes decided at upload. */
    record Measured(String mediaType, int width, int height, long bytes, String sha256, String placeholder,
            String dominantColor, boolean offersWebp) {
    }

    /** What editors say about it: every field may be null but the focal point (the centre by default). */
    record Described(String alt, String caption, String credit, String copyright, Instant rightsExpireAt,
            double focalX, double focalY) {
    }

    Asset(Measured measured, String createdBy, UUID createdByAuthorId) {
        this.kind = "image";
        this.mediaType = measured.mediaType();
        this.width = measured.width();
        this.height = measured.height();
        this.bytes = measured.bytes();
        this.sha256 = measured.sha256();
        this.placeholder = measured.placeholder();
        this.dominantColor = measured.dominantColor();
        this.offersWebp = measured.offersWebp();
        this.focalX = 0.5;
        this.focalY = 0.5;
        this.createdAt = Timestamps.now();
        this.updatedAt = createdAt;
        this.createdBy = createdBy;
        this.createdByAuthorId = createdByAuthorId;
    }

    void describe(Described described) {
        alt = described.alt();
        caption = described.caption();
        credit = described.credit();
        copyright = described.copyright();
        rightsExpireAt = described.rightsExpireAt();
        focalX = described.focalX();
        focalY = described.focalY();
        updatedAt = Timestamps.now();
    }

    Described described() {
        return new Described(alt, caption, credit, copyright, rightsExpireAt, focalX, focalY);
    }

    /** Whether the public may see it at {@code at}: until its rights expire. */
    boolean publicAt(Instant at) {
        return rightsExpireAt == null || at.isBefore(rightsExpireAt);
    }

    UUID id() {
        return id;
    }

    String kind() {
        return kind;
    }

    String mediaType() {
        return mediaType;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    long bytes() {
        return bytes;
    }

    String sha256() {
        return sha256;
    }

    String alt() {
        return alt;
    }

    String caption() {
        return caption;
    }

    String credit() {
        return credit;
    }

    String copyright() {
        return copyright;
    }

    Instant rightsExpireAt() {
        return rightsExpireAt;
    }

    double focalX() {
        return focalX;
    }

    double focalY() {
        return focalY;
    }

    String placeholder() {
        return placeholder;
    }

    String dominantColor() {
        return dominantColor;
    }

    boolean offersWebp() {
        return offersWebp;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    UUID createdByAuthorId() {
        return createdByAuthorId;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
