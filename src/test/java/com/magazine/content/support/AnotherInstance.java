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
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "update author set location = ?, version = version + 1 where id = ?::uuid");
                    PreparedStatement log = connection.prepareStatement("insert into change_event "
                            + "(type, entity_id, slug, public_op, staff_op, action, version, purges) "
                            + "values ('author', ?::uuid, ?, 'upsert', 'upsert', 'updated', 1, "
                            + "array['author:' || ?, 'authors'])")) {
                update.setString(1, location);
                update.setString(2, id);
                update.executeUpdate();
                log.setString(1, id);
                log.setString(2, slug);
                log.setString(3, id);
                log.executeUpdate();
            }
            connection.commit();
        }
    }
}
