package com.magazine.content.common.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as PostgreSQL stores them (microseconds), so a value read back equals the value written. */
public final class Timestamps {

    private Timestamps() {
    }

    /** The earliest and latest instants this API reads and stores: the years 1 to 9999, as ISO-8601 writes them. */
    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** Whether {@code instant} is within {@link #MIN} and {@link #MAX} (PostgreSQL's range is wider, Java's much). */
    public static boolean storable(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A timestamptz read by a native query, whichever Java type the driver gave it; {@code null} stays null. */
    public static Instant fromJdbc(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime time) {
            return time.toInstant();
        }
        return (Instant) value;
    }
}
