package com.magazine.content.common.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Makes the schemas as exact as the API is, so generated clients get exact types and the contract tests catch any
 * member the document does not describe:
 * <ul>
 * <li>every object schema is closed ({@code additionalProperties: false}): requests because an unknown member is
 * refused (400), responses because the API sends nothing else;</li>
 * <li>in what only answers carry, every member is required, as "every field is always present, null when empty"
 * promises, except the few members listed in {@link #SOMETIMES_ABSENT} with the reason.</li>
 * </ul>
 */
final class ExactSchemas {

    /** Members an answer leaves out at times, by schema, and why; every other member of an answer is always there. */
    static final Map<String, Set<String>> SOMETIMES_ABSENT = Map.of(
            // bodyHtml only when fields names it; snippet only in search results
            "Article", Set.of("bodyHtml", "snippet"),
            "ArticleListItem", Set.of("snippet"),
            // only with count=true
            "ArticlePage", Set.of("total"),
            // RFC 9457: plain HTTP problems have no type; violations only for invalid input
            "Problem", Set.of("type", "detail", "instance", "violations"),
            // left out in lists of revisions
            "Revision", Set.of("article"));

    /** Schemas not to close or complete: JSON Feed and JSON-LD are open formats defined elsewhere. */
    private static final Set<String> OPEN = Set.of("NewsArticle", "JsonFeed", "JsonFeedItem", "JsonFeedAuthor",
            "JsonFeedHub");

    private ExactSchemas() {
    }

    static void apply(OpenAPI openAPI, Set<String> answerOnly) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.values().forEach(ExactSchemas::typeFromReference);
        schemas.forEach((name, schema) -> {
            if (OPEN.contains(name) || schema.getProperties() == null || schema.getProperties().isEmpty()) {
                return;
            }
            schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            if (answerOnly.contains(name) || name.startsWith("Page")) {
                List<String> required = new ArrayList<>();
                Set<String> absent = SOMETIMES_ABSENT.getOrDefault(name, Set.of());
                schema.getProperties().keySet().stream().filter(member -> !absent.contains(member))
                        .forEach(required::add);
                if (name.startsWith("Page")) {
                    required.remove("total");
                }
                schema.setRequired(required);
            }
        });
    }

    /**
     * A member that refers to a schema takes its type from there: a {@code type} beside the {@code $ref} (which the
     * scanner writes for Instant and UUID members) only restates it, and generators warn about it.
     */
    private static void typeFromReference(Schema schema) {
        if (schema.getRef() != null && schema.getType() != null) {
            schema.setType(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ExactSchemas::typeFromReference);
        }
        if (schema.getItems() != null) {
            typeFromReference(schema.getItems());
        }
        for (List<Schema> branches : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (branches != null) {
                branches.forEach(ExactSchemas::typeFromReference);
            }
        }
    }

    /** The names of the schemas that only answers use (not request bodies, not parameters). */
    static Set<String> answerOnly(OpenAPI openAPI) {
        Set<String> inAnswers = new HashSet<>();
        Set<String> inRequests = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values()
                        .forEach(media -> UnusedSchemas.refs(media.getSchema(), openAPI, inRequests));
            }
            op.getResponses().getAPIResponses().values().forEach(response -> {
                if (response.getContent() != null) {
                    response.getContent().getMediaTypes().values()
                            .forEach(media -> UnusedSchemas.refs(media.getSchema(), openAPI, inAnswers));
                }
            });
        }));
        inAnswers.removeAll(inRequests);
        return inAnswers;
    }

}
