package com.magazine.content.common.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as PostgreSQL stores them (microseconds), so a value read back equals the value written. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
