package com.magazine.content.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.common.http.Purgeable;
import com.magazine.content.common.http.ResponseCache;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * The SQL statements one request prepares, counted with Hibernate's {@link Statistics} (on in the test profile). Every
 * cost test measures with this one definition; inject it into a {@code @QuarkusTest}.
 *
 * <p>Background jobs (scheduled announcements, webhook dispatch, the change-log poller) share the counters and can only
 * add to them: the least of a few runs is the request's own cost. Each run first empties the response cache and
 * everything else kept in memory ({@link Purgeable}: bylines, embedded images and quotations), so that the request
 * reaches the database for all it shows, as the first read after a change does, and so that the cache asks again when
 * its answer may be kept until (the next scheduled article, the next image whose rights expire: one statement each).
 * {@link #warm} counts a read that finds what it embeds in memory.
 *
 * <p>Statements run through plain JDBC (only the archive export does) are not counted.
 */
@ApplicationScoped
public class StatementCounter {

    private static final int RUNS = 5;

    private final Statistics statistics;
    private final ResponseCache responseCache;
    private final List<Purgeable> inMemory;
    private final PreparedStatements prepared;

    StatementCounter(EntityManagerFactory entityManagerFactory, ResponseCache responseCache,
            Instance<Purgeable> inMemory, @PersistenceUnitExtension PreparedStatements prepared) {
        this.statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        this.responseCache = responseCache;
        this.inMemory = inMemory.stream().toList();
        this.prepared = prepared;
    }

    /** The statements an anonymous {@code GET path} (query string included) prepares; it must answer 200. */
    public long get(String path) {
        return get(Api::anonymous, path);
    }

    /** The statements {@code GET path} (query string included) prepares, sent by {@code caller}; it must answer 200. */
    public long get(Supplier<RequestSpecification> caller, String path) {
        return count(caller, path, true);
    }

    /**
     * The statements an anonymous {@code GET path} prepares when what it embeds is already in memory (asked once
     * before); only the response cache is emptied.
     */
    public long warm(String path) {
        return warm(Api::anonymous, path);
    }

    /** As {@link #warm(String)}, sent by {@code caller}. */
    public long warm(Supplier<RequestSpecification> caller, String path) {
        caller.get().when().get(path).then().statusCode(200);
        return count(caller, path, false);
    }

    private long count(Supplier<RequestSpecification> caller, String path, boolean cold) {
        long least = Long.MAX_VALUE;
        List<String> statements = List.of();
        for (int run = 0; run < RUNS; run++) {
            if (cold) {
                inMemory.forEach(Purgeable::purgeAll);
            }
            responseCache.purgeAll();
            statistics.clear();
            prepared.start();
            int status = caller.get().when().get(path).statusCode();
            long count = statistics.getPrepareStatementCount();
            List<String> sql = prepared.stop();
            assertThat(status).as("GET %s", path).isEqualTo(200);
            if (count < least) {
                least = count;
                statements = sql;
            }
        }
        StringBuilder report = new StringBuilder("Statements: %3d  GET %s%s".formatted(least, path, cold ? "" : " (warm)"));
        statements.forEach(sql -> report.append("\n    ").append(sql.length() > 160 ? sql.substring(0, 160) + "…" : sql));
        System.out.println(report);
        return least;
    }
}
