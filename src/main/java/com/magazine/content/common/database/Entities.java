package com.magazine.content.common.database;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Entities by their ids: the one way the code base loads several at once. Hibernate reads them with one statement
 * binding the ids as a single array ({@code id = any(?)}), whose SQL is made once; a query written {@code id in ?1}
 * with a list is translated anew from HQL on every call (the profile of a single article read found 16 % of its CPU
 * there). Entities the session holds already are not read again.
 */
public final class Entities {

    private Entities() {
    }

    /**
     * The entities of {@code type} stored in {@code table} whose {@code column} is one of {@code values} (an array of
     * the column's Java type), in one native statement of fixed text ({@code column = any(?1)}, on the column's
     * index). {@code table} and {@code column} are the caller's constants, never input.
     */
    public static <E> List<E> whereAny(EntityManager entityManager, Class<E> type, String table, String column,
            Object[] values) {
        if (values.length == 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<E> found = entityManager.createNativeQuery("select * from " + table + " where " + column + " = any(?1)", type)
                .setParameter(1, values)
                .getResultList();
        return found;
    }

    /** The entities of {@code type} with these ids, in the order of {@code ids}, unknown ids left out. */
    public static <E> List<E> byIds(EntityManager entityManager, Class<E> type, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager.unwrap(Session.class).byMultipleIds(type)
                .multiLoad(List.copyOf(new LinkedHashSet<>(ids)))
                .stream().filter(Objects::nonNull).toList();
    }
}
