package com.magazine.content.feed;

import com.magazine.content.common.text.WebUrl;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A webhook to create.")
public record WebhookInput(
        @NotNull @WebUrl @Schema(required = true, description = "Where to POST events, http(s).",
                example = "https://partner.example.org/hooks/magazine") String url,
        @NotEmpty @Size(max = 40)
        @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                implementation = EventNames.class, description = """
                Events to receive: article.published, article.updated, article.unpublished, article.archived, \
                article.deleted, article.restored, author.created, author.updated, author.deleted, quotation.created, \
                quotation.updated, quotation.deleted, comment.posted, comment.approved, comment.rejected, \
                comment.spam, comment.deleted, asset.created, asset.updated, asset.deleted; a type with \
                .* (article.*) or * for all.""",
                example = "[\"article.*\"]")
        List<@NotNull @Pattern(regexp = Events.PATTERN, message = "must be an event name, type.*, or *") String> events,
        @Size(min = 24, max = 200)
        @Schema(description = "The signing secret, at least 24 characters; made for you (and shown once) when left out.")
        String secret) {
}
