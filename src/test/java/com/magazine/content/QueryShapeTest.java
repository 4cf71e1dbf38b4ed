package com.magazine.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Statements that take several values bind them as one array ({@code = any(?1)}, or {@code Entities.byIds}), never as
 * a list expanded into {@code in (…)}: Hibernate translates an HQL query with a list parameter anew on every call
 * (16 % of a single article read's CPU in the profile), and a native one is re-expanded. Read from the sources, so
 * that a new repository method cannot bring the shape back.
 */
class QueryShapeTest {

    /** {@code in ?1}, {@code in :ids}, {@code in (?1)}, {@code in (:ids)}: one placeholder standing for a list. */
    static final Pattern LIST_PARAMETER = Pattern.compile("\\bin\\s*(\\(\\s*)?[?:][A-Za-z0-9_]+\\s*(\\)|$|\\s|\")",
            Pattern.CASE_INSENSITIVE);

    @Test
    void thePatternFindsAListParameterAndNothingElse() {
        assertThat(List.of("list(\"id in ?1\", ids)", "where a.id in :ids\")", "where x.asset_id in (?1)",
                "lower(name) in (:names) order by")).allMatch(line -> LIST_PARAMETER.matcher(line).find());
        assertThat(List.of("where id = any(?1)", "where a.id in (?1, ?2)", "join article a on a.id = x.id",
                "status in ('draft', 'published')")).noneMatch(line -> LIST_PARAMETER.matcher(line).find());
    }

    @Test
    void noStatementBindsAListToIn() throws IOException {
        List<String> found = new ArrayList<>();
        int files;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<Path> java = sources.filter(path -> path.toString().endsWith(".java")).toList();
            files = java.size();
            for (Path file : java) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    boolean comment = line.startsWith("*") || line.startsWith("//") || line.startsWith("/*");
                    if (!comment && LIST_PARAMETER.matcher(line).find()) {
                        found.add(file + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertThat(files).as("the sources were read").isGreaterThan(100);
        assertThat(found).as("statements binding a list to in (…); bind an array: = any(?1), or Entities.byIds")
                .isEmpty();
    }
}
