package com.magazine.content.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.magazine.content.asset.AssetFiles;
import com.magazine.content.common.time.Timestamps;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.logging.Logger;

/**
 * Writes the whole content as an archive (README: Back up and restore), streamed: rows are read through a database
 * cursor and written as they come, files one at a time, so memory does not grow with the content. Everything is read
 * in one repeatable-read transaction: the archive is the content as of one instant, whatever is written meanwhile.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);
    private static final int FETCH_SIZE = 500;

    /** An archive about to be written: its id (the answer's ETag) and the instant it is taken. */
    public final class Archive {

        private final UUID id;
        private final Instant at;

        Archive(UUID id, Instant at) {
            this.id = id;
            this.at = at;
        }

        public UUID id() {
            return id;
        }

        public Instant at() {
            return at;
        }

        /** content-20261124T091500Z.zip */
        public String fileName() {
            return "content-" + at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace(":", "")
                    .replace("-", "") + ".zip";
        }

        /** Writes the archive, reading the content as it goes. */
        public void write(OutputStream out) throws IOException {
            ExportService.this.write(this, out);
        }
    }

    private final AgroalDataSource database;
    private final AssetFiles files;
    private final ObjectMapper json;

    ExportService(AgroalDataSource database, AssetFiles files, ObjectMapper json) {
        this.database = database;
        this.files = files;
        this.json = json;
    }

    /** A new archive; nothing is read until it is written. */
    public Archive archive() {
        return new Archive(UUID.randomUUID(), Timestamps.now());
    }

    /** Writes {@code archive} to {@code out}; a failure half-way breaks the stream (a restore refuses a cut archive). */
    void write(Archive archive, OutputStream out) throws IOException {
        try (Connection connection = database.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                write(archive, connection, out);
                connection.commit();
            } finally {
                try {
                    connection.rollback();
                    connection.setReadOnly(false);
                    connection.setTransactionIsolation(isolation);
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException e) {
                    LOG.debugf("Could not reset the export's connection: %s", e.getMessage());
                }
            }
        } catch (SQLException e) {
            LOG.errorf(e, "Export %s failed; the archive sent is cut short", archive.id());
            throw new IOException("the export failed", e);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Export %s was not completed: %s", archive.id(), e.getMessage());
            throw e;
        }
    }

    private void write(Archive archive, Connection connection, OutputStream out) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            // timestamps as UTC in the rows (row_to_json writes them in the session's zone)
            statement.execute("set local timezone to 'UTC'");
        }
        String schema = TableColumns.schemaVersion(connection);
        List<TableColumns> tables = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ArchiveTables.Table table : ArchiveTables.INCLUDED) {
            tables.add(TableColumns.of(connection, table));
            counts.put(table.name(), count(connection, table.name()));
        }
        List<MediaFile> media = media(connection);
        Manifest manifest = new Manifest(ArchiveTables.FORMAT, ArchiveTables.VERSION, archive.id(), archive.at(),
                schema, counts, media.size());

        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(ArchiveTables.MANIFEST));
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        for (TableColumns table : tables) {
            zip.putNextEntry(new ZipEntry(table.table().entry()));
            long written = rows(connection, table, zip);
            zip.closeEntry();
            if (written != counts.get(table.table().name())) {
                throw new IllegalStateException("table " + table.table().name() + " changed within the snapshot");
            }
        }
        for (MediaFile file : media) {
            byte[] bytes = files.read(file.sha256(), file.kind()).orElseThrow(() -> new IOException(
                    "the media store no longer holds the " + file.kind() + " file of asset " + file.assetId()));
            ZipEntry entry = new ZipEntry(ArchiveTables.MEDIA + file.assetId() + "/" + file.kind().fileName);
            // images are compressed already: stored as they are
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from \"" + table + "\"")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One row a line, as PostgreSQL writes it in JSON, through a cursor. */
    private static long rows(Connection connection, TableColumns table, OutputStream out) throws SQLException,
            IOException {
        long written = 0;
        try (PreparedStatement statement = connection.prepareStatement("select row_to_json(t)::text from (select "
                + TableColumns.list(table.archived()) + " from \"" + table.table().name() + "\" order by "
                + table.table().orderBy() + ") t")) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.write(rows.getString(1).getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                    written++;
                }
            }
        }
        return written;
    }

    private record MediaFile(UUID assetId, String sha256, AssetFiles.Kind kind) {
    }

    /** The files of the snapshot's assets that the media store holds, in the order of the assets' ids. */
    private List<MediaFile> media(Connection connection) throws SQLException {
        Map<AssetFiles.Kind, Set<String>> stored = new EnumMap<>(AssetFiles.Kind.class);
        for (AssetFiles.Kind kind : AssetFiles.Kind.values()) {
            stored.put(kind, files.storedHashes(kind));
        }
        List<MediaFile> media = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select id, sha256 from asset order by id")) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    String sha256 = rows.getString(2);
                    for (AssetFiles.Kind kind : AssetFiles.Kind.values()) {
                        if (stored.get(kind).contains(sha256)) {
                            media.add(new MediaFile(id, sha256, kind));
                        } else {
                            LOG.warnf("Export: the media store holds no %s file of asset %s; it is left out",
                                    kind, id);
                        }
                    }
                }
            }
        }
        return media;
    }
}
