package com.magazine.content.feed;

import com.magazine.content.common.ContentConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GETs a file from another site for the service (an image an import names) through the same guard as webhooks: every
 * URL, and every redirect it answers, is judged before it is fetched, and the connection goes to the addresses judged
 * (no second lookup). Bodies are capped; blocks the calling (worker) thread at most the webhooks' timeout per hop.
 */
@ApplicationScoped
public class GuardedDownloads {

    private static final int MAX_REDIRECTS = 3;

    /** The file, or why there is none. */
    public record Download(byte[] body, String contentType, String error) {

        public boolean ok() {
            return body != null;
        }

        static Download failed(String why) {
            return new Download(null, null, why);
        }
    }

    private final TargetGuard guard;
    private final HttpClient client;
    private final Duration timeout;

    GuardedDownloads(TargetGuard guard, Vertx vertx, ContentConfig config) {
        this.guard = guard;
        this.timeout = config.webhooks().timeout().multipliedBy(2);
        this.client = TargetGuard.client(vertx, timeout);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** GETs {@code url}, following at most three redirects, refusing a body larger than {@code maxBytes}. */
    public Download get(String url, long maxBytes) {
        String current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            TargetGuard.Decision decision = guard.check(current);
            if (!decision.allowed()) {
                return Download.failed("refused: " + decision.refusal());
            }
            Answer answer = fetch(decision.target(), maxBytes);
            if (answer.error() != null) {
                return Download.failed(answer.error());
            }
            if (answer.status() >= 300 && answer.status() < 400 && answer.location() != null) {
                current = decision.target().uri().resolve(answer.location()).toString();
                continue;
            }
            if (answer.status() != 200) {
                return Download.failed("HTTP " + answer.status());
            }
            return new Download(answer.body(), answer.contentType(), null);
        }
        return Download.failed("more than " + MAX_REDIRECTS + " redirects");
    }

    private record Answer(int status, String location, String contentType, byte[] body, String error) {
    }

    private Answer fetch(TargetGuard.Target target, long maxBytes) {
        String lastError = "could not connect";
        for (java.net.InetAddress address : target.addresses()) {
            RequestOptions options = target.request(HttpMethod.GET, address, timeout.toMillis())
                    .putHeader("User-Agent", "content-api-import/1");
            AtomicLong read = new AtomicLong();
            var answer = client.request(options)
                    .compose(request -> request.send())
                    .compose(response -> {
                        String length = response.getHeader("Content-Length");
                        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
                            response.request().reset();
                            return io.vertx.core.Future.succeededFuture(
                                    new Answer(0, null, null, null, "larger than " + maxBytes + " bytes"));
                        }
                        Buffer body = Buffer.buffer();
                        response.handler(chunk -> {
                            if (read.addAndGet(chunk.length()) <= maxBytes) {
                                body.appendBuffer(chunk);
                            }
                        });
                        return response.end().map(done -> read.get() > maxBytes
                                ? new Answer(0, null, null, null, "larger than " + maxBytes + " bytes")
                                : new Answer(response.statusCode(), response.getHeader("Location"),
                                        response.getHeader("Content-Type"), body.getBytes(), null));
                    })
                    .toCompletionStage().toCompletableFuture();
            try {
                return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                return new Answer(0, null, null, null, "no answer within " + timeout.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, null, null, null, "interrupted");
            } catch (ExecutionException e) {
                lastError = "could not fetch: " + (e.getCause() instanceof java.net.ConnectException
                        ? "could not connect" : String.valueOf(e.getCause().getMessage()));
            }
        }
        return new Answer(0, null, null, null, lastError);
    }

    /** Whether a URL is one the guard lets the service fetch (for telling a caller early). */
    public boolean allowed(String url) {
        return guard.check(url).allowed();
    }
}
