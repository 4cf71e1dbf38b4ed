package com.magazine.content.article;

import com.magazine.content.access.Caller;
import com.magazine.content.author.AuthorService;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.http.ReadDependencies;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other features need of articles, and nothing more: the quotations an article cites and the articles citing a
 * quotation, the article a comment is under, the public articles of the sitemaps, an article's filing for WebSub.
 * Each answer is what the caller may see, and declares the surrogate keys it depends on.
 */
@ApplicationScoped
public class ArticleDirectory {

    private final ArticleRepository articles;
    private final PublicArticleRepository publicArticles;
    private final TagRepository tags;
    private final AuthorService authors;
    private final Instance<Caller> caller;
    private final ArticleAccess access;

    ArticleDirectory(ArticleRepository articles, PublicArticleRepository publicArticles, TagRepository tags, AuthorService authors, Instance<Caller> caller,
            ArticleAccess access) {
        this.articles = articles;
        this.publicArticles = publicArticles;
        this.tags = tags;
        this.authors = authors;
        this.caller = caller;
        this.access = access;
    }

    /**
     * For the quotation feature: the articles citing each of these quotations, newest first. Editors see every
     * article; everyone else the published ones.
     */
    @ActivateRequestContext
    public Map<UUID, List<ArticleRef>> usages(java.util.Collection<UUID> quotationIds) {
        return usages(quotationIds, caller.get().staff());
    }

    /**
     * For the quotation feature: whether an article that {@code authorId} does not write embeds the quotation
     * (drafts included), which keeps an author's key from changing what another author's article shows.
     */
    @ActivateRequestContext
    public boolean quotedByOthersThan(UUID quotationId, UUID authorId) {
        return publicArticles.countQuotingWithoutAuthor(quotationId, authorId) > 0;
    }

    /** As {@link #usages(java.util.Collection)}, counting every article whoever asks: what blocks a deletion. */
    @ActivateRequestContext
    public Map<UUID, List<ArticleRef>> allUsages(java.util.Collection<UUID> quotationIds) {
        return usages(quotationIds, true);
    }

    private Map<UUID, List<ArticleRef>> usages(java.util.Collection<UUID> quotationIds, boolean all) {
        Instant now = Timestamps.now();
        ReadDependencies.on(ArticleKeys.PUBLIC_ARTICLES); // which public articles cite a quotation
        Map<UUID, List<ArticleRef>> byQuotation = new LinkedHashMap<>();
        for (PublicArticleRepository.Usage usage : publicArticles.usages(quotationIds, all, now)) {
            ArticleStatus status = ArticleSummary.statusAt(usage.state(), usage.publishedAt(), usage.unpublishAt(), now);
            byQuotation.computeIfAbsent(usage.quotationId(), id -> new ArrayList<>()).add(new ArticleRef(usage.slug(),
                    usage.title(), status, status == ArticleStatus.draft ? null : usage.publishedAt()));
        }
        return byQuotation;
    }

    /**
     * For the quotation feature: the quotations an article cites, in order of appearance, once each; a 404 when the
     * caller may not see it, a {@link SlugMoved} for an old slug.
     */
    @ActivateRequestContext
    public List<UUID> quotationIdsOf(String slug) {
        return access.findVisible(slug, Timestamps.now()).quotationIds().stream().distinct().toList();
    }

    /** As {@link #quotationIdsOf(String)} for a filter: empty when there is no such article the caller may see. */
    @ActivateRequestContext
    public Optional<List<UUID>> quotationIdsIfVisible(String slug) {
        Instant now = Timestamps.now();
        ReadDependencies.on(ArticleKeys.PUBLIC_ARTICLES); // an article that does not exist yet, or is not public yet
        return articles.findBySlug(slug).filter(article -> access.canSee(article, now))
                .map(article -> {
                    ReadDependencies.on(ArticleKeys.article(article.id()));
                    return article.quotationIds().stream().distinct().toList();
                });
    }

    /** An article as an import finds it again: its slug and status now. */
    public record Stored(UUID id, String slug, ArticleStatus status) {
    }

    /** For imports: the article with this id, whoever may see it. */
    @ActivateRequestContext
    public Optional<Stored> stored(UUID id) {
        Instant now = Timestamps.now();
        return articles.findByIdOptional(id).map(a -> new Stored(a.id(), a.slug(), a.statusAt(now)));
    }

    /** For imports: whether an article (or an old slug of one) has this slug. */
    @ActivateRequestContext
    public boolean slugTaken(String slug) {
        return articles.slugTaken(slug, null);
    }

    /** What the comment feature needs of an article it posts under. */
    public record CommentTarget(UUID id, ArticleStatus status, boolean commentsOpen) {
    }

