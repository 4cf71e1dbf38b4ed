package com.magazine.content;

import com.magazine.content.common.database.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point for dev mode and {@code java -jar}: starts the embedded PostgreSQL when no datasource URL is
 * configured, then Quarkus.
 */
@QuarkusMain
public class ContentApi {

    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured();
        Quarkus.run(ContentCommands.class, args);
    }
}
