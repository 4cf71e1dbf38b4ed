package com.magazine.content.asset;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the files of assets are kept: originals (never served) and renditions. Two backends: a local folder (the
 * default, next to the embedded database) and any S3-compatible object store (several instances). Keys are
 * slash-separated paths. Every operation either does what it says or throws {@link MediaStoreUnavailable}, which
 * answers 503 with {@code Retry-After}.
 */
interface MediaStore {

    /** Stores the bytes under the key, replacing what was there; whole or not at all. */
    void put(String key, byte[] bytes, String contentType);

    /** The bytes kept under the key, if any. */
    Optional<byte[]> read(String key);

    /** The file on this machine that holds the key, where the backend has one (sent without copying it). */
    default Optional<Path> localFile(String key) {
        return Optional.empty();
    }

    /** Removes the key; nothing if it is not there. */
    void delete(String key);

    /** Every key under the prefix, with when it was written. */
    List<Stored> list(String prefix);

    /** Throws {@link MediaStoreUnavailable} unless the store answers (start-up and readiness). */
    void check();

    /** What the backend is, for logs and readiness: "local /path" or "s3 bucket at endpoint". */
    String describe();

    record Stored(String key, Instant writtenAt) {
    }
}
