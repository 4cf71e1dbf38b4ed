package com.magazine.content.common.openapi;

import com.magazine.content.common.json.MergePatch;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the annotated document at build time, in one place rather than on every method: every 4xx and 5xx answer
 * is an {@code application/problem+json} Problem; every operation may answer 401 (a bad key), 406, 429 and 503 (the
 * database unreachable); an operation
 * with a body may answer 413 and 415; a merge-patch body
 * is described by a copy of the resource's input schema with no required fields.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";

    private OpenAPI openAPI;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        this.openAPI = openAPI;
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(this::complete));
    }

    private void complete(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        addIfMissing(operation, "401", "A key was sent but is unknown or revoked, or not sent as a Bearer token.");
        addIfMissing(operation, "406", "The Accept header names no media type that this operation answers with.");
        addIfMissing(operation, "429", "Too many requests from this address or key; wait Retry-After seconds.");
        addIfMissing(operation, "503", "The database cannot be reached right now; wait Retry-After seconds.");
        if (operation.getRequestBody() != null) {
            addIfMissing(operation, "413", "The body is larger than the service accepts.");
            addIfMissing(operation, "415", "The body is not of a media type this operation reads.");
        }
        operation.getResponses().getAPIResponses().forEach(this::describeProblem);
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType patch = operation.getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE);
            if (patch != null && patch.getSchema() != null && patch.getSchema().getRef() != null) {
                patch.setSchema(OASFactory.createSchema().ref(patchSchemaOf(patch.getSchema().getRef())));
            }
        }
    }

    private static void addIfMissing(Operation operation, String status, String description) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private void describeProblem(String status, APIResponse response) {
        if (status.startsWith("4") || status.startsWith("5")) {
            response.setContent(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + "Problem"))));
        }
    }

    /** The name of a schema like {@code ref}'s with nothing required, made once. */
    private String patchSchemaOf(String ref) {
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        String patchName = name + "Patch";
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (!schemas.containsKey(patchName)) {
            Schema input = schemas.get(name);
            Schema patch = OASFactory.createSchema()
                    .type(input.getType())
                    .description("A JSON merge patch (RFC 7396) of " + name
                            + ": only the fields to change; null empties a field.")
                    .properties(input.getProperties());
            openAPI.getComponents().addSchema(patchName, patch);
        }
        return SCHEMAS + patchName;
    }
}
