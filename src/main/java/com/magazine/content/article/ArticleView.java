package com.magazine.content.article;

import com.magazine.content.asset.EmbeddedAsset;
import com.magazine.content.asset.ResponsiveImage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.common.http.Cacheable;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An article as read. A single read sends every member but {@code bodyHtml} and {@code snippet}; a list item sends a
 * summary (see the list operation); {@code fields} chooses others.
 */
@Schema(name = "Article", description = """
        An article as read: everything one request needs to render its page (breadcrumb, title, byline, body with its \
        quotations, author box, comment count). Members are left out when `fields` does not select them.""")
public record ArticleView(
        @Schema(description = "Stable id; never changes.") UUID id,
        @Schema(description = "Human, URL-safe id; an old slug redirects (301) to the current one.",
                example = "a-window-on-the-peninsula") String slug,
        @Schema(nullable = true, example = "A Window on the Peninsula") String title,
        @Schema(nullable = true) String subtitle,
        @Schema(nullable = true) String excerpt,
        @Schema(nullable = true, description = "The lead image, ready to render (lists carry renditions up to 640 px "
                + "wide); null when the article has none or its rights have expired.") ResponsiveImage image,
        ArticleStatus status,
        @Schema(nullable = true, description = "When it became public; null until then.") Instant publishedAt,
        @Schema(nullable = true, description = "When a scheduled article becomes public.") Instant scheduledAt,
        @Schema(nullable = true, description = "When it leaves public view by itself (then expired); null: never.")
        Instant unpublishAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Grows by one with every change of the article itself.") Long version,
        @Schema(nullable = true) String canonicalUrl,
        Boolean commentsOpen,
        @Schema(description = "Approved comments.") Integer commentCount,
        Integer wordCount,
        Integer readingTimeMinutes,
        @Schema(description = "The byline, in order.") List<ArticleAuthor> authors,
        @Schema(description = "The page's breadcrumb, ready to render: the website, the section (or the first author), the title "
                + "(a single read's default; JSON-LD has it as a BreadcrumbList).") List<BreadcrumbItem> breadcrumb,
        @Schema(description = "What the page's <head> tells search engines, complete (a single read's default).")
        SeoView seo,
        @Schema(description = "The social card (Open Graph, X), complete (a single read's default).")
        SocialView social,
        @Schema(description = "Credits beside the byline, in order.") List<ArticleContributor> contributors,
        @Schema(nullable = true, description = "The primary section: one of the tags, of type section.")
        TagRef section,
        @Schema(description = "Whether partners may syndicate it (false: not in partner reads, feeds or webhooks).")
        Boolean syndicatable,
        @Schema(nullable = true, description = "Whether publishing it, or changing it once public, needs an editor. "
                + "Editors only: null for everyone else.") Boolean legallySensitive,
        @Schema(nullable = true, description = "A scheduled article under embargo, as partners read it early: the "
                + "instant before which it must not be published. Null otherwise.") Instant embargoUntil,
        List<TagRef> tags,
        List<Block> body,
        @Schema(description = "Its corrections, oldest first, withdrawn ones kept and marked (a single read's "
                + "default; in lists with fields=corrections). Appended and withdrawn only through their actions.")
        List<Correction> corrections,
        @Schema(nullable = true, description = "The body as safe HTML, with the standing corrections as a notice at "
                + "the end (<aside class=\"corrections\">); only when `fields` names it.") String bodyHtml,
        @Schema(nullable = true, description = "In search results: where the words matched, with <mark> around them "
                + "(the rest is HTML-escaped).") String snippet,
        @JsonIgnore @Schema(hidden = true) Validators validators,
        @JsonIgnore @Schema(hidden = true) EmbeddedAsset leadAsset) implements Cacheable {

    @Override
    public EntityTag etag() {
        return validators.etag();
    }

    @Override
    public Instant lastModified() {
        return validators.lastModified();
    }


    /** What the HTTP validators of an article cover: itself and the authors it embeds. */
    record Validators(EntityTag etag, Instant lastModified) {
    }
}
