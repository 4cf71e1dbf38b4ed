package com.magazine.content.common.http;

import com.magazine.content.common.ContentConfig;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The answers the response cache is waiting for. For each request key, one anonymous miss makes the answer (it leads
 * a flight); requests for the same answer that miss meanwhile follow it: they wait for its answer instead of making it
 * again, so that when a popular answer expires or is purged, its concurrent requests cost one computation, not one
 * each.
 *
 * <p>Waiting holds no thread: a follower is a callback, resumed on its own request's Vert.x context once its leader's
 * answer is decided (kept or not) or the leader has run for the coalesce timeout, whichever comes first. It then looks
 * in the cache again and, if the answer is not there (an error, a 404, an answer not to be kept, a purge meanwhile),
 * makes its own as an ordinary miss, without leading or waiting again: no request waits behind a chain of leaders,
 * and none waits longer than the timeout.
 *
 * <p>A flight belongs to one generation of the cache: one begun before a purge cannot give an answer the cache keeps,
 * so a miss after the purge leads a flight of its own instead of following it. So does a miss that finds a flight
 * past its deadline. A flight is decided, and leaves the map, when its leader's answer has been kept or refused
 * (ResponseCacheFilters#keep) or, failing that, when the leader's exchange ends in any way (answered, failed, its
 * connection closed); a flight with followers also when its deadline passes.
 */
@ApplicationScoped
class AnswersInFlight {

    /** Why a follower is resumed: its leader's answer is decided, or it has waited as long as it may. */
    enum Release {
        DECIDED, TIMED_OUT
    }

    /**
     * How a follower was answered: from the cache, with the answer its leader made ({@code hit}); by making its own,
     * the leader's not having been kept ({@code miss}); or by making its own after the timeout ({@code timeout}).
     */
    enum Outcome {
        HIT("hit"), MISS("miss"), TIMEOUT("timeout");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }
    }

    /** One answer being made: for which key and cache generation, until when followers wait, and who waits. */
    static final class Flight {

        private final String key;
        private final long generation;
        private final long deadline;
        /** Guarded by this flight: the followers (null until the first), whether decided, the deadline's timer. */
        private List<Follower> followers;
        private boolean decided;
        private long timer = -1;

        private Flight(String key, long generation, long deadline) {
            this.key = key;
            this.generation = generation;
            this.deadline = deadline;
        }

        /** Whether a miss of {@code generation} at {@code now} may follow this flight. */
        private boolean followable(long generation, long now) {
            return this.generation == generation && now - deadline < 0;
        }
    }

    /** A request waiting: where to resume it (its own Vert.x context), and how. */
    private record Follower(Context context, Handler<Release> resume) {

        void resume(Release release) {
            if (context == null) {
                resume.handle(release);
            } else {
                context.runOnContext(ignored -> resume.handle(release));
            }
        }
    }

    private final Vertx vertx;
    private final long timeoutNanos;
    private final Map<String, Flight> flights = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);

    AnswersInFlight(ContentConfig config, Vertx vertx) {
        this.vertx = vertx;
        this.timeoutNanos = config.http().responseCache().coalesceTimeout().toNanos();
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
    }

    /** Whether misses wait for one another at all (a coalesce timeout of 0 turns it off). */
    boolean enabled() {
        return timeoutNanos > 0;
    }

    /**
     * Registers a miss of {@code key} in cache generation {@code generation}: answers the flight it now leads (it
     * makes the answer, and must {@link #land} the flight), or null when it follows another request's flight; then
     * {@code resume} is called once, on the caller's Vert.x context, when that flight is decided or times out (at once
     * if it was decided in the meantime).
     */
    Flight lead(String key, long generation, Handler<Release> resume) {
        long now = System.nanoTime();
        Flight mine = new Flight(key, generation, now + timeoutNanos);
        Flight current = flights.compute(key,
                (k, flight) -> flight != null && flight.followable(generation, now) ? flight : mine);
        if (current == mine) {
            return mine;
        }
        if (!follow(current, new Follower(Vertx.currentContext(), resume))) {
            resume.handle(Release.DECIDED); // decided since it was found: its answer is in the cache, or never will be
        }
        return null;
    }

    private boolean follow(Flight flight, Follower follower) {
        synchronized (flight) {
            if (flight.decided) {
                return false;
            }
            if (flight.followers == null) {
                flight.followers = new ArrayList<>(4);
                long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(flight.deadline - System.nanoTime()));
                flight.timer = vertx.setTimer(millis, id -> expire(flight));
            }
            flight.followers.add(follower);
            waiting.incrementAndGet();
            return true;
        }
    }

    /**
     * The leader's answer is decided (kept in the cache or not), or its exchange is over: its followers look again.
     * Safe to call more than once, from any thread.
     */
    void land(Flight flight) {
        flights.remove(flight.key, flight); // first: a miss from now on finds the answer or leads anew
        release(flight, Release.DECIDED);
    }

    /** The deadline passed with the leader still at work: its followers make their own answers. */
    private void expire(Flight flight) {
        flights.remove(flight.key, flight); // an overdue leader is followed no more
        release(flight, Release.TIMED_OUT);
    }

    private void release(Flight flight, Release release) {
        List<Follower> followers;
        long timer;
        synchronized (flight) {
            if (flight.decided) {
                return;
            }
            flight.decided = true;
            followers = flight.followers;
            timer = flight.timer;
            flight.followers = null;
        }
        if (followers == null) {
            return;
        }
        if (release == Release.DECIDED) {
            vertx.cancelTimer(timer);
        }
        waiting.addAndGet(-followers.size());
        for (Follower follower : followers) {
            follower.resume(release);
        }
    }

    void count(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    /** For the metrics: followers answered so far with this outcome. */
    long coalesced(Outcome outcome) {
        return outcomes.get(outcome).sum();
    }

    /** For the metrics: requests waiting now for another's answer. */
    int waiting() {
        return waiting.get();
    }
}
