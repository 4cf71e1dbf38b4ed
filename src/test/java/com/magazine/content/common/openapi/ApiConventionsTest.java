package com.magazine.content.common.openapi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.util.HashMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

/** The build fails when operationIds would clash or leave the convention: the filter refuses such a document. */
class ApiConventionsTest {

    @Path("/first")
    static class First {
        @GET
        public String listThings() {
            return "";
        }
    }

    @Path("/second")
    static class Second {
        @GET
        public String listThings() {
            return "";
        }
    }

    @Path("/third")
    static class OffConvention {
        @GET
        public String things() {
            return "";
        }
    }

    @Test
    void twoOperationsWithOneNameFailTheBuild() throws IOException {
        assertThatThrownBy(() -> new ApiConventions(Index.of(First.class, Second.class))
                .filterOpenAPI(document("/first", "/second")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Duplicate operationId listThings");
    }

    @Test
    void aNameOffTheConventionFailsTheBuild() throws IOException {
        assertThatThrownBy(() -> new ApiConventions(Index.of(OffConvention.class)).filterOpenAPI(document("/third")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("things");
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
