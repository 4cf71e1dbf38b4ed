package com.magazine.content.access;

import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/keys")
@Tag(name = "API keys", description = "Keys for editors, authors and partners. Admin only.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@APIResponse(responseCode = "403", description = "The key is not an admin key.")
public class ApiKeyResource {


    private final ApiKeyService keys;

    ApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a key",
            description = "Answers the key with its secret, which is shown this once: only its hash is stored.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = "Location", description = "The key's URL."),
            content = @Content(schema = @Schema(implementation = CreatedApiKey.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "422", description = "The author is missing, unknown, or given for a non-author role.")
    public RestResponse<CreatedApiKey> createApiKey(@Valid @NotNull CreateApiKey request, UriInfo uri) {
        CreatedApiKey created = keys.create(request);
        return RestResponse.ResponseBuilder
                .<CreatedApiKey>created(uri.getAbsolutePathBuilder().path(created.key().id().toString()).build())
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "List keys", description = "Newest first, revoked keys included. Secrets are never shown.")
    @APIResponse(responseCode = "200", description = "A page of keys.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor.")
    public RestResponse<Page<ApiKeyView>> listApiKeys(@Valid @BeanParam PageRequest page, UriInfo uri, Request request) {
        return HttpCaching.page(request, uri, keys.list(page));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a key",
            description = "The key's name, role, prefix and dates; never its secret.")
    @APIResponse(responseCode = "200", description = "The key.")
    @APIResponse(responseCode = "404", description = "No key has this id.")
    public RestResponse<ApiKeyView> getApiKey(@PathParam("id") UUID id, Request request) {
        return HttpCaching.item(request, keys.get(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a key", description = "The key is refused from the next request on. Idempotent.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "404", description = "No key has this id.")
    public void revokeApiKey(@PathParam("id") UUID id) {
        keys.revoke(id);
    }
}
