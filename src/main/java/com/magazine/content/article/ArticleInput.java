package com.magazine.content.article;

import com.magazine.content.asset.ImageUse;

import com.magazine.content.common.text.Slugs;
import com.magazine.content.common.text.WebUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as written: the body of a create and a full update (PUT), and what a merge patch applies to. */
@Schema(description = """
        An article as written. A draft may lack a title and a body; publishing needs both. Fields left out are \
        empty, except the slug (derived from the title on create, kept on update) and commentsOpen (true).""")
public record ArticleInput(
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.RULE)
        @Schema(description = "Lowercase ASCII words joined by hyphens. Renaming keeps the old slug as a redirect.",
                example = "a-window-on-the-peninsula")
        String slug,
        @Size(max = 300) @Schema(example = "A Window on the Peninsula") String title,
        @Size(max = 500) @Schema(nullable = true, example = "Why pressure alone will not move Pyongyang") String subtitle,
        @Size(max = 2000) @Schema(nullable = true, description = "A short summary for lists and feeds, plain text.") String excerpt,
        @NotEmpty @Size(max = 20)
        @Schema(required = true, description = "Author slugs, in byline order.", example = "[\"helen-varga\"]")
        List<@NotBlank @Size(max = Slugs.MAX_LENGTH) String> authors,
        @Size(max = 30)
        @Schema(description = "Tag names; new ones are created, slugs derived.", example = "[\"North Korea\", \"Diplomacy\"]")
        List<@NotBlank @Size(max = 100) String> tags,
        @WebUrl @Schema(nullable = true, description = "Where the article first appeared, when not here.") String canonicalUrl,
        @Schema(description = "Whether readers may comment; true when left out.") Boolean commentsOpen,
        @Size(max = 2000) @Schema(description = "The body: an ordered list of blocks.")
        List<@Valid @NotNull Block> body,
        @Valid @Schema(nullable = true, description = "The lead image: shown atop the article, in lists, feeds and "
                + "social cards. Publishing needs an alt text for it (this use's or the asset's).")
        ImageUse image,
        @Valid @Schema(nullable = true, description = "Search overrides: title, description, canonical URL, noindex.")
        SeoInput seo,
        @Valid @Schema(nullable = true, description = "Social card overrides: title, description, image.")
        SocialInput social,
        @Schema(nullable = true, description = "When the article leaves public view by itself (status expired; the "
                + "change feed and webhooks say article.unpublished then). Must be ahead when set, and after the "
                + "publication instant. Null: never.", example = "2027-01-31T23:00:00Z")
        Instant unpublishAt,
        @Size(max = 100) @Schema(nullable = true, description = "The primary section, by name: a tag of type section, "
                + "made if new, and added to the tags if missing. Its breadcrumb step replaces the author's.",
                example = "Foreign Policy")
        String section,
        @Size(max = 30) @Schema(description = "Credits beside the byline (photographs, illustrations, translation, "
                + "editing, reporting), in order; the byline stays `authors`.")
        List<@Valid @NotNull ContributorInput> contributors,
        @Schema(description = "Whether partners may syndicate it; false keeps it out of partner reads, the feeds, "
                + "partners' change feed and webhooks. True when left out.") Boolean syndicatable,
        @Schema(description = "Set by editors only: publishing it, or changing it once published or scheduled, then "
                + "needs an editor's key. False when left out.") Boolean legallySensitive,
        @Schema(description = "For a scheduled article: partners read it (and hear of it) before its instant, with "
                + "embargoUntil; the public and the feeds never do. False when left out.") Boolean embargo) {

    /** An article without a lead image, overrides, expiry, section or credits. */
    public ArticleInput(String slug, String title, String subtitle, String excerpt, List<String> authors,
            List<String> tags, String canonicalUrl, Boolean commentsOpen, List<Block> body) {
        this(slug, title, subtitle, excerpt, authors, tags, canonicalUrl, commentsOpen, body, null, null, null, null,
                null, null, null, null, null);
    }

    public boolean syndicatableOrDefault() {
        return syndicatable == null || syndicatable;
    }

    public boolean legallySensitiveOrDefault() {
        return Boolean.TRUE.equals(legallySensitive);
    }

    public boolean embargoOrDefault() {
        return Boolean.TRUE.equals(embargo);
    }

    public List<ContributorInput> contributors() {
        return contributors == null ? List.of() : contributors;
    }

    public List<String> tags() {
        return tags == null ? List.of() : tags;
    }

    public List<Block> body() {
        return body == null ? List.of() : body;
    }

    public boolean commentsOpenOrDefault() {
        return commentsOpen == null || commentsOpen;
    }
}
