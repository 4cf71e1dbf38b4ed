package com.magazine.content.feed;

import com.magazine.content.common.time.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One event to send to one webhook: written with the change, sent and retried by the dispatcher. */
@Entity
@Table(name = "webhook_delivery")
class Delivery {

    enum Status { pending, delivered, failed }

    /** Also the Webhook-Id header: the same on every try, so a receiver can tell a retry from a new event. */
    @Id
    private UUID id;

    @Column(name = "webhook_id", nullable = false)
    private UUID webhookId;

    @Column(name = "event_seq", nullable = false)
    private long eventSeq;

    @Column(nullable = false)
    private String event;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected Delivery() {
    }

    Delivery(UUID id, UUID webhookId, long eventSeq, String event, String payload) {
        this.id = id;
        this.webhookId = webhookId;
        this.eventSeq = eventSeq;
        this.event = event;
        this.payload = payload;
        this.status = Status.pending;
        this.createdAt = Timestamps.now();
        this.nextAttemptAt = createdAt;
    }

    /** The leased try succeeded (the try was counted when it was leased). */
    void delivered(int statusCode) {
        status = Status.delivered;
        lastStatusCode = statusCode;
        lastError = null;
        deliveredAt = Timestamps.now();
    }

    /**
     * The leased try failed (it was counted when it was leased): retried after {@code base} doubled per earlier
     * failure (at most six hours), or given up.
     */
    void failed(Integer statusCode, String error, int maxAttempts, Duration base) {
        lastStatusCode = statusCode;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        if (attempts >= maxAttempts) {
            status = Status.failed;
            return;
        }
        Duration wait = base.multipliedBy(1L << Math.min(attempts - 1, 20));
        Duration cap = Duration.ofHours(6);
        nextAttemptAt = Timestamps.now().plus(wait.compareTo(cap) > 0 ? cap : wait);
    }

    UUID id() {
        return id;
    }

    UUID webhookId() {
        return webhookId;
    }

    String event() {
        return event;
    }

    String payload() {
        return payload;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Integer lastStatusCode() {
        return lastStatusCode;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant deliveredAt() {
        return deliveredAt;
    }
}