    /**
     * For the comment feature: the article readers comment on, if the caller may see it; an old slug is a
     * {@link SlugMoved} when {@code followOldSlugs}, else a 404.
     */
    @ActivateRequestContext
    public CommentTarget commentTarget(String slug, boolean followOldSlugs) {
        Instant now = Timestamps.now();
        // an archived article was public: the poster is told that it is archived rather than that it does not exist
        if (followOldSlugs) { // a read: the article's row as reads find it, no entity
            ArticleSummary article = access.findVisibleToRead(slug, now, false).summary();
            return new CommentTarget(article.id(), article.statusAt(now), article.commentsOpen());
        }
        Article article = articles.findBySlug(slug)
                .filter(a -> access.canSee(a, now) || a.state() == Article.State.archived)
                .orElseThrow(() -> Problems.notFound("article", slug));
        ReadDependencies.on(ArticleKeys.article(article.id()));
        return new CommentTarget(article.id(), article.statusAt(now), article.commentsOpen());
    }

    /** For the comment feature: whether the caller may moderate under this article (editors, its own authors). */
    @ActivateRequestContext
    public boolean writes(UUID articleId) {
        return articles.findByIdOptional(articleId).filter(access::canWrite).isPresent();
    }

    /** A public article as a sitemap lists it. */
    public record SitemapEntry(String url, String title, Instant publishedAt, Instant lastModified) {
    }

    /** For sitemaps: how many articles are public now. */
    @ActivateRequestContext
    public long publicCount() {
        ReadDependencies.on(ArticleKeys.PUBLIC_ARTICLES);
        return publicArticles.countPublic(Timestamps.now());
    }

    /** For sitemaps: the months (YYYY-MM, UTC) with public articles, oldest first. */
    @ActivateRequestContext
    public List<String> publicMonths() {
        ReadDependencies.on(ArticleKeys.PUBLIC_ARTICLES);
        return publicArticles.publicMonths(Timestamps.now());
    }

    /**
     * For sitemaps: public articles published in [{@code from}, {@code to}) (capped at now), newest first, with the
     * URL of their page ({@code urlTemplate} with {slug}, unless they have a canonical URL).
     */
    @ActivateRequestContext
    public List<SitemapEntry> publicBetween(Instant from, Instant to, int limit, String urlTemplate) {
        Instant now = Timestamps.now();
        ReadDependencies.on(ArticleKeys.PUBLIC_ARTICLES);
        return publicArticles.publicBetween(from, to.isAfter(now) ? now : to, limit, now).stream()
                .map(a -> new SitemapEntry(a.canonicalUrl() != null ? a.canonicalUrl()
                        : urlTemplate.replace("{slug}", a.slug()), a.title(), a.publishedAt(), a.lastModified()))
                .toList();
    }

    /** For feeds: a tag by its slug. */
    @ActivateRequestContext
    public Optional<TagRef> tag(String slug) {
        ReadDependencies.on(ArticleKeys.PUBLIC_ARTICLES); // tags are made and named by article writes
        return tags.findBySlug(slug).map(TagRef::from);
    }

    /** For feeds: the author and tag slugs of an article, whatever its status (empty when it is gone). */
    @ActivateRequestContext
    public Optional<Filing> filingOf(UUID articleId) {
        return articles.findByIdOptional(articleId).map(article -> new Filing(
                List.copyOf(authors.slugsOf(article.authorIds()).values()),
                article.tags().stream().map(Tag::slug).toList()));
    }

    /** Where an article is filed: its authors and tags, by slug. */
    public record Filing(List<String> authors, List<String> tags) {
    }

    /** For the comment feature: the ids of the articles with this author in the byline. */
    @ActivateRequestContext
    public List<UUID> idsByAuthor(UUID authorId) {
        return articles.idsByAuthor(authorId);
    }

    /** For other features: these articles by reference, whatever their status. */
    @ActivateRequestContext
    public Map<UUID, ArticleRef> refsOf(java.util.Collection<UUID> ids) {
        articles.readOnly();
        Instant now = Timestamps.now();
        Map<UUID, ArticleRef> refs = new LinkedHashMap<>();
        for (Article article : articles.load(List.copyOf(new LinkedHashSet<>(ids)))) {
            ReadDependencies.on(ArticleKeys.article(article.id()));
            ArticleStatus status = article.statusAt(now);
            refs.put(article.id(), new ArticleRef(article.slug(), article.title(), status,
                    status == ArticleStatus.draft ? null : article.publishedAt()));
        }
        return refs;
    }

    /** Whether an article has this slug now, whoever may see it (for loaders that must not write twice). */
    @ActivateRequestContext
    public boolean exists(String slug) {
        return articles.findBySlug(slug).isPresent();
    }
}
