package com.magazine.content.common.http;

import java.time.Instant;
import java.util.Optional;

/**
 * The next instant at which what anonymous readers see changes by itself, with no write (a scheduled article going
 * public). Cached answers are not kept past it. Provided by the feature that schedules.
 */
public interface VisibilityHorizon {

    /** The first such instant after {@code after}, if any. */
    Optional<Instant> nextAfter(Instant after);
}
