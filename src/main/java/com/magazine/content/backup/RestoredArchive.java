package com.magazine.content.backup;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RestoredArchive", description = "What a restore put back: the archive, its rows per table, its media "
        + "files. Webhooks come back paused, with a secret nobody knows: their owners make them anew.")
public record RestoredArchive(
        @Schema(required = true, description = "The archive's id (its manifest's, and the ETag of its export).")
        UUID archive,
        @Schema(required = true, description = "When the archive was taken.", example = "2026-11-24T09:15:00.123456Z")
        Instant exportedAt,
        @Schema(required = true, description = "The schema version of the archive, and of this instance.",
                example = "21")
        String schema,
        @Schema(required = true, description = "The rows restored, table by table, in the order restored.")
        List<TableRows> tables,
        @Schema(required = true, description = "The media files put back (originals and masters of the assets).")
        long mediaFiles) {

    @Schema(name = "RestoredTable", description = "The rows of one table restored.")
    public record TableRows(
            @Schema(required = true, description = "The table.", example = "article") String table,
            @Schema(required = true, description = "Its rows restored.", example = "1200") long rows) {
    }
}
