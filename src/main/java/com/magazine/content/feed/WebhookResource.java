package com.magazine.content.feed;

import com.magazine.content.access.Role;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/webhooks")
@Tag(name = "Syndication")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.PARTNER})
@APIResponse(responseCode = "403", description = "Only admin and partner keys manage webhooks.")
public class WebhookResource {

    private static final String ID = "The webhook's id.";

    private final WebhookService webhooks;

    WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a webhook", description = """
            Public changes are POSTed to the URL as JSON ({id, event, type, op, entity: {id, slug, version}, at}), \
            with headers webhook-id (the same on every retry: de-duplicate on it), webhook-timestamp (Unix seconds) \
            and webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with \
            the secret>. A receiver answers 2xx; anything else, or no answer within 5 seconds, is retried with \
            exponential backoff. Targets on loopback, link-local or private addresses are refused.""")
    @APIResponse(responseCode = "201", description = "Created; the secret is shown this once.",
            headers = @Header(name = "Location", description = "The webhook's URL."),
            content = @Content(schema = @Schema(implementation = CreatedWebhook.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid: the URL, an event name, the secret.")
    @APIResponse(responseCode = "422", description = "The URL's host resolves to an internal address, or not at all.")
    public RestResponse<CreatedWebhook> createWebhook(@Valid @NotNull WebhookInput input, UriInfo uri) {
        CreatedWebhook created = webhooks.create(input);
        return RestResponse.ResponseBuilder
                .<CreatedWebhook>created(uri.getAbsolutePathBuilder().path(created.webhook().id().toString()).build())
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "List webhooks", description = "Admins see all; a partner its own. Newest first.")
    @APIResponse(responseCode = "200", description = "A page of webhooks.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor.")
    public RestResponse<Page<WebhookView>> listWebhooks(@Valid @BeanParam PageRequest page, UriInfo uri, Request request) {
        return HttpCaching.page(request, uri, webhooks.list(page));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a webhook",
            description = "Its URL, events and state; never its secret. A partner key reads its own webhooks only.")
    @APIResponse(responseCode = "200", description = "The webhook.")
    @APIResponse(responseCode = "404", description = "No webhook of yours has this id.")
    public RestResponse<WebhookView> getWebhook(@Parameter(description = ID) @PathParam("id") UUID id, Request request) {
        return HttpCaching.item(request, webhooks.get(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook", description = "With its deliveries; nothing more is sent to it.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No webhook of yours has this id.")
    public void deleteWebhook(@Parameter(description = ID) @PathParam("id") UUID id) {
        webhooks.delete(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "A webhook's deliveries", description = "Newest first: status, tries, the last answer.")
    @APIResponse(responseCode = "200", description = "A page of deliveries.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor.")
    @APIResponse(responseCode = "404", description = "No webhook of yours has this id.")
    public RestResponse<Page<DeliveryView>> listWebhookDeliveries(@Parameter(description = ID) @PathParam("id") UUID id,
            @Valid @BeanParam PageRequest page, UriInfo uri, Request request) {
        return HttpCaching.page(request, uri, webhooks.deliveries(id, page));
    }
}
