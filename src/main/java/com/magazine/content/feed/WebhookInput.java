package com.magazine.content.feed;

import com.magazine.content.common.text.WebUrl;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A webhook to create.")
public record WebhookInput(
        @NotNull @WebUrl @Schema(required = true, description = "Where to POST events, http(s).",
                example = "https://partner.example.org/hooks/magazine") String url,
        @NotEmpty @Size(max = 40)
        // EventEnumerations names every event in the description
        @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                implementation = EventNames.class, description = "Events to receive: an event, a type with .* "
                + "(article.*) or * for all.", example = "[\"article.*\"]")
        List<@NotNull @Subscription String> events,
        @Size(min = 24, max = 200)
        @Schema(description = "The signing secret, at least 24 characters; made for you (and shown once) when left out.")
        String secret) {
}
