package com.magazine.content.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a sane token (a proxy or a client may have
 * chosen it already), else a new UUID. It is echoed in the {@code X-Request-Id} answer header, named in every problem
 * detail ({@code requestId}), and put in the logging context ({@code requestId} in the MDC, so each log line of the
 * request carries it, in JSON logs too). Runs before anything else of the request, on every path.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+=@-]{0,127}");

    void register(@Observes Filters filters) {
        filters.register(RequestIds::assign, 10_000);
    }

    private static void assign(RoutingContext context) {
        String id = idFor(context.request().getHeader(HEADER));
        context.put(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }

    /** The client's id when sane, else a new one. */
    static String idFor(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
