package com.magazine.content.wordpress;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, per kind of thing (authors, tags, posts, comments, media): kept as the job runs. */
final class ImportCounts {

    /** The kinds counted, in the order shown. */
    enum Kind { authors, tags, posts, comments, media }

    /** What became of each item of a kind. */
    enum Outcome { created, updated, unchanged, skipped }

    @Schema(name = "ImportKindCounts", description = "What became of the items of one kind.")
    record Tally(
            @Schema(required = true, description = "Written for the first time.") long created,
            @Schema(required = true, description = "Written before by an import, and changed since.") long updated,
            @Schema(required = true, description = "Written before by an import, and the same now.") long unchanged,
            @Schema(required = true, description = "Not written; the report says why.") long skipped) {

        Tally plus(Outcome outcome) {
            return new Tally(created + (outcome == Outcome.created ? 1 : 0),
                    updated + (outcome == Outcome.updated ? 1 : 0),
                    unchanged + (outcome == Outcome.unchanged ? 1 : 0),
                    skipped + (outcome == Outcome.skipped ? 1 : 0));
        }
    }

    private final Map<Kind, Tally> tallies = new LinkedHashMap<>();

    ImportCounts() {
        for (Kind kind : Kind.values()) {
            tallies.put(kind, new Tally(0, 0, 0, 0));
        }
    }

    @JsonCreator
    static ImportCounts of(Map<String, Tally> stored) {
        ImportCounts counts = new ImportCounts();
        if (stored != null) {
            stored.forEach((kind, tally) -> {
                try {
                    counts.tallies.put(Kind.valueOf(kind), tally);
                } catch (IllegalArgumentException ignored) {
                    // a kind this version does not count
                }
            });
        }
        return counts;
    }

    void add(Kind kind, Outcome outcome) {
        tallies.put(kind, tallies.get(kind).plus(outcome));
    }

    ImportCounts copy() {
        ImportCounts copy = new ImportCounts();
        copy.tallies.putAll(tallies);
        return copy;
    }

    @JsonValue
    Map<Kind, Tally> tallies() {
        return tallies;
    }
}
