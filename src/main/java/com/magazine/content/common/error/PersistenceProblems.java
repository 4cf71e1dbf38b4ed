package com.magazine.content.common.error;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Database refusals that the services did not turn into a domain problem themselves: two requests racing are a 409
 * that says to retry; a database that cannot be reached (down, restarting, no connection free within the pool's
 * acquisition timeout) is a 503 with {@code Retry-After}, answered as soon as the pool gives up. Never a 500 with SQL
 * in it.
 */
public class PersistenceProblems {

    private static final Logger LOG = Logger.getLogger(PersistenceProblems.class);

    /** Seconds a client is asked to wait when the database cannot be reached. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** Connection failures (08…), the server shutting down or starting (57P01–57P03), too many connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "53400");

    @ServerExceptionMapper(priority = 1)
    Response constraint(ConstraintViolationException e, UriInfo uri) {
        return Problems.respond(Problems.conflict("conflict",
                "The change conflicts with other data that changed meanwhile; read it again and retry."), uri);
    }

    @ServerExceptionMapper(priority = 1)
    Response concurrent(OptimisticLockException e, UriInfo uri) {
        return Problems.respond(Problems.conflict("concurrent-update",
                "Someone else changed this resource at the same moment; read it again and retry."), uri);
    }

    @ServerExceptionMapper(priority = 1)
    Response connection(JDBCConnectionException e, UriInfo uri) {
        return unavailableOrFailed(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    Response jdbc(JDBCException e, UriInfo uri) {
        return unavailableOrFailed(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    Response persistence(PersistenceException e, UriInfo uri) {
        return unavailableOrFailed(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    Response sql(SQLException e, UriInfo uri) {
        return unavailableOrFailed(e, uri);
    }

    private static Response unavailableOrFailed(Exception e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            LOG.warnf("Database unavailable, answering 503: %s", rootMessage(e));
            return Problems.respond(unavailable(), uri);
        }
        if (dataException(e)) {
            // a value the checks let through but a column cannot hold: e.g. a text that Unicode normalisation
            // (NFC) made longer than its limit. The client's input, not our failure: never a 500
            LOG.infof("Value refused by the database, answering 422: %s", rootMessage(e));
            return Problems.respond(Problems.unprocessable("body", "a value does not fit what is stored (a text "
                    + "longer than its limit once normalised, or a number or date out of range)"), uri);
        }
        LOG.error("Database failure", e);
        return Problems.respond(HttpProblem.builder()
                .withStatus(Response.Status.INTERNAL_SERVER_ERROR)
                .withTitle("Internal Server Error")
                .withDetail("Something went wrong on our side; it has been logged.")
                .build(), uri);
    }

    /** The 503 answer while the database cannot be reached. */
    public static HttpProblem unavailable() {
        return Problems.unavailable("unavailable", "The database cannot be reached right now", RETRY_AFTER_SECONDS);
    }

    /** Whether {@code failure} means that no connection to the database could be had or kept. */
    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && (message.contains("Unable to acquire JDBC Connection")
                    || message.contains("acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code failure} is PostgreSQL refusing a value (SQLSTATE class 22: too long, out of range, …). */
    static boolean dataException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
