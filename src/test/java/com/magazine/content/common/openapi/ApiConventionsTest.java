package com.magazine.content.common.openapi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.junit.jupiter.api.Test;

/**
 * The build fails when operationIds would clash or leave the convention: the filter refuses such a document. (The
 * routes are made up here, not resource classes, which the application under test would serve.)
 */
class ApiConventionsTest {

    @Test
    void twoOperationsWithOneNameFailTheBuild() {
        assertThatThrownBy(() -> new ApiConventions(null).apply(document("/first", "/second"),
                routes(route("/first", "listThings"), route("/second", "listThings"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Duplicate operationId listThings");
    }

    @Test
    void aNameOffTheConventionFailsTheBuild() {
        assertThatThrownBy(() -> new ApiConventions(null).apply(document("/third"), routes(route("/third", "things"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("things");
    }

    @Test
    void anOperationWithoutAResourceMethodFailsTheBuild() {
        assertThatThrownBy(() -> new ApiConventions(null).apply(document("/fourth"), routes()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /fourth");
    }

    private static Routes.Route route(String path, String method) {
        return new Routes.Route("GET", path, method, "SomeResource", List.of());
    }

    private static Routes routes(Routes.Route... routes) {
        Map<String, Routes.Route> byKey = new LinkedHashMap<>();
        for (Routes.Route route : routes) {
            byKey.put(Routes.key(route.method(), route.path()), route);
        }
        return new Routes(byKey);
    }

    private static OpenAPI document(String... paths) {
        var model = OASFactory.createPaths();
        for (String path : paths) {
            model.addPathItem(path, OASFactory.createPathItem().GET(OASFactory.createOperation()
                    .responses(OASFactory.createAPIResponses().addAPIResponse("200",
                            OASFactory.createAPIResponse().description("ok")))));
        }
        return OASFactory.createOpenAPI().paths(model)
                .components(OASFactory.createComponents().schemas(new HashMap<>()));
    }
}
