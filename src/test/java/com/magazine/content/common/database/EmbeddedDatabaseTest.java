package com.magazine.content.common.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run killed with kill -9 leaves its embedded PostgreSQL running on the data folder. The next start finds it by
 * its postmaster.pid, stops it cleanly and starts afresh on the same data, which is all still there.
 */
class EmbeddedDatabaseTest {

    private Path folder;
    private EmbeddedDatabase database;

    @AfterEach
    void cleanUp() throws IOException {
        if (database != null) {
            database.stop();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aServerLeftRunningByAKilledRunIsStoppedAndTheDataKept() throws Exception {
        folder = Files.createTempDirectory("content-api-orphan");
        Path data = folder.resolve("data");
        EmbeddedDatabase first = EmbeddedDatabase.start(data, 0);
        try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), EmbeddedDatabase.USER, "")) {
            connection.createStatement().execute("create table survivor (name text)");
            connection.createStatement().execute("insert into survivor values ('kept')");
        }
        // the orphan: kill -9 of java -jar ends the JVM (and its lock on the folder) but not the server it started
        forgetWithoutStopping(first);
        long orphan = pid(data);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        database = EmbeddedDatabase.start(data, 0);

        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan is stopped").isEmpty();
        assertThat(pid(data)).isNotEqualTo(orphan);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
                ResultSet rows = connection.createStatement().executeQuery("select name from survivor")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void aLockFileOfAProcessThatIsGoneIsRemoved() throws Exception {
        folder = Files.createTempDirectory("content-api-stale");
        Path data = folder.resolve("data");
        Files.createDirectories(data);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.write(data.resolve("postmaster.pid"), List.of(String.valueOf(gone.pid()), data.toString()));
        EmbeddedDatabase.stopOrphan(data);
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    /** Drops the JVM's hold on the folder, leaving the server running, as the end of a killed JVM does. */
    private static void forgetWithoutStopping(EmbeddedDatabase database) throws Exception {
        Field serverField = EmbeddedDatabase.class.getDeclaredField("server");
        serverField.setAccessible(true);
        Object server = serverField.get(database);
        Field lock = server.getClass().getDeclaredField("lock");
        lock.setAccessible(true);
        ((java.nio.channels.FileLock) lock.get(server)).release();
        Field stream = server.getClass().getDeclaredField("lockStream");
        stream.setAccessible(true);
        ((java.io.Closeable) stream.get(server)).close();
    }

    private static long pid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
