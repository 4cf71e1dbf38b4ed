package com.magazine.content.common.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL server used when no datasource URL is configured: dev mode, {@code java -jar} evaluation
 * and the test suite. Production sets {@code QUARKUS_DATASOURCE_JDBC_URL} and never starts it.
 *
 * <p>The server binaries come from Maven Central as jars (io.zonky.test), so nothing has to be installed.
 */
public final class EmbeddedDatabase {

    public static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    public static final String DATABASE_NAME = "content";
    public static final String USER = "postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres server;
    private final String jdbcUrl;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
        this.jdbcUrl = server.getJdbcUrl(USER, DATABASE_NAME);
    }

    /**
     * Starts a server on {@code dataDirectory}, keeping what is already there, and makes sure the application's
     * database exists.
     *
     * @param port the port to listen on on the loopback interface; 0 picks a free one
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphan(dataDirectory);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toAbsolutePath())
                    .setCleanDataDirectory(false)
                    .setPort(port == 0 ? EmbeddedDatabase.freePort() : port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setRegisterShutdownHook(true)
                    .start();
            createDatabaseIfMissing(server);
            return new EmbeddedDatabase(server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A server left running on {@code dataDirectory} by a run that was killed (kill -9 of {@code java -jar} leaves
     * the embedded PostgreSQL behind, still holding the folder): found by its {@code postmaster.pid}, and stopped
     * cleanly (a fast shutdown: SIGINT, then SIGKILL if it does not go within 30 s) before a new one starts. A lock
     * file naming a process that is gone, or one that is not PostgreSQL, is removed.
     */
    static void stopOrphan(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(lockFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(lockFile).get(0).strip());
        } catch (RuntimeException e) {
            LOG.warnf("Removing an unreadable %s", lockFile);
            Files.deleteIfExists(lockFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        boolean postgres = process.flatMap(p -> p.info().command())
                .map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                .orElse(false);
        if (!postgres) {
            LOG.infof("Removing a stale %s (process %d is not running PostgreSQL)", lockFile, pid);
            Files.deleteIfExists(lockFile);
            return;
        }
        LOG.warnf("An embedded PostgreSQL (pid %d) left running by an earlier run still holds %s: stopping it",
                pid, dataDirectory.toAbsolutePath());
        ProcessHandle server = process.get();
        signal(pid, "INT"); // PostgreSQL's fast shutdown: clients cut, everything written, a clean stop
        if (!waitForExit(server, Duration.ofSeconds(30))) {
            LOG.warnf("The earlier embedded PostgreSQL (pid %d) did not stop within 30 s: killing it", pid);
            server.destroyForcibly();
            waitForExit(server, Duration.ofSeconds(10));
        }
        LOG.infof("The earlier embedded PostgreSQL (pid %d) has stopped", pid);
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).redirectErrorStream(true)
                    .start();
            kill.getInputStream().readAllBytes();
            if (kill.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command (Windows): fall back to what Java can send
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); // SIGTERM: a smart shutdown
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server) throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE_NAME + "'")) {
                if (!exists.next()) {
                    statement.execute("create database " + DATABASE_NAME + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not create the database " + DATABASE_NAME, e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public int port() {
        return server.getPort();
    }

    /** The datasource settings that point Quarkus at this server. */
    public Map<String, String> datasourceProperties() {
        return Map.of(
                URL_PROPERTY, jdbcUrl,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }

    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("the embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * Starts the embedded server for this JVM unless a datasource URL is configured (environment or system property)
     * or {@code content.embedded-db.enabled} is false, and publishes its settings as system properties so that
     * Quarkus, and any later restart in dev mode, finds them.
     */
    public static void startUnlessConfigured() {
        if (setting(URL_PROPERTY).isPresent()) {
            return;
        }
        if (!Boolean.parseBoolean(setting("content.embedded-db.enabled").orElse("true"))) {
            return; // production guard: Quarkus then fails fast with "no JDBC URL" instead of writing to a local disk
        }
        Path directory = Path.of(setting("content.embedded-db.dir").orElse("data/postgres"));
        int port = Integer.parseInt(setting("content.embedded-db.port").orElse("0"));
        EmbeddedDatabase database = start(directory, port);
        database.datasourceProperties().forEach(System::setProperty);
        LOG.infof("Embedded PostgreSQL serving %s from %s", database.jdbcUrl(), directory.toAbsolutePath());
        evaluationSecrets(directory.toAbsolutePath().getParent());
    }

    /**
     * On the embedded database the service is being tried out (the README's {@code java -jar}): the secrets that a
     * production start must be given (ProductionSecrets) are made once and kept beside the data, in
     * {@code secrets.properties}, so that cursors and sealed webhook secrets survive a restart. A service given a
     * database URL never comes here, and refuses to start without its secrets.
     */
    static void evaluationSecrets(Path folder) {
        Map<String, java.util.function.Supplier<String>> wanted = new java.util.LinkedHashMap<>();
        java.security.SecureRandom random = new java.security.SecureRandom();
        wanted.put("content.paging.cursor-secret", () -> java.util.HexFormat.of().formatHex(bytes(random, 32)));
        wanted.put("content.webhooks.secret-key",
                () -> "local:" + java.util.Base64.getEncoder().encodeToString(bytes(random, 32)));
        Path file = (folder == null ? Path.of(".") : folder).resolve("secrets.properties");
        java.util.Properties kept = new java.util.Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    kept.load(in);
                }
            }
            boolean changed = false;
            for (var entry : wanted.entrySet()) {
                if (setting(entry.getKey()).isPresent()) {
                    continue; // given by the operator
                }
                if (kept.getProperty(entry.getKey()) == null) {
                    kept.setProperty(entry.getKey(), entry.getValue().get());
                    changed = true;
                }
                System.setProperty(entry.getKey(), kept.getProperty(entry.getKey()));
            }
            if (changed) {
                Files.createDirectories(file.getParent());
                try (var out = Files.newOutputStream(file)) {
                    kept.store(out, "made for a local trial on the embedded PostgreSQL; never used with a database URL");
                }
                LOG.warnf("Trying the service on the embedded PostgreSQL: paging and webhook secrets made and kept in "
                        + "%s. A production instance is given a database URL and its own secrets.", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the local secrets in " + file, e);
        }
    }

    private static byte[] bytes(java.security.SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A setting from a system property, or from its environment variable as Quarkus names it. */
    public static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
