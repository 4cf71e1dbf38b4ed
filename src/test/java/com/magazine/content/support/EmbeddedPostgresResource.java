package com.magazine.content.support;

import com.magazine.content.common.database.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives the test suite a fresh embedded PostgreSQL in a temporary folder, unless {@code QUARKUS_DATASOURCE_JDBC_URL}
 * points it at a server (that is how CI runs the same suite against PostgreSQL 15).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;
    private Path directory;

    @Override
    public Map<String, String> start() {
        if (EmbeddedDatabase.setting(EmbeddedDatabase.URL_PROPERTY).isPresent()) {
            return Map.of();
        }
        try {
            directory = Files.createTempDirectory("content-api-test-db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = EmbeddedDatabase.start(directory.resolve("data"), 0);
        return database.datasourceProperties();
    }

    @Override
    public void stop() {
        if (database == null) {
            return;
        }
        database.stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
