package com.magazine.content.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL Hibernate prepares, kept while {@link StatementCounter} measures, so that it can say which statements a
 * request's count is made of. Records nothing the rest of the time.
 */
@PersistenceUnitExtension
public class PreparedStatements implements StatementInspector {

    private final List<String> recorded = new ArrayList<>();
    private volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording) {
            synchronized (recorded) {
                recorded.add(sql);
            }
        }
        return sql;
    }

    void start() {
        synchronized (recorded) {
            recorded.clear();
        }
        recording = true;
    }

    List<String> stop() {
        recording = false;
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }
}
