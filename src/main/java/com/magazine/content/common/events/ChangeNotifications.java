package com.magazine.content.common.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Statement;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells this instance, within milliseconds, that another instance committed changes: every change's transaction sends
 * a PostgreSQL {@code NOTIFY} on {@link #CHANNEL} (delivered at its commit), and one connection of this instance
 * listens. The log stays the source of truth; a notification only says "read it now", so one that is lost (the
 * connection broke) costs no more than the next scheduled read.
 */
@ApplicationScoped
public class ChangeNotifications {

    /** The channel changes are announced on. */
    public static final String CHANNEL = "content_changes";

    /** Fired (on the listening thread) when other transactions committed changes. */
    public record Committed() {
    }

    private static final Logger LOG = Logger.getLogger(ChangeNotifications.class);

    private final AgroalDataSource database;
    private final Event<Committed> committed;
    private volatile boolean running;
    private Thread listener;

    ChangeNotifications(AgroalDataSource database, Event<Committed> committed) {
        this.database = database;
        this.committed = committed;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        listener = new Thread(this::listen, "change-log-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        committed.fire(new Committed());
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.debugf("Not listening for changes (%s); the change log is still read on schedule. Trying again.",
                        e.getMessage());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
