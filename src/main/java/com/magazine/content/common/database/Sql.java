package com.magazine.content.common.database;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A native statement built piece by piece, every value bound as a numbered parameter: the one way the code base writes
 * SQL whose shape depends on the request (optional filters, keyset paging). Text is only ever code's own; values only
 * ever go through {@link #bind}.
 */
public final class Sql {

    private final EntityManager entityManager;
    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, Object> parameters = new LinkedHashMap<>();

    public Sql(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Appends statement text (never a value: see {@link #bind}). */
    public Sql append(Object text) {
        this.text.append(text);
        return this;
    }

    /** Binds a value and answers its placeholder, e.g. {@code ?3}. */
    public String bind(Object value) {
        parameters.put(parameters.size() + 1, value);
        return "?" + parameters.size();
    }

    /**
     * A parameter bound the first time its placeholder is asked for, so that a condition left out of the statement
     * leaves no parameter behind (one the statement does not name is an error).
     */
    public Supplier<String> bindOnUse(Object value) {
        return new Supplier<>() {
            private String name;

            @Override
            public String get() {
                if (name == null) {
                    name = bind(value);
                }
                return name;
            }
        };
    }

    /** Binds each value and answers their placeholders, comma-separated (for {@code in (…)}). */
    public String bindAll(Collection<?> values) {
        return String.join(", ", values.stream().map(this::bind).toList());
    }

    /** The statement, its rows as columns. */
    public Query query() {
        return bound(entityManager.createNativeQuery(text.toString()));
    }

    /** The statement, its rows as entities of {@code type}. */
    public Query query(Class<?> type) {
        return bound(entityManager.createNativeQuery(text.toString(), type));
    }

    private Query bound(Query query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
