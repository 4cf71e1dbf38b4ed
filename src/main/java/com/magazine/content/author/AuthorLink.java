package com.magazine.content.author;

import com.magazine.content.common.text.WebUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A link of the author's: a social profile, a personal site.")
public record AuthorLink(
        @NotBlank @Size(max = 100) @Schema(required = true, example = "Mastodon") String label,
        @NotNull @WebUrl @Schema(required = true, example = "https://social.example.org/@hvarga") String url) {
}
