package com.magazine.content;

import com.magazine.content.wordpress.ImportCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.util.Arrays;

/**
 * What {@code java -jar} does with its arguments: none serves the API until stopped; {@code import <file>} imports a
 * WordPress export file from this machine (as large as it is) and exits when done.
 */
public class ContentCommands implements QuarkusApplication {

    @Inject
    ImportCommand imports;

    @Override
    public int run(String... args) {
        if (args.length > 0 && args[0].equals("import")) {
            return imports.run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0) {
            System.err.println("Unknown command '" + args[0] + "'. Usage: java -jar quarkus-run.jar [import "
                    + "[--no-images] <wordpress-export.xml>]");
            return 2;
        }
        Quarkus.waitForExit();
        return 0;
    }
}
