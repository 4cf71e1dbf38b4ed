package com.magazine.content.common.database;

import com.magazine.content.common.error.PersistenceProblems;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says why the database is not usable, in words an operator can act on (without host names or SQL):
 * refused, lost, not accepting connections, no connection free in time, or a query that failed.
 */
@Readiness
@ApplicationScoped
class DatabaseReadiness implements HealthCheck {

    private final AgroalDataSource dataSource;

    DatabaseReadiness(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("select 1");
            return HealthCheckResponse.named("database").up().build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("database").down().withData("reason", reason(e)).build();
        }
    }

    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            String state = cause instanceof SQLException sql ? String.valueOf(sql.getSQLState()) : "";
            if (message.contains("acquisition timeout")) {
                return "the database connection pool had no connection free within the acquisition timeout";
            }
            if (message.contains("not currently accepting connections") || state.startsWith("57P0")) {
                return "the database is not accepting connections (shutting down, starting up or blocked)";
            }
            if (message.contains("refused")) {
                return "the database server refused the connection (not running, or not listening there)";
            }
            if (state.equals("08006") || message.contains("I/O error")) {
                return "the connection to the database was lost";
            }
            if (state.startsWith("08") || cause instanceof java.net.ConnectException) {
                return "the database cannot be connected to (SQLState " + state + ")";
            }
        }
        return PersistenceProblems.databaseUnavailable(failure) ? "the database cannot be reached"
                : "a query to the database failed";
    }
}
