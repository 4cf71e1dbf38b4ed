package com.magazine.content.common.http;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the answer to the current request depends on, declared by the features as they read their data: the surrogate
 * keys it must carry, and whether its {@code Last-Modified} covers all of it. Because every feature declares its keys
 * where it loads or embeds its data (not where an answer is assembled), a new endpoint carries the right keys without
 * having to remember them; {@link SurrogateKeyFilter} writes them out.
 *
 * <p>Outside a request (jobs, start-up) declarations are ignored.
 */
@RequestScoped
@io.quarkus.arc.Unremovable
public class ReadDependencies {

    private final Set<SurrogateKey> keys = new LinkedHashSet<>();
    private Instant exactLastModified;

    /** Declares that the current answer shows what these keys name. */
    public static void on(SurrogateKey key) {
        ReadDependencies current = current();
        if (current != null) {
            current.add(List.of(key));
        }
    }

    /** As {@link #on(SurrogateKey)}, for several keys. */
    public static void on(Collection<SurrogateKey> keys) {
        ReadDependencies current = current();
        if (current != null) {
            current.add(keys);
        }
    }

    /**
     * Declares that the answer last changed at {@code modified}, to the microsecond, and at no other time: then a
     * date may validate it ({@code If-Modified-Since}).
     */
    static void exactLastModified(Instant modified) {
        ReadDependencies current = current();
        if (current != null) {
            current.markExact(modified);
        }
    }

    /** The dependencies of the current request, or null outside one. */
    static ReadDependencies current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        return container.instance(ReadDependencies.class).get();
    }

    // instance methods, not fields, from outside: what current() answers is the bean's client proxy

    void add(Collection<SurrogateKey> more) {
        keys.addAll(more);
    }

    void markExact(Instant modified) {
        exactLastModified = modified;
    }

    Set<SurrogateKey> keys() {
        return keys;
    }

    Instant exactLastModified() {
        return exactLastModified;
    }
}
