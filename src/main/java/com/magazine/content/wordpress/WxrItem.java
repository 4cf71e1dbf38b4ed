package com.magazine.content.wordpress;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing read from a WordPress export (WXR) file, in file order: the {@link Site} once, then {@link Author}s,
 * {@link Term}s and {@link Post}s (one per {@code <item>}, whatever its post type).
 *
 * <p>Strings are the exported text with CDATA unwrapped, {@code ""} when the element is absent, except where a
 * component says it may be {@code null}. Numbers WordPress leaves empty read as 0.
 */
public sealed interface WxrItem {

    /** Whether a term is a category or a tag. Declared here so that {@code Term.Kind} and {@code TermRef} share it. */
    enum Kind { CATEGORY, TAG }

    /**
     * The channel's description of the exported site, emitted before the first author, term or item.
     *
     * @param wxrVersion "1.0", "1.1" or "1.2"
     */
    record Site(String title, String link, String baseSiteUrl, String baseBlogUrl, String wxrVersion)
            implements WxrItem {
    }

    /** A {@code wp:author}: someone who wrote posts, named by {@code login} in a post's {@code dc:creator}. */
    record Author(long id, String login, String email, String displayName, String firstName, String lastName)
            implements WxrItem {
    }

    /**
     * A category or tag ({@code wp:category}, {@code wp:tag}, or a {@code wp:term} of taxonomy category or
     * post_tag); terms of other taxonomies are not emitted.
     *
     * @param parentSlug the parent category's slug, {@code null} at the top (always for tags)
     * @param description {@code null} when empty
     */
    record Term(long id, Kind kind, String slug, String name, String parentSlug, String description)
            implements WxrItem {
    }

    /**
     * One {@code <item>}: a post, page, attachment, menu item or anything else; {@code type} says which.
     *
     * @param dateGmt {@code wp:post_date_gmt}, or {@code wp:post_date} read as UTC when that is unset (drafts);
     *                {@code null} when both are unset
     * @param modifiedGmt {@code wp:post_modified_gmt} (WXR 1.2), {@code null} when absent or unset
     * @param creator the author's login ({@code dc:creator})
     * @param excerpt {@code excerpt:encoded}
     * @param parentId {@code wp:post_parent}, 0 for none
     * @param attachmentUrl {@code wp:attachment_url} of an attachment, {@code null} for other items
     * @param terms the categories and tags the item is filed under, in file order
     * @param meta {@code wp:postmeta} key to value in file order (a key given twice keeps its last value), such as
     *             {@code _thumbnail_id}, the featured image's attachment id
     * @param comments the item's comments in file order; threads by {@link Comment#parentId()}
     */
    record Post(long id, String guid, String link, String title, String postName, String status, String type,
                Instant dateGmt, Instant modifiedGmt, String creator, String contentHtml, String excerpt,
                boolean sticky, long parentId, String attachmentUrl, List<TermRef> terms, Map<String, String> meta,
                List<Comment> comments) implements WxrItem {

        public Post {
            terms = List.copyOf(terms);
            meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
            comments = List.copyOf(comments);
        }
    }

    /** A post's {@code <category domain="category|post_tag" nicename="slug">name</category>}. */
    record TermRef(Kind kind, String slug, String name) {
    }

    /**
     * A {@code wp:comment} of a post.
     *
     * @param dateGmt {@code wp:comment_date_gmt}, or {@code wp:comment_date} read as UTC when that is unset
     * @param approved the raw {@code wp:comment_approved}: "1", "0", "spam", "trash", "post-trashed"…
     * @param type "comment" (also when exported empty, as older WordPress did), "pingback", "trackback"…
     * @param parentId the comment this one answers, 0 for none (it may name a comment the file does not hold)
     * @param userId the commenter's WordPress user id, 0 for a visitor
     */
    record Comment(long id, String author, String email, String url, String ip, Instant dateGmt, String content,
                   String approved, String type, long parentId, long userId) {
    }
}
