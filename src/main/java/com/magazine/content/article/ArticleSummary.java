package com.magazine.content.article;

import com.magazine.content.asset.ImageUse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An article without its body, as a view is built from it: read straight from SQL for lists (no entities to hydrate,
 * nothing to dirty-check), or taken from the entity for single reads and writes.
 */
record ArticleSummary(UUID id, String slug, String title, String subtitle, String excerpt, Article.State state,
        Instant publishedAt, String canonicalUrl, boolean commentsOpen, int wordCount, int commentCount,
        Instant createdAt, Instant updatedAt, long version, List<UUID> authorIds, List<TagRef> tags, ImageUse image,
        SeoInput seo, SocialInput social, Instant unpublishAt, TagRef section,
        List<ContributorInput.Stored> contributors, List<Correction> corrections, Rights rights) {

    /** What partners may do with it, and who may publish it. */
    record Rights(boolean syndicatable, boolean legallySensitive, boolean embargo) {

        static final Rights DEFAULT = new Rights(true, false, false);

        /**
         * Whether partners read an article in {@code status}: a public one they may syndicate, and one scheduled under
         * embargo before the public. The same rule as {@link PublicArticles#visibleToPartners} in SQL.
         */
        boolean partnersSee(ArticleStatus status) {
            return syndicatable && (status == ArticleStatus.published || (embargo && status == ArticleStatus.scheduled));
        }
    }

    ArticleSummary {
        tags = tags == null ? List.of() : tags;
        contributors = contributors == null ? List.of() : contributors;
        corrections = corrections == null ? List.of() : corrections;
        rights = rights == null ? Rights.DEFAULT : rights;
    }

    /**
     * The status as the API shows it at {@code now}: a published article still ahead of its instant is scheduled, one
     * past its expiry is expired. The same rule as {@link PublicArticles#visible} in SQL.
     */
    static ArticleStatus statusAt(Article.State state, Instant publishedAt, Instant unpublishAt, Instant now) {
        return switch (state) {
            case draft -> ArticleStatus.draft;
            case archived -> ArticleStatus.archived;
            case published -> publishedAt.isAfter(now) ? ArticleStatus.scheduled
                    : unpublishAt != null && !unpublishAt.isAfter(now) ? ArticleStatus.expired
                    : ArticleStatus.published;
        };
    }

    ArticleStatus statusAt(Instant now) {
        return statusAt(state, publishedAt, unpublishAt, now);
    }

    boolean partnersSeeAt(Instant now) {
        return rights.partnersSee(statusAt(now));
    }

    boolean publicAt(Instant now) {
        return statusAt(now) == ArticleStatus.published;
    }
}
