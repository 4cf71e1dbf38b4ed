package com.magazine.content.wordpress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of an import's report: an item skipped, changed on the way, or flagged for an editor, and why. */
@Schema(name = "ImportReportEntry", description = "What an import did with one item that it could not take as it was.")
public record ImportReportEntry(
        @Schema(required = true, description = "Its place in the report.") long seq,
        @Schema(required = true, description = "What kind of item.", example = "post") String kind,
        @Schema(required = true, nullable = true, description = "The item's id in the other system.", example = "123")
        String externalId,
        @Schema(required = true, nullable = true, description = "What it became here (a slug or an id), if anything.",
                example = "a-window-closes") String target,
        @Schema(required = true, description = "skipped, changed or flagged.", example = "changed") String action,
        @Schema(required = true, description = "What and why, for a person.",
                example = "pending in WordPress: imported as a draft") String message,
        @com.fasterxml.jackson.annotation.JsonIgnore java.time.Instant at)
        implements com.magazine.content.common.http.Cacheable {

    static ImportReportEntry of(String kind, String externalId, String target, String action, String message) {
        return new ImportReportEntry(0, kind, externalId, target, action, message, null);
    }

    @Override
    public jakarta.ws.rs.core.EntityTag etag() {
        return com.magazine.content.common.http.HttpCaching.etagOf(java.util.List.of(String.valueOf(seq)));
    }

    @Override
    public java.time.Instant lastModified() {
        return at;
    }
}
