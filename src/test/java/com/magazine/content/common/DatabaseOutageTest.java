package com.magazine.content.common;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.author;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.platform;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The database going away under a running service: the service's database stops taking connections and every
 * connection it holds is cut (as when PostgreSQL stops or fails over), on the embedded server as on a real one.
 * Requests that need the database answer 503 with Retry-After at once; cached reads keep answering; readiness says
 * why; everything resumes when the database does.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void aDatabaseThatCannotBeReachedAnswers503ProblemsFastAndReadinessSaysWhy() throws Exception {
        String slug = createAuthor(unique("Outage Writer"));
        anonymous().when().get("/api/v1/authors/" + slug).then().statusCode(200); // now in the response cache
        try (Connection admin = maintenanceConnection()) {
            String database = databaseName();
            try {
                block(admin, database);
                long started = System.nanoTime();
                Response answer = anonymous().when().get("/api/v1/authors/" + unique("nobody"))
                        .then().statusCode(503)
                        .contentType(PROBLEM_JSON)
                        .header("Retry-After", equalTo("5"))
                        .body("type", equalTo("urn:content-api:problem:unavailable"))
                        .body("status", equalTo(503))
                        .body("detail", containsString("database"))
                        .extract().response();
                assertThat((System.nanoTime() - started) / 1_000_000).as("ms to the 503").isLessThan(4_000);
                assertThat(answer.asString()).doesNotContain("SQL", "Exception", "postgres");

                asAdmin().contentType(ContentType.JSON).body(author(unique("Lost Writer")))
                        .when().post("/api/v1/authors")
                        .then().statusCode(503).contentType(PROBLEM_JSON).header("Retry-After", equalTo("5"));
                // a key never seen cannot be checked: 503, not a 401 that would tell the client its key is bad
                offContract().header("Authorization", "Bearer cak_" + "k".repeat(43))
                        .when().get("/api/v1/authors/" + slug)
                        .then().statusCode(503).contentType(PROBLEM_JSON);
                anonymous().when().get("/api/v1/authors/" + slug).then().statusCode(200); // cached reads go on

                platform().when().get("/q/health/ready")
                        .then().statusCode(503)
                        .body("status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'database' }.data.reason", containsString("database"));
            } finally {
                unblock(admin, database);
            }
        }
        long deadline = System.currentTimeMillis() + 20_000;
        int status = 0;
        int ready = 0;
        while (System.currentTimeMillis() < deadline && (status != 404 || ready != 200)) {
            status = offContract().when().get("/api/v1/authors/" + unique("nobody")).then().extract().statusCode();
            ready = platform().when().get("/q/health/ready").then().extract().statusCode();
            if (status != 404 || ready != 200) {
                Thread.sleep(200);
            }
        }
        assertThat(status).as("answers again once the database is back").isEqualTo(404);
        assertThat(ready).as("ready again once the database is back").isEqualTo(200);
    }

    private static void block(Connection admin, String database) throws SQLException {
        try (Statement sql = admin.createStatement()) {
            sql.execute("alter database \"" + database + "\" allow_connections false");
            sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                    + "' and pid <> pg_backend_pid()");
        }
    }

    private static void unblock(Connection admin, String database) throws SQLException {
        try (Statement sql = admin.createStatement()) {
            sql.execute("alter database \"" + database + "\" allow_connections true");
        }
    }

    private static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static String databaseName() {
        String path = jdbcUrl().replaceFirst("^jdbc:postgresql://[^/]*/", "");
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** A connection to the server's maintenance database, which stays open while the service's is blocked. */
    private static Connection maintenanceConnection() throws SQLException {
        String url = jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1postgres");
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(url,
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
