package com.magazine.content.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.magazine.content.asset.AssetFiles;
import com.magazine.content.common.events.ChangeNotifications;
import com.magazine.content.common.events.ContentReplaced;
import com.magazine.content.common.text.Digests;
import com.magazine.content.feed.WebhookService;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Restores an archive written by {@link ExportService} into an empty instance (README: Back up and restore): every
 * row with its ids, slugs, timestamps and versions as they were, the media files back in the media store. All or
 * nothing: the rows are written in one transaction, which a bad archive, found anywhere up to its last byte, rolls
 * back. (Media files written before such a failure belong to no asset and are swept within hours.)
 *
 * <p>Rows are written as PostgreSQL reads them from the archive's JSON ({@code json_populate_record}), with the
 * tables' own triggers off while they are (the archive holds what they computed, such as comment counts, and they
 * would count again), and the identity sequences moved past the restored numbers.
 */
@ApplicationScoped
public class RestoreService {

    private static final int BATCH = 500;
    /** A manifest is small; one larger is not ours. */
    private static final int MAX_MANIFEST_BYTES = 1 << 20;
    /** The largest media file taken (an original is at most content.assets.max-bytes, far below). */
    private static final int MAX_MEDIA_BYTES = 512 << 20;

    private final AgroalDataSource database;
    private final AssetFiles files;
    private final WebhookService webhooks;
    private final ObjectMapper json;
    private final ObjectReader rows;
    private final Event<ContentReplaced> replaced;

    RestoreService(AgroalDataSource database, AssetFiles files, WebhookService webhooks, ObjectMapper json,
            Event<ContentReplaced> replaced) {
        this.database = database;
        this.files = files;
        this.webhooks = webhooks;
        this.json = json;
        this.rows = new ObjectMapper().reader()
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .forType(JsonNode.class);
        this.replaced = replaced;
    }

    /** Restores the archive read from {@code body}; throws a problem (4xx) and writes nothing if it cannot. */
    public RestoredArchive restore(InputStream body) {
        ZipInputStream zip = new ZipInputStream(body, StandardCharsets.UTF_8);
        RestoredArchive restored;
        try (Connection connection = database.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                restored = new Run(connection, zip).restore();
                connection.commit();
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The restore failed in the database", e);
        }
        replaced.fire(new ContentReplaced());
        return restored;
    }

    /** One restore: the archive read entry by entry, written on one connection in one transaction. */
    private final class Run {

        private final Connection connection;
        private final ZipInputStream zip;
        private final Map<String, Long> restored = new LinkedHashMap<>();
        /** Rows' values of deferred columns, written once every table is in: table, JSON of its key and values. */
        private final Map<ArchiveTables.Table, List<String>> deferred = new LinkedHashMap<>();
        private String entryName = "body";
        private long mediaFiles;

        Run(Connection connection, ZipInputStream zip) {
            this.connection = connection;
            this.zip = zip;
        }

        RestoredArchive restore() throws SQLException {
            try {
                ZipEntry entry = zip.getNextEntry();
                if (entry == null) {
                    throw ArchiveProblems.invalid("body", "is not a ZIP archive (or holds nothing)");
                }
                entryName = entry.getName();
                if (!ArchiveTables.MANIFEST.equals(entry.getName())) {
                    throw ArchiveProblems.invalid(entry.getName(), "comes first, where " + ArchiveTables.MANIFEST
                            + " belongs");
                }
                Manifest manifest = manifest();
                prepare(manifest);
                int last = -1;
                while ((entry = zip.getNextEntry()) != null) {
                    entryName = entry.getName();
                    String name = entry.getName();
                    if (name.startsWith(ArchiveTables.TABLES) && name.endsWith(ArchiveTables.ROWS)) {
                        ArchiveTables.Table table = ArchiveTables.named(name.substring(ArchiveTables.TABLES.length(),
                                name.length() - ArchiveTables.ROWS.length()));
                        int index = ArchiveTables.INCLUDED.indexOf(table);
                        if (table == null) {
                            throw ArchiveProblems.invalid(name, "is no table of this format");
                        }
                        if (index <= last) {
                            throw ArchiveProblems.invalid(name, "comes after a table that must follow it");
                        }
                        expectTablesBefore(index, name);
                        last = index;
                        long count = rows(table);
                        restored.put(table.name(), count);
                        if (count != manifest.tables().get(table.name())) {
                            throw ArchiveProblems.invalid(name, "holds " + count + " rows where the manifest says "
                                    + manifest.tables().get(table.name()) + ": the archive is cut short or altered");
                        }
                    } else if (name.startsWith(ArchiveTables.MEDIA)) {
                        expectTablesBefore(ArchiveTables.INCLUDED.size(), name);
                        media(name);
                    } else {
                        throw ArchiveProblems.invalid(name, "is no entry of this format");
                    }
                }
                entryName = "body";
                expectTablesBefore(ArchiveTables.INCLUDED.size(), "body");
                if (mediaFiles != manifest.mediaFiles()) {
                    throw ArchiveProblems.invalid("body", "ends after " + mediaFiles + " media files where the "
                            + "manifest says " + manifest.mediaFiles() + ": the archive is cut short");
                }
                finish();
                return new RestoredArchive(manifest.id(), manifest.exportedAt(), manifest.schema(),
                        restored.entrySet().stream()
                                .map(table -> new RestoredArchive.TableRows(table.getKey(), table.getValue()))
                                .toList(), mediaFiles);
            } catch (EOFException | ZipException e) {
                throw ArchiveProblems.invalid(entryName, "is cut short or damaged: the archive is not a whole ZIP "
                        + "archive");
            } catch (CharacterCodingException e) {
                throw ArchiveProblems.invalid(entryName, "is not UTF-8 text");
            } catch (IOException e) {
                throw new IllegalStateException("The archive could not be read", e);
            }
        }

