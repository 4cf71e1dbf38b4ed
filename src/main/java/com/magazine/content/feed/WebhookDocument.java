package com.magazine.content.feed;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents what a webhook receives (OpenAPI 3.1 {@code webhooks}): one entry per event webhooks carry
 * ({@link Events#DELIVERED}), each a POST of a {@code WebhookPayload} with the Standard Webhooks headers. Runs before
 * the API's conventions (priority), which keep only the schemas something refers to.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 100)
public class WebhookDocument implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String SIGNATURE = "webhookSignature";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSecurityScheme(SIGNATURE, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("webhook-signature")
                .description("Standard Webhooks signature: v1,<base64 HMAC-SHA256 of \"<webhook-id>.<webhook-timestamp>"
                        + ".<body>\"> keyed with the webhook's secret (shown once, when the webhook is created). The "
                        + "receiver checks it."));
        for (String event : Events.DELIVERED) {
            openAPI.addWebhook(event, OASFactory.createPathItem().POST(OASFactory.createOperation()
                    .operationId("receive" + camel(event))
                    .tags(List.of("Syndication"))
                    .security(List.of(OASFactory.createSecurityRequirement().addScheme(SIGNATURE)))
                    .summary("The " + event + " event")
                    .description("POSTed to every active webhook subscribed to " + event + " (or to its type's .*, "
                            + "or *), within seconds of the change; retried with exponential backoff (10 s doubling, "
                            + "up to 8 tries) until the receiver answers 2xx within 5 seconds. Check the signature "
                            + "before trusting the body.")
                    .parameters(List.of(
                            header("webhook-id", "The delivery's id: the same on every retry; de-duplicate on it.",
                                    null),
                            header("webhook-timestamp", "When this try was sent, in seconds since the epoch; refuse "
                                    + "old ones to stop replays.", "^[0-9]+$"),
                            header("webhook-signature", "v1,<base64 of HMAC-SHA256 of \"<webhook-id>.<webhook-"
                                    + "timestamp>.<body>\">, keyed with the webhook's secret>.", "^v1,[A-Za-z0-9+/=]+$"),
                            header("webhook-event", "The event, as in the body.", null)))
                    .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                            .addMediaType("application/json", OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(SCHEMAS + "WebhookPayload")))))
                    .responses(OASFactory.createAPIResponses()
                            .addAPIResponse("200", OASFactory.createAPIResponse()
                                    .description("Received. Any 2xx acknowledges the delivery."))
                            .addAPIResponse("400", OASFactory.createAPIResponse()
                                    .description("Refused by the receiver (a bad signature, say): retried like any "
                                            + "answer other than 2xx.")))));
        }
    }

    private static Parameter header(String name, String description, String pattern) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.STRING);
        if (pattern != null) {
            schema.setPattern(pattern);
        }
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true)
                .description(description).schema(schema);
    }

    private static String camel(String event) {
        StringBuilder name = new StringBuilder();
        for (String part : event.split("\\.")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
