package com.magazine.content.common.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.common.error.Problems;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sparse fieldsets ({@code fields=slug,title,authors.name}): which members of a representation to send, down into
 * embedded objects and lists of them. A name without a sub-path selects all of that member; {@code *} stands for the
 * representation's default members. An unknown name is a 400 problem naming the valid ones. {@link Selected} writes a
 * value as a selection keeps it.
 */
public final class FieldSelection {

    /** Member name → what to keep below it; an empty map keeps everything below. */
    private final Map<String, FieldSelection> members;

    private FieldSelection(Map<String, FieldSelection> members) {
        this.members = members;
    }

    /** Every member of a record type, down into records and lists of records it holds. */
    public static FieldSelection allOf(Class<? extends Record> type) {
        Map<String, FieldSelection> members = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            Class<?> nested = recordType(component.getGenericType());
            @SuppressWarnings("unchecked")
            FieldSelection below = nested == null ? leaf() : allOf((Class<? extends Record>) nested);
            members.put(component.getName(), below);
        }
        return new FieldSelection(members);
    }

    /**
     * A selection from dotted paths, e.g. {@code of("slug", "authors.name")}, checked against {@code allowed}.
     */
    public static FieldSelection of(FieldSelection allowed, List<String> paths) {
        FieldSelection selection = new FieldSelection(new LinkedHashMap<>());
        for (String path : paths) {
            selection.add(allowed, path, path);
        }
        return selection;
    }

    /**
     * The selection a client asked for with {@code fields}, or {@code defaults} when it asked for none.
     *
     * @param parameter the query parameter's value: comma-separated dotted paths, {@code *} for the defaults
     */
    public static FieldSelection parse(String parameter, FieldSelection allowed, FieldSelection defaults) {
        if (parameter == null || parameter.isBlank()) {
            return defaults;
        }
        FieldSelection selection = new FieldSelection(new LinkedHashMap<>());
        for (String path : parameter.split(",")) {
            String trimmed = path.strip();
            if (trimmed.equals("*")) {
                selection.merge(defaults);
            } else if (!trimmed.isEmpty()) {
                selection.add(allowed, trimmed, trimmed);
            }
        }
        return selection;
    }

    /** Whether the top-level member {@code name} is sent. */
    public boolean includes(String name) {
        return members.isEmpty() || members.containsKey(name);
    }

    /** What is selected below the member {@code name} (all of it when this selects all below). */
    FieldSelection below(String name) {
        if (members.isEmpty()) {
            return this;
        }
        FieldSelection below = members.get(name);
        return below == null ? leaf() : below;
    }

    /** A stable text of the selection, e.g. for a representation's ETag. */
    public String canonical() {
        return members.entrySet().stream()
                .map(e -> e.getValue().members.isEmpty() ? e.getKey() : e.getKey() + "(" + e.getValue().canonical() + ")")
                .sorted()
                .collect(Collectors.joining(","));
    }

    private void add(FieldSelection allowed, String path, String whole) {
        int dot = path.indexOf('.');
        String name = dot < 0 ? path : path.substring(0, dot);
        FieldSelection allowedBelow = allowed.members.get(name);
        if (allowedBelow == null) {
            throw Problems.invalid(List.of(Map.of("field", "fields", "in", "query", "message",
                    "'" + whole + "' is not a field here; choose from " + allowed.describe())));
        }
        if (dot < 0) {
            members.put(name, leaf());
            return;
        }
        if (allowedBelow.members.isEmpty()) {
            throw Problems.invalid(List.of(Map.of("field", "fields", "in", "query", "message",
                    "'" + name + "' has no fields to choose from")));
        }
        FieldSelection below = members.get(name);
        if (below != null && below.members.isEmpty()) {
            return; // the whole member is selected already
        }
        if (below == null) {
            below = new FieldSelection(new LinkedHashMap<>());
            members.put(name, below);
        }
        below.add(allowedBelow, path.substring(dot + 1), whole);
    }

    private void merge(FieldSelection other) {
        other.members.forEach((name, below) -> {
            FieldSelection mine = members.get(name);
            if (mine == null) {
                members.put(name, below);
            } else if (!mine.members.isEmpty()) {
                if (below.members.isEmpty()) {
                    members.put(name, below);
                } else {
                    FieldSelection copy = new FieldSelection(new LinkedHashMap<>(mine.members));
                    copy.merge(below);
                    members.put(name, copy);
                }
            }
        });
    }

    private String describe() {
        StringBuilder text = new StringBuilder();
        for (Iterator<Map.Entry<String, FieldSelection>> it = members.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, FieldSelection> member = it.next();
            text.append(member.getKey());
            if (!member.getValue().members.isEmpty()) {
                text.append(".{").append(member.getValue().describe()).append('}');
            }
            if (it.hasNext()) {
                text.append(", ");
            }
        }
        return text.toString();
    }

    private static FieldSelection leaf() {
        return new FieldSelection(Map.of());
    }

    private static Class<?> recordType(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && List.class.isAssignableFrom(raw) && p.getActualTypeArguments()[0] instanceof Class<?> element
                && element.isRecord()) {
            return element;
        }
        return null;
    }
}
