package com.magazine.content.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.magazine.content.common.error.JsonInputProblems;
import com.magazine.content.common.error.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396, {@code application/merge-patch+json}), in one place for every resource: the patch is
 * applied to the resource's current input form, and the result is read and validated exactly like a full update.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Validator validator;

    MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * @param current the resource as its full-update record
     * @param patch the merge patch: members replace, {@code null} removes, objects merge recursively
     * @return the patched full-update record, validated
     */
    @SuppressWarnings("unchecked")
    public <T> T apply(T current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw Problems.badRequest("invalid-patch", "A merge patch must be a JSON object.");
        }
        JsonNode merged = merge(mapper.valueToTree(current), patch);
        T result;
        try {
            result = (T) mapper.treeToValue(merged, current.getClass());
        } catch (JsonProcessingException e) {
            throw JsonInputProblems.of(e);
        }
        var violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw Problems.invalidBody(violations);
        }
        return result;
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