        private void expectTablesBefore(int index, String where) {
            for (ArchiveTables.Table table : ArchiveTables.INCLUDED.subList(0, index)) {
                if (!restored.containsKey(table.name())) {
                    throw ArchiveProblems.invalid(where, "comes where " + table.entry() + " belongs: the archive "
                            + "lacks it, or is cut short");
                }
            }
        }

        private Manifest manifest() throws IOException {
            byte[] bytes = zip.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw ArchiveProblems.invalid(ArchiveTables.MANIFEST, "is larger than a manifest can be");
            }
            JsonNode node;
            try {
                node = rows.readValue(bytes);
            } catch (JsonProcessingException e) {
                throw ArchiveProblems.invalid(ArchiveTables.MANIFEST, "is not JSON (line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
            }
            if (!ArchiveTables.FORMAT.equals(node.path("format").asText(null))) {
                throw ArchiveProblems.invalid(ArchiveTables.MANIFEST + "#/format", "must be \""
                        + ArchiveTables.FORMAT + "\": this is no archive of this service");
            }
            if (!node.path("version").isInt() || node.path("version").asInt() != ArchiveTables.VERSION) {
                throw ArchiveProblems.unsupported(ArchiveTables.MANIFEST + "#/version", "is " + node.path("version")
                        + "; this service restores archives of format version " + ArchiveTables.VERSION);
            }
            Manifest manifest;
            try {
                manifest = json.treeToValue(node, Manifest.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw ArchiveProblems.invalid(ArchiveTables.MANIFEST, "does not have the members of a version "
                        + ArchiveTables.VERSION + " manifest (format, version, id, exportedAt, schema, tables, "
                        + "mediaFiles)");
            }
            if (manifest.id() == null || manifest.exportedAt() == null || manifest.schema() == null
                    || manifest.tables() == null) {
                throw ArchiveProblems.invalid(ArchiveTables.MANIFEST, "lacks a member (id, exportedAt, schema, "
                        + "tables)");
            }
            List<String> expected = ArchiveTables.INCLUDED.stream().map(ArchiveTables.Table::name).toList();
            if (!new ArrayList<>(manifest.tables().keySet()).equals(expected)
                    || manifest.tables().values().stream().anyMatch(count -> count == null || count < 0)) {
                throw ArchiveProblems.invalid(ArchiveTables.MANIFEST + "#/tables", "must count the rows of "
                        + String.join(", ", expected) + ", in this order");
            }
            return manifest;
        }

        /** Checks the schema, locks the tables, checks they are empty and turns their triggers off. */
        private void prepare(Manifest manifest) throws SQLException {
            String schema = TableColumns.schemaVersion(connection);
            if (!schema.equals(manifest.schema())) {
                throw ArchiveProblems.unsupported(ArchiveTables.MANIFEST + "#/schema", "is " + manifest.schema()
                        + ", this instance's is " + schema + ": restore the archive into a release of schema "
                        + manifest.schema() + ", then upgrade that");
            }
            String all = String.join(", ", ArchiveTables.INCLUDED.stream().map(t -> '"' + t.name() + '"').toList());
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local timezone to 'UTC'");
                // no write may slip in meanwhile; a second restore waits here, then finds the tables full
                statement.execute("lock table " + all + " in exclusive mode");
                for (ArchiveTables.Table table : ArchiveTables.INCLUDED) {
                    if (table.singleton()) {
                        statement.execute("delete from \"" + table.name() + "\"");
                        continue;
                    }
                    try (ResultSet rows = statement.executeQuery("select exists (select 1 from \"" + table.name()
                            + "\")")) {
                        rows.next();
                        if (rows.getBoolean(1)) {
                            throw ArchiveProblems.notEmpty(table.name());
                        }
                    }
                }
                for (ArchiveTables.Table table : ArchiveTables.INCLUDED) {
                    statement.execute("alter table \"" + table.name() + "\" disable trigger user");
                }
            }
        }

