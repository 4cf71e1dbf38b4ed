package com.magazine.content.backup;

import com.magazine.content.common.error.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * The problems of a restore (README lists them): an archive that cannot be read (400 {@code invalid-archive}, naming
 * the entry, and the line, at fault), one of another format version or schema (422 {@code unsupported-archive}), an
 * instance that holds content already (409 {@code instance-not-empty}).
 */
final class ArchiveProblems {

    private ArchiveProblems() {
    }

    static HttpProblem invalid(String where, String message) {
        return Problems.violation("invalid-archive", 400, "Bad Request", where, message);
    }

    static HttpProblem unsupported(String where, String message) {
        return Problems.violation("unsupported-archive", 422, "Unprocessable Content", where, message);
    }

    static HttpProblem notEmpty(String table) {
        return Problems.conflict("instance-not-empty", "An archive is restored into an empty instance only, and this "
                + "one holds content (table " + table + " has rows); nothing was written.");
    }
}
