package com.magazine.content.backup;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The first entry of an archive, {@code manifest.json}: what it is ({@code format}, {@code version}), which one
 * ({@code id}, also the export's ETag), when it was taken, the schema version of the instance it was taken from (an
 * archive restores into an instance of the same schema only), the number of rows of each table in the order they
 * follow, and the number of media files after them. The counts let a restore tell a complete archive from a cut one.
 */
record Manifest(String format, int version, UUID id, Instant exportedAt, String schema, Map<String, Long> tables,
        long mediaFiles) {
}
