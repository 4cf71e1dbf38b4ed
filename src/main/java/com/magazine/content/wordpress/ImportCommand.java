package com.magazine.content.wordpress;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar quarkus-run.jar import [--no-images] <file>}: imports a WordPress export read where it lies (no
 * upload, no size limit), printing progress, and answers the exit status: 0 done, 1 failed, 2 misused.
 */
@ApplicationScoped
public class ImportCommand {

    private final ImportService imports;
    private final ImportRunner runner;

    ImportCommand(ImportService imports, ImportRunner runner) {
        this.imports = imports;
        this.runner = runner;
    }

    public int run(String... args) {
        PrintStream out = System.out;
        boolean images = true;
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--no-images")) {
                images = false;
            } else {
                files.add(arg);
            }
        }
        if (files.size() != 1 || !Files.isReadable(Path.of(files.get(0)))) {
            System.err.println("Usage: java -jar quarkus-run.jar import [--no-images] <wordpress-export.xml> "
                    + "(a readable file)");
            return 2;
        }
        ImportJob job;
        try {
            job = imports.queueLocal(Path.of(files.get(0)), images);
        } catch (WxrException e) {
            System.err.println("Not imported: " + e.getMessage());
            return 1;
        }
        out.println("Import " + job.id() + " queued: " + job.fileName() + " (" + job.fileBytes() + " bytes)");
        ImportJobView view = imports.get(job.id());
        while (!view.status().equals(ImportJob.DONE) && !view.status().equals(ImportJob.FAILED)) {
            if (!runner.runDue()) {
                sleep();
            }
            view = imports.get(job.id());
            StringBuilder counts = new StringBuilder();
            view.counts().forEach((kind, tally) -> counts.append(", ").append(kind).append(' ')
                    .append(tally.created()).append(" new/").append(tally.updated()).append(" updated/")
                    .append(tally.unchanged()).append(" same/").append(tally.skipped()).append(" skipped"));
            out.println("Import " + job.id() + ": " + view.status() + ", " + view.itemsDone() + " items" + counts);
        }
        out.println("Import " + job.id() + " " + view.status() + (view.error() == null ? "" : ": " + view.error())
                + ". Its report: GET /api/v1/imports/" + job.id() + "/report");
        return view.status().equals(ImportJob.DONE) ? 0 : 1;
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
