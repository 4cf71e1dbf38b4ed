package com.magazine.content.feed;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The event names a webhook subscribes to, for the OpenAPI document: each event, a type's events, or all. Their
 * enumeration is {@link Events#SUBSCRIPTIONS}, written in by {@link EventEnumerations}.
 */
@Schema(name = "EventSubscription", type = SchemaType.STRING, description = "An event, every event of a type "
        + "(article.*), or every event (*).")
final class EventNames {

    private EventNames() {
    }
}