        /** Writes a table's rows, a batch at a time; answers how many. */
        private long rows(ArchiveTables.Table table) throws IOException, SQLException {
            TableColumns columns = TableColumns.of(connection, table);
            BufferedReader reader = new BufferedReader(new InputStreamReader(new Unclosed(zip),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)));
            Batch batch = null;
            long line = 0;
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                String where = entryName + ":" + line;
                ObjectNode row = row(text, where, columns);
                prepare(table, row);
                List<String> present = new ArrayList<>();
                row.fieldNames().forEachRemaining(present::add);
                if (batch == null || !batch.columns.equals(present)) {
                    if (batch != null) {
                        batch.run();
                    }
                    batch = new Batch(table, columns, present);
                }
                batch.add(json.writeValueAsString(row), line);
            }
            if (batch != null) {
                batch.run();
            }
            return line;
        }

        private ObjectNode row(String text, String where, TableColumns columns) {
            JsonNode node;
            try {
                node = rows.readValue(text);
            } catch (JsonProcessingException e) {
                throw ArchiveProblems.invalid(where, "is not JSON (column " + e.getLocation().getColumnNr() + ")");
            } catch (IOException e) {
                throw ArchiveProblems.invalid(where, "is not JSON");
            }
            if (!(node instanceof ObjectNode row)) {
                throw ArchiveProblems.invalid(where, "is not a JSON object (one row a line)");
            }
            for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!columns.archived().contains(name)) {
                    throw ArchiveProblems.invalid(where + "#/" + name, "is no column of table "
                            + columns.table().name() + " in this format");
                }
            }
            return row;
        }

        /** What the archive does not hold of a row, and what it holds for later. */
        private void prepare(ArchiveTables.Table table, ObjectNode row) throws JsonProcessingException {
            if (table.name().equals("webhook")) {
                // secrets never leave an instance: paused, with a secret nobody knows, until its owner makes it anew
                row.put("secret", webhooks.newSealedSecret());
                row.put("active", false);
            }
            if (!table.deferred().isEmpty()) {
                ObjectNode later = json.createObjectNode();
                later.set("id", row.get("id"));
                boolean any = false;
                for (String column : table.deferred()) {
                    JsonNode value = row.remove(column);
                    if (value != null && !value.isNull()) {
                        later.set(column, value);
                        any = true;
                    }
                }
                if (any) {
                    deferred.computeIfAbsent(table, t -> new ArrayList<>()).add(json.writeValueAsString(later));
                }
            }
        }

        /** Rows of one table with the same columns, written in one round trip. */
        private final class Batch {

            final ArchiveTables.Table table;
            final List<String> columns;
            final String sql;
            final List<String> rows = new ArrayList<>();
            final List<Long> lines = new ArrayList<>();

            Batch(ArchiveTables.Table table, TableColumns described, List<String> columns) {
                this.table = table;
                this.columns = columns;
                String list = TableColumns.list(columns);
                boolean identity = columns.stream().anyMatch(described.identity()::contains);
                this.sql = "insert into \"" + table.name() + "\" (" + list + ")"
                        + (identity ? " overriding system value" : "") + " select " + list
                        + " from json_populate_record(null::\"" + table.name() + "\", cast(? as json))";
            }

            void add(String row, long line) throws SQLException {
                rows.add(row);
                lines.add(line);
                if (rows.size() == BATCH) {
                    run();
                }
            }

            void run() throws SQLException {
                if (rows.isEmpty()) {
                    return;
                }
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (String row : rows) {
                        statement.setString(1, row);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                } catch (BatchUpdateException e) {
                    int[] counts = e.getUpdateCounts();
                    int failed = 0;
                    while (counts != null && failed < counts.length && counts[failed] >= 0) {
                        failed++;
                    }
                    long line = lines.get(Math.min(failed, lines.size() - 1));
                    SQLException cause = e.getNextException() != null ? e.getNextException() : e;
                    throw refused(entryName + ":" + line, cause);
                } catch (SQLException e) {
                    throw refused(entryName + ":" + lines.get(0), e);
                }
                rows.clear();
                lines.clear();
            }
        }

        /** A row the database refuses, as a problem naming it; anything else is no fault of the archive. */
        private RuntimeException refused(String where, SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
            String constraint = server == null || server.getConstraint() == null ? ""
                    : " (" + server.getConstraint() + ")";
            String column = server == null || server.getColumn() == null ? "" : " " + server.getColumn();
            String message = switch (state) {
                case "23503" -> "refers to a row the archive does not hold before it" + constraint;
                case "23505" -> "repeats the key of another row" + constraint;
                case "23514", "23P01" -> "breaks a rule of the schema" + constraint;
                case "23502" -> "lacks a value for column" + column;
                default -> state.startsWith("22") ? "holds a value its column cannot take (of the wrong type, too "
                        + "long or out of range)" : null;
            };
            if (message == null) {
                return new IllegalStateException("The restore failed in the database", e);
            }
            return ArchiveProblems.invalid(where, message);
        }

        private void media(String name) throws IOException, SQLException {
            String[] parts = name.substring(ArchiveTables.MEDIA.length()).split("/", -1);
            UUID id;
            try {
                id = parts.length == 2 ? UUID.fromString(parts[0]) : null;
            } catch (IllegalArgumentException e) {
                id = null;
            }
            Optional<AssetFiles.Kind> kind = parts.length != 2 ? Optional.empty()
                    : java.util.Arrays.stream(AssetFiles.Kind.values())
                            .filter(k -> k.fileName.equals(parts[1])).findFirst();
            if (id == null || kind.isEmpty()) {
                throw ArchiveProblems.invalid(name, "is no media file of this format (media/<asset id>/original or "
                        + "master.jpg)");
            }
            String sha256;
            String mediaType;
            try (PreparedStatement statement = connection.prepareStatement(
                    "select sha256, media_type from asset where id = ?")) {
                statement.setObject(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw ArchiveProblems.invalid(name, "is a file of an asset the archive does not hold");
                    }
                    sha256 = rows.getString(1);
                    mediaType = rows.getString(2);
                }
            }
            byte[] bytes = zip.readNBytes(MAX_MEDIA_BYTES + 1);
            if (bytes.length > MAX_MEDIA_BYTES) {
                throw ArchiveProblems.invalid(name, "is larger than any media file can be");
            }
            if (kind.get() == AssetFiles.Kind.ORIGINAL && !sha256.equals(Digests.sha256Hex(bytes))) {
                throw ArchiveProblems.invalid(name, "is not the file its asset was made from (another SHA-256)");
            }
            files.write(sha256, kind.get(), bytes, mediaType);
            mediaFiles++;
        }

        /** The deferred columns, the triggers back on, the sequences past the restored numbers; others told. */
        private void finish() throws SQLException {
            for (Map.Entry<ArchiveTables.Table, List<String>> table : deferred.entrySet()) {
                String name = table.getKey().name();
                for (String column : table.getKey().deferred()) {
                    try (PreparedStatement statement = connection.prepareStatement("update \"" + name + "\" t set \""
                            + column + "\" = r.\"" + column + "\" from json_populate_record(null::\"" + name
                            + "\", cast(? as json)) r where t.id = r.id and r.\"" + column + "\" is not null")) {
                        for (String row : table.getValue()) {
                            statement.setString(1, row);
                            statement.addBatch();
                        }
                        statement.executeBatch();
                    } catch (SQLException e) {
                        throw refused(table.getKey().entry() + "#/" + column, e);
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (ArchiveTables.Table table : ArchiveTables.INCLUDED) {
                    statement.execute("alter table \"" + table.name() + "\" enable trigger user");
                    for (String column : TableColumns.of(connection, table).identity()) {
                        statement.execute("select setval(pg_get_serial_sequence('\"" + table.name() + "\"', '"
                                + column + "'), max(\"" + column + "\")) from \"" + table.name()
                                + "\" having max(\"" + column + "\") is not null");
                    }
                }
                // other instances sharing the database read the log at once and purge what they keep
                statement.execute("select pg_notify('" + ChangeNotifications.CHANNEL + "', '')");
            }
        }
    }

    /** The current entry of a ZIP stream, which a reader may not close (the next entry is read from it). */
    private static final class Unclosed extends FilterInputStream {

        Unclosed(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
