package com.magazine.content.author;

import com.magazine.content.asset.ImageUse;

import com.magazine.content.common.text.Slugs;
import com.magazine.content.common.text.WebUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as written: the body of a create and of a full update (PUT), and what a merge patch applies to. */
@Schema(description = "An author as written. Fields left out are empty; on update the slug is kept when left out.")
public record AuthorInput(
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.RULE)
        @Schema(description = "Lowercase ASCII words joined by hyphens. On create, derived from the name when left out.",
                example = "helen-varga")
        String slug,
        @NotBlank @Size(max = 200)
        @Schema(required = true, example = "Helen Varga")
        String name,
        @Size(max = 200)
        @Schema(description = "The author's role at the magazine.", example = "Senior Editor")
        String role,
        @Size(max = 5000)
        @Schema(description = "A short biography, plain text.",
                example = "Helen Varga covers diplomacy and arms control and writes a weekly column on foreign policy.")
        String bio,
        @Size(max = 200)
        @Schema(description = "Where the author lives or works.", example = "Bath, Maine")
        String location,
        @Size(max = 20)
        @Schema(description = "Social profiles and personal sites, in display order.")
        List<@Valid @NotNull AuthorLink> links,
        @Size(max = 50)
        @Schema(description = "Outlets the author has written for.", example = "[\"The Northern Review\", \"Harbor Quarterly\"]")
        List<@NotBlank @Size(max = 200) String> publications,
        @WebUrl
        @Schema(description = "Portrait image elsewhere, http(s); used only while `avatar` is not set (prefer "
                + "`avatar`).", example = "https://images.example.org/authors/helen-varga.jpg")
        String avatarUrl,
        @Valid @Schema(nullable = true, description = "Portrait from the asset library: its square crop is shown. "
                + "Its alt text defaults to the asset's, then to the author's name.")
        ImageUse avatar) {

    /** An author without an avatar from the asset library. */
    public AuthorInput(String slug, String name, String role, String bio, String location, List<AuthorLink> links,
            List<String> publications, String avatarUrl) {
        this(slug, name, role, bio, location, links, publications, avatarUrl, null);
    }

    public List<AuthorLink> links() {
        return links == null ? List.of() : links;
    }

    public List<String> publications() {
        return publications == null ? List.of() : publications;
    }
}
