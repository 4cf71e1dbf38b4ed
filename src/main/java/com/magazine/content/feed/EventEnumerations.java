package com.magazine.content.feed;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes every list of event names into the document from {@link Events} (and so from
 * {@link com.magazine.content.common.events.Change.Event}), so that it names exactly what the service emits and
 * accepts: what a webhook subscribes to, the event of a delivery and of a payload, the types and actions of the
 * change feed. A schema or member it looks for and does not find fails the build. Runs before the other filters
 * (priority), which see the lists complete.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 200)
public class EventEnumerations implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schema(schemas, "EventSubscription").setEnumeration(values(Events.SUBSCRIPTIONS));
        property(schemas, "WebhookInput", "events").setDescription("Events to receive: "
                + String.join(", ", Events.DELIVERED) + "; a type with .* (article.*) or * for all.");
        property(schemas, "WebhookDelivery", "event").setEnumeration(values(Events.DELIVERED));
        property(schemas, "WebhookPayload", "event").setEnumeration(values(Events.DELIVERED));
        property(schemas, "WebhookPayload", "type").setEnumeration(values(Events.TYPES));
        property(schemas, "Change", "type").setEnumeration(values(Events.TYPES));
        property(schemas, "Change", "action").setEnumeration(values(Events.ACTIONS));
    }

    private static Schema schema(Map<String, Schema> schemas, String name) {
        Schema schema = schemas == null ? null : schemas.get(name);
        if (schema == null) {
            throw new IllegalStateException("No schema " + name + " to list events in");
        }
        return schema;
    }

    private static Schema property(Map<String, Schema> schemas, String name, String property) {
        Map<String, Schema> properties = schema(schemas, name).getProperties();
        Schema schema = properties == null ? null : properties.get(property);
        if (schema == null) {
            throw new IllegalStateException("No property " + name + "." + property + " to list events in");
        }
        return schema;
    }

    private static List<Object> values(List<String> names) {
        return List.copyOf(names);
    }
}
