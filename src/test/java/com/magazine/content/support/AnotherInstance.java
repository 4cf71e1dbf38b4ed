package com.magazine.content.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What another instance sharing the database does when it changes something: it changes the row and logs the change,
 * with the surrogate keys it purges, in one transaction. This instance learns of it only from the change log.
 */
public final class AnotherInstance {

    private AnotherInstance() {
    }

    /** Another instance moves the author {@code id} (slug {@code slug}) to {@code location}. */
    public static void relocateAuthor(DataSource database, String id, String slug, String location)
            throws SQLException {
        changes(database, "author", id, slug, "authors",
                "update author set location = ?, version = version + 1 where id = ?::uuid", location);
    }

    /**
     * Another instance runs {@code update} on the {@code type} row {@code id} (bound to {@code values}, then the id
     * last) and logs it as updated, purging {@code type:<id>} and the {@code family} key of its lists.
     *
     * @param slug the row's slug in the log, or null for a type without one
     */
    public static void changes(DataSource database, String type, String id, String slug, String family,
            String update, Object... values) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement change = connection.prepareStatement(update);
                    PreparedStatement log = connection.prepareStatement("insert into change_event "
                            + "(type, entity_id, slug, public_op, staff_op, action, version, purges) "
                            + "values (?, ?::uuid, ?, 'upsert', 'upsert', 'updated', 1, array[? || ':' || ?, ?])")) {
                for (int i = 0; i < values.length; i++) {
                    change.setObject(i + 1, values[i]);
                }
                change.setString(values.length + 1, id);
                change.executeUpdate();
                log.setString(1, type);
                log.setString(2, id);
                log.setString(3, slug);
                log.setString(4, type);
                log.setString(5, id);
                log.setString(6, family);
                log.executeUpdate();
            }
            connection.commit();
        }
    }
}
