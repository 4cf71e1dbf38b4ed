package com.magazine.content.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.common.http.ResponseCache;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
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
 * add to them: the least of a few runs is the request's own cost. Each run empties the response cache first, so that
 * the request reaches the database, and so that the cache asks again when its answer may be kept until (the next
 * scheduled article, the next image whose rights expire: one statement each).
 *
 * <p>Statements run through plain JDBC (only the archive export does) are not counted.
 */
@ApplicationScoped
public class StatementCounter {

    private static final int RUNS = 5;

    private final Statistics statistics;
    private final ResponseCache responseCache;
    private final PreparedStatements prepared;

    StatementCounter(EntityManagerFactory entityManagerFactory, ResponseCache responseCache,
            @PersistenceUnitExtension PreparedStatements prepared) {
        this.statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        this.responseCache = responseCache;
        this.prepared = prepared;
    }

    /** The statements an anonymous {@code GET path} (query string included) prepares; it must answer 200. */
    public long get(String path) {
        return get(Api::anonymous, path);
    }

    /** The statements {@code GET path} (query string included) prepares, sent by {@code caller}; it must answer 200. */
    public long get(Supplier<RequestSpecification> caller, String path) {
        long least = Long.MAX_VALUE;
        List<String> statements = List.of();
        for (int run = 0; run < RUNS; run++) {
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
        StringBuilder report = new StringBuilder("Statements: %3d  GET %s".formatted(least, path));
        statements.forEach(sql -> report.append("\n    ").append(sql.length() > 160 ? sql.substring(0, 160) + "…" : sql));
        System.out.println(report);
        return least;
    }
}
