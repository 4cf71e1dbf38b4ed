package com.magazine.content.article;

import com.magazine.content.access.Caller;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.json.FieldSelection;
import com.magazine.content.common.text.Digests;
import com.magazine.content.common.text.Slugs;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Draft previews: expiring tokens, each reading one article (its latest draft, or one revision) without a key, for a
 * frontend's preview mode and for links sent to people who have none. Tokens are random, shown once and kept as
 * hashes; made, listed and revoked by whoever may write the article.
 */
@ApplicationScoped
public class PreviewService {

    private static final String PREFIX = "prv_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ArticleAccess access;
    private final ArticleRepository articles;
    private final RevisionRepository revisions;
    private final PreviewRepository previews;
    private final ArticleViews views;
    private final Instance<Caller> caller;
    private final ContentConfig.Articles config;
    private final com.magazine.content.author.AuthorService authors;
    private final PreviewGrants grants;

    PreviewService(ArticleAccess access, ArticleRepository articles, RevisionRepository revisions,
            PreviewRepository previews, ArticleViews views, Instance<Caller> caller, ContentConfig config,
            com.magazine.content.author.AuthorService authors, PreviewGrants grants) {
        this.authors = authors;
        this.grants = grants;
        this.access = access;
        this.articles = articles;
        this.revisions = revisions;
        this.previews = previews;
        this.views = views;
        this.caller = caller;
        this.config = config.articles();
    }

    @Transactional
    public PreviewCreated create(String slug, PreviewRequest request) {
        Article article = access.findForWrite(slug);
        Instant now = Timestamps.now();
        Duration lifetime = request == null || request.expiresInSeconds() == null ? config.previewLifetime()
                : Duration.ofSeconds(request.expiresInSeconds());
        if (lifetime.compareTo(config.previewMaxLifetime()) > 0) {
            throw Problems.unprocessable("expiresInSeconds", "is at most " + config.previewMaxLifetime().toSeconds()
                    + " (" + config.previewMaxLifetime() + ")");
        }
        Integer revision = request == null ? null : request.revision();
        if (revision != null && revisions.find(article.id(), revision).isEmpty()) {
            throw Problems.unprocessable("revision", "the article has no revision " + revision);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ArticlePreview preview = new ArticlePreview(article.id(), Digests.sha256Hex(token), revision, caller.get().name(), now,
                now.plus(lifetime));
        previews.persist(preview);
        return new PreviewCreated(PreviewView.of(preview), token);
    }

    @Transactional
    public List<PreviewView> list(String slug) {
        Article article = access.findForWrite(slug);
        return previews.ofArticle(article.id()).stream().map(PreviewView::of).toList();
    }

    /** Revokes every token of the article at once; answers how many were still valid. */
    @Transactional
    public int revokeAll(String slug) {
        Article article = access.findForWrite(slug);
        Instant now = Timestamps.now();
        List<ArticlePreview> valid = previews.ofArticle(article.id()).stream().filter(p -> p.validAt(now)).toList();
        valid.forEach(preview -> preview.revoke(now));
        return valid.size();
    }

    /**
     * The article as {@code token} shows it. A token that is unknown, expired, revoked or made for another article is
     * a 403: never a silent fallback to the published version.
     */
    @Transactional
    public ArticleView read(String slug, String token, FieldSelection selection) {
        Instant now = Timestamps.now();
        ArticlePreview preview = grants.valid(token, now);
        Article article = articles.findByIdOptional(preview.articleId())
                .filter(found -> found.slug().equals(slug))
                .orElseThrow(() -> PreviewGrants.refused("The preview token is for another article."));
        if (preview.revision() == null) {
            return views.view(article.summary(), article.body(), selection, now);
        }
        ArticleRevision revision = revisions.find(article.id(), preview.revision())
                .orElseThrow(() -> PreviewGrants.refused("The revision the preview token shows no longer exists."));
        ArticleRevision.Snapshot snapshot = revision.snapshot();
        ArticleInput content = snapshot.content();
        List<Block> body = content.body();
        int words = Markup.wordCount(Markup.plainText(body, views.quotationsOf(body)));
        Article.State state = switch (snapshot.status()) {
            case draft -> Article.State.draft;
            case archived -> Article.State.archived;
            case published, scheduled, expired -> Article.State.published;
        };
        ArticleSummary summary = new ArticleSummary(article.id(), article.slug(), content.title(), content.subtitle(),
                content.excerpt(), state, snapshot.publishedAt(), content.canonicalUrl(),
                content.commentsOpenOrDefault(), words, article.commentCount(), article.createdAt(),
                revision.createdAt(), article.version(), snapshot.authorIds(),
                content.tags().stream().map(name -> new TagRef(Slugs.of(name), name, TagType.topic, null)).toList(), content.image(),
                content.seo(), content.social(), content.unpublishAt(),
                content.section() == null ? null
                        : new TagRef(Slugs.of(content.section()), content.section(), TagType.section, null),
                credits(content.contributors()), snapshot.corrections(),
                new ArticleSummary.Rights(content.syndicatableOrDefault(), content.legallySensitiveOrDefault(),
                        content.embargoOrDefault()));
        return views.view(summary, body, selection, now);
    }

    /** A revision's credits as stored: its authors by their ids (gone ones left out). */
    private List<ContributorInput.Stored> credits(List<ContributorInput> written) {
        java.util.Map<String, java.util.UUID> ids = authors.idsBySlug(written.stream().map(ContributorInput::author)
                .filter(java.util.Objects::nonNull).toList());
        return written.stream()
                .filter(credit -> credit.author() == null || ids.containsKey(credit.author()))
                .map(credit -> new ContributorInput.Stored(credit.role(),
                        credit.author() == null ? null : ids.get(credit.author()), credit.name()))
                .toList();
    }


}
