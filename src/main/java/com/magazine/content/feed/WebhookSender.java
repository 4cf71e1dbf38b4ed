package com.magazine.content.feed;

import com.magazine.content.common.ContentConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import org.jboss.logging.Logger;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * POSTs one delivery to a target that {@link TargetGuard} judged, connecting to the addresses it judged and to no
 * other: the name is not resolved again, so a DNS answer that changes between the check and the connection cannot
 * redirect the request (the {@code Host} header, TLS SNI and certificate check still use the name). Redirects are not
 * followed. Blocks the calling (worker) thread until the answer, at most the configured timeout.
 */
@ApplicationScoped
class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    /** What came of one POST: the status code when there was an answer, else what went wrong. */
    record Outcome(Integer statusCode, String error) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    WebhookSender(Vertx vertx, ContentConfig config) {
        this.timeout = config.webhooks().timeout();
        this.client = TargetGuard.client(vertx, timeout);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    Outcome post(TargetGuard.Target target, Map<String, String> headers, String body) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Outcome outcome = new Outcome(null, "could not connect or send");
        for (InetAddress address : target.addresses()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                return new Outcome(postTo(address, target, headers, body, left), null);
            } catch (TimeoutException e) {
                return new Outcome(null, "no answer within " + timeout.toSeconds() + " s");
            } catch (ConnectException e) {
                outcome = new Outcome(null, "could not connect"); // try the next address the name gave
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return new Outcome(null, "interrupted");
                }
                LOG.infof("Webhook post to %s failed before an answer: %s", address.getHostAddress(), e.getMessage());
                return new Outcome(null, "could not connect or send");
            }
        }
        return outcome;
    }

    private int postTo(InetAddress address, TargetGuard.Target target, Map<String, String> headers, String body,
            long nanosLeft) throws Exception {
        RequestOptions options = target.request(HttpMethod.POST, address, TimeUnit.NANOSECONDS.toMillis(nanosLeft));
        headers.forEach(options::putHeader);
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        var answer = client.request(options)
                .compose(request -> {
                    sent.set(request);
                    return request.send(Buffer.buffer(body));
                })
                // the answer's body is let through unread; end() completes even when it has ended already (an
                // answer with no body can end before this runs, and setting a body handler then throws)
                .compose(response -> response.end().map(done -> response.statusCode()))
                .toCompletionStage().toCompletableFuture();
        try {
            return answer.get(nanosLeft, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectException || cause instanceof io.netty.channel.ConnectTimeoutException) {
                throw new ConnectException("could not connect to " + address);
            }
            if (cause instanceof io.vertx.core.http.HttpClosedException || cause instanceof java.io.IOException) {
                throw new java.io.IOException(cause.getMessage());
            }
            if (cause instanceof io.netty.handler.timeout.TimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException
                    || String.valueOf(cause.getMessage()).contains("timeout")) {
                throw new TimeoutException();
            }
            throw new java.io.IOException(String.valueOf(cause));
        }
    }
}
