package com.magazine.content.backup;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables an archive holds, in the order they are written and restored (every foreign key points to a table
 * before it, or to an earlier row of the same table), and those it leaves out, with why. Every table of the schema is
 * in one list or the other: {@code ExportRestoreTest} holds that, so a new table cannot be forgotten.
 */
final class ArchiveTables {

    /** The archive format's name, in its manifest. */
    static final String FORMAT = "content-api-export";
    /** The version of the archive format; see README (Back up and restore) for what changes it. */
    static final int VERSION = 1;

    static final String MANIFEST = "manifest.json";
    static final String TABLES = "tables/";
    static final String ROWS = ".ndjson";
    static final String MEDIA = "media/";

    /**
     * One table: the order its rows are written in; the columns left out of the archive ({@code left out}: the
     * restore fills them in, see {@link RestoreService}); the columns written once every table is in
     * ({@code deferred}: they point forward, to a table restored later); whether it is a single row that a fresh
     * instance already holds and the restore replaces ({@code singleton}).
     */
    record Table(String name, String orderBy, Set<String> leftOut, Set<String> deferred, boolean singleton) {

        String entry() {
            return TABLES + name + ROWS;
        }

        static Table of(String name, String orderBy) {
            return new Table(name, orderBy, Set.of(), Set.of(), false);
        }
    }

    static final List<Table> INCLUDED = List.of(
            // an author's avatar is an asset, and an asset may name the author who uploaded it: avatars come last
            new Table("author", "id", Set.of(), Set.of("avatar_asset_id"), false),
            Table.of("asset", "id"),
            Table.of("api_key", "id"),
            Table.of("tag", "id"),
            Table.of("article", "id"),
            Table.of("article_author", "article_id, position"),
            Table.of("article_tag", "article_id, position"),
            Table.of("article_slug", "slug"),
            Table.of("article_revision", "article_id, number"),
            Table.of("article_asset", "article_id, position"),
            Table.of("quotation", "id"),
            Table.of("article_quotation", "article_id, position"),
            // an imported article's old addresses, and what imports wrote by the other system's ids (so that a
            // re-run after a restore still updates instead of duplicating)
            Table.of("article_legacy_path", "path"),
            Table.of("external_ref", "source, kind, external_id"),
            // a reply after the comment it answers
            Table.of("comment", "depth, id"),
            // txid: a transaction id of the server that wrote the row, meaningless on another (and read by nothing
            // but cursors of a form older than this format)
            new Table("change_event", "seq", Set.of("txid"), Set.of(), false),
            new Table("change_log_pruned", "id", Set.of(), Set.of(), true),
            // secret: never leaves the instance; a restored webhook is paused with a new secret nobody knows
            new Table("webhook", "id", Set.of("secret"), Set.of(), false));

    /** The tables an archive leaves out, and why (README says the same). */
    static final Map<String, String> EXCLUDED = Map.of(
            "webhook_delivery", "transient: the outbox of webhook sends, pruned after 30 days",
            "article_preview", "short-lived draft preview tokens (an hour by default); make new ones",
            "flyway_schema_history", "the schema's own history: the restoring instance has migrated itself",
            "import_job", "the runs of imports, with the paths of files on the exporting machine; run again to redo",
            "import_report", "the reports of those runs",
            "import_attachment", "a run's note of its file's attachments, read again by every run");

    private ArchiveTables() {
    }

    static Table named(String name) {
        return INCLUDED.stream().filter(table -> table.name().equals(name)).findFirst().orElse(null);
    }
}
