package com.magazine.content.asset;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real S3-protocol server for the tests: S3Proxy (the jar the build copies to target/s3proxy), run as a process of
 * its own over a folder, with AWS v4 signatures checked. It can be stopped and started again mid-test (an outage).
 */
public class S3ProxyServer implements QuarkusTestResourceLifecycleManager {

    static final String IDENTITY = "content-test";
    static final String CREDENTIAL = "content-test-secret-0123456789";
    static final String BUCKET = "content-media-test";
    private static final Path JAR = Path.of("target/s3proxy/s3proxy.jar");
    private static final Path HOME = Path.of("target/s3proxy");

    private static Process process;
    private static int port;

    @Override
    public Map<String, String> start() {
        try {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path data = HOME.resolve("data-" + port);
            Files.createDirectories(data);
            Files.writeString(HOME.resolve("s3proxy-" + port + ".properties"), String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=filesystem",
                    "jclouds.identity=" + IDENTITY,
                    "jclouds.credential=" + CREDENTIAL,
                    "jclouds.filesystem.basedir=" + data.toAbsolutePath()) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        begin();
        return Map.of("content.assets.storage", "s3",
                "content.assets.s3.endpoint", "http://127.0.0.1:" + port,
                "content.assets.s3.bucket", BUCKET,
                "content.assets.s3.access-key", IDENTITY,
                "content.assets.s3.secret-key", CREDENTIAL,
                "content.assets.s3.create-bucket", "true");
    }

    @Override
    public void stop() {
        end();
    }

    /** Starts the server and waits until it takes connections. */
    static synchronized void begin() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the build copies it (mvn generate-test-resources)");
        }
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(java, "-Xmx128m", "-jar", JAR.toString(), "--properties",
                    HOME.resolve("s3proxy-" + port + ".properties").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(HOME.resolve("s3proxy-" + port + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Proxy stopped at start; see target/s3proxy/s3proxy-" + port
                            + ".log");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("S3Proxy did not take connections within 60 s");
    }

    /** Stops the server (an outage, or the end of the tests). */
    static synchronized void end() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    static int port() {
        return port;
    }
}
