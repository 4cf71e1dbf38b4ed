package com.magazine.content.common.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;

/** A representation that carries its own HTTP validators and the surrogate key that names it. */
public interface Cacheable {

    /** Strong validator; changes whenever the representation does. Also what {@code If-Match} is compared with. */
    @JsonIgnore
    EntityTag etag();

    @JsonIgnore
    Instant lastModified();

    /** The CDN surrogate key of this one resource, e.g. {@code author:<id>}. */
    @JsonIgnore
    String surrogateKey();
}
