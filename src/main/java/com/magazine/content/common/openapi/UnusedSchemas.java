package com.magazine.content.common.openapi;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Drops the component schemas that nothing refers to (libraries contribute some, such as a generic page or their
 * own problem types), so that the document describes only what the API sends and reads.
 */
final class UnusedSchemas {

    private static final String PREFIX = "#/components/schemas/";

    private UnusedSchemas() {
    }

    static void remove(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Deque<Schema> pending = new ArrayDeque<>();
        Set<String> used = new HashSet<>();
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> collect(item, pending));
        }
        if (openAPI.getWebhooks() != null) {
            openAPI.getWebhooks().values().forEach(item -> collect(item, pending));
        }
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
                String name = schema.getRef().substring(PREFIX.length());
                if (used.add(name) && schemas.containsKey(name)) {
                    pending.push(schemas.get(name));
                }
            }
            schema.getAll().values().forEach(value -> nested(value, pending));
        }
        schemas.keySet().stream().filter(name -> !used.contains(name)).toList()
                .forEach(openAPI.getComponents()::removeSchema);
    }

    /** Adds to {@code names} every component schema {@code schema} refers to, directly or not. */
    static void refs(Schema schema, OpenAPI openAPI, Set<String> names) {
        if (schema == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Deque<Schema> pending = new ArrayDeque<>();
        pending.push(schema);
        while (!pending.isEmpty()) {
            Schema next = pending.pop();
            if (next.getRef() != null && next.getRef().startsWith(PREFIX)) {
                String name = next.getRef().substring(PREFIX.length());
                if (names.add(name) && schemas.containsKey(name)) {
                    pending.push(schemas.get(name));
                }
            }
            next.getAll().values().forEach(value -> nested(value, pending));
        }
    }

    private static void nested(Object value, Deque<Schema> pending) {
        if (value instanceof Schema schema) {
            pending.push(schema);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> nested(v, pending));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> nested(v, pending));
        }
    }

    private static void collect(PathItem item, Deque<Schema> pending) {
        if (item.getParameters() != null) {
            item.getParameters().forEach(p -> add(p.getSchema(), p.getContent(), pending));
        }
        for (Operation operation : item.getOperations().values()) {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> add(p.getSchema(), p.getContent(), pending));
            }
            if (operation.getRequestBody() != null) {
                add(null, operation.getRequestBody().getContent(), pending);
            }
            if (operation.getResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    add(null, response.getContent(), pending);
                    if (response.getHeaders() != null) {
                        response.getHeaders().values().forEach(h -> add(h.getSchema(), h.getContent(), pending));
                    }
                });
            }
        }
    }

    private static void add(Schema schema, Content content, Deque<Schema> pending) {
        if (schema != null) {
            pending.push(schema);
        }
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> {
                if (media.getSchema() != null) {
                    pending.push(media.getSchema());
                }
            });
        }
    }
}
