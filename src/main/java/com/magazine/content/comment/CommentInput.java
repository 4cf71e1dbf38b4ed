package com.magazine.content.comment;

import com.magazine.content.common.text.WebUrl;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a reader posts. */
@Schema(description = "A comment as a reader posts it. The email is kept for moderators and never shown.")
public record CommentInput(
        @NotBlank @Size(max = 100) @Schema(required = true, example = "Jo Marsh") String authorName,
        @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+", message = "must be an email address")
        @Schema(required = true, description = "Never shown publicly.", example = "jo@example.org") String authorEmail,
        @WebUrl @Schema(description = "The commenter's site, http(s).", example = "https://jo.example.org")
        String authorUrl,
        @NotBlank @Size(max = 5000)
        @Schema(required = true, description = "Plain text; blank lines separate paragraphs. Markup is shown as "
                + "typed, never rendered.") String body,
        @Schema(description = "The comment this replies to (an approved one on the same article).") UUID parentId,
        @Size(max = 500)
        @Schema(description = "Leave empty. A form shows it to robots only; a comment that fills it in is spam.")
        String website) {
}
