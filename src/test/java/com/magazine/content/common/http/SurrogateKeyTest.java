package com.magazine.content.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A surrogate key is a family, or a family and a lower-case UUID; anything else is refused where it is made. */
class SurrogateKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"articles", "site-wide", "a", "article:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
            "author-feed:00000000-0000-0000-0000-000000000000"})
    void keepsWellFormedKeys(String value) {
        assertEquals(value, new SurrogateKey(value).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-articles", "Articles", "article:", ":0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
            "article:0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D", "article:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5",
            "article:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d0", "article:0a1b2c3d04e5f-6a7b-8c9d-0e1f2a3b4c5d",
            "article:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5g", "article 1", "a:b:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
            "article:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d:x"})
    void refusesAnythingElse(String value) {
        assertThrows(IllegalArgumentException.class, () -> new SurrogateKey(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"article", "tag"})
    void keysOfOneResourceNameIt(String family) {
        UUID id = UUID.randomUUID();
        assertEquals(family + ":" + id, SurrogateKey.of(family, id).value());
    }
}
