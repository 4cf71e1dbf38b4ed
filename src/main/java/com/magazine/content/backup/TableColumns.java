package com.magazine.content.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a table an archive carries, as the database describes them: every column but the generated ones
 * (the database computes them again: search vectors, list dates) and those the table leaves out. Identity columns
 * are carried too (their numbers are positions clients hold, such as change-feed cursors) and restored with
 * {@code overriding system value}.
 */
record TableColumns(ArchiveTables.Table table, List<String> archived, List<String> identity) {

    static TableColumns of(Connection connection, ArchiveTables.Table table) throws SQLException {
        List<String> archived = new ArrayList<>();
        List<String> identity = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select column_name, is_generated, is_identity from information_schema.columns
                where table_schema = current_schema() and table_name = ? order by ordinal_position""")) {
            statement.setString(1, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    if ("ALWAYS".equals(rows.getString(2)) || table.leftOut().contains(name)) {
                        continue;
                    }
                    archived.add(name);
                    if ("YES".equals(rows.getString(3))) {
                        identity.add(name);
                    }
                }
            }
        }
        if (archived.isEmpty()) {
            throw new IllegalStateException("The schema has no table " + table.name());
        }
        return new TableColumns(table, archived, identity);
    }

    /** A column list for SQL, each name quoted. */
    static String list(List<String> columns) {
        return String.join(", ", columns.stream().map(column -> '"' + column + '"').toList());
    }

    /** The schema version Flyway migrated the database to: an archive restores only into the same. */
    static String schemaVersion(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select version from flyway_schema_history where success and version is not null
                order by installed_rank desc limit 1""");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : "0";
        }
    }
}
