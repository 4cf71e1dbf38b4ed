package com.magazine.content.common.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;

/**
 * A representation that carries its own HTTP validators. What it depends on (its surrogate keys) is declared by the
 * features while they read it, see {@link ReadDependencies}.
 */
public interface Cacheable {

    /** Strong validator; changes whenever the representation does. Also what {@code If-Match} is compared with. */
    @JsonIgnore
    EntityTag etag();

    @JsonIgnore
    Instant lastModified();

    /**
     * Whether {@link #lastModified()} moves whenever the representation changes, so that {@code If-Modified-Since}
     * may answer 304. False unless the representation shows nothing but its own row.
     */
    @JsonIgnore
    default boolean exactLastModified() {
        return false;
    }
}
