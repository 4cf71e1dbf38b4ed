package com.magazine.content.article;

import com.magazine.content.access.Caller;
import com.magazine.content.access.Role;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.http.ReadDependencies;
import com.magazine.content.common.http.IfMatch;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.Optional;

/** Who sees and writes which article: the caller's visibility, and finding an article to read or to write. */
@ApplicationScoped
class ArticleAccess {

    private final ArticleRepository articles;
    private final Instance<Caller> caller;
    private final ArticleViews views;
    private final PreviewGrants previews;
    private final ArticleListRepository lists;

    ArticleAccess(ArticleRepository articles, Instance<Caller> caller, ArticleViews views, PreviewGrants previews,
            ArticleListRepository lists) {
        this.previews = previews;
        this.lists = lists;
        this.articles = articles;
        this.caller = caller;
        this.views = views;
    }

    ArticleListRepository.Visibility visibility() {
        Caller who = caller.get();
        if (who.staff()) {
            return new ArticleListRepository.Visibility(true, null, false);
        }
        if (who.has(Role.author)) {
            return new ArticleListRepository.Visibility(false, who.authorId().orElse(null), false);
        }
        if (who.has(Role.partner)) {
            return new ArticleListRepository.Visibility(false, null, true);
        }
        return ArticleListRepository.Visibility.PUBLIC;
    }

    boolean canSee(Article article, Instant now) {
        return canSee(article.authorIds(), () -> article.partnersSeeAt(now), () -> article.publicAt(now));
    }

    boolean canSee(ArticleSummary article, Instant now) {
        return canSee(article.authorIds(), () -> article.partnersSeeAt(now), () -> article.publicAt(now));
    }

    private boolean canSee(java.util.Collection<java.util.UUID> authorIds, java.util.function.BooleanSupplier partnersSee,
            java.util.function.BooleanSupplier publicNow) {
        Caller who = caller.get();
        if (who.staff() || who.authorId().filter(authorIds::contains).isPresent()) {
            return true;
        }
        return who.has(Role.partner) ? partnersSee.getAsBoolean() : publicNow.getAsBoolean();
    }

    boolean canWrite(Article article) {
        Caller who = caller.get();
        return who.staff() || (who.has(Role.author) && who.authorId().filter(article.authorIds()::contains).isPresent());
    }

    /**
     * The article the caller may see, by its slug or an old one (then {@link SlugMoved}); else a 404. A draft
     * preview token the request carries lets it see that one article (for the reads its page needs besides the article
     * itself: quotations, comments, related articles); a token for anything else is a 403.
     */
    /**
     * As {@link #findVisible}, read as a single read shows it (its summary, and its body when {@code withBody}) in one
     * statement, without loading the entity.
     */
    ArticleListRepository.Found findVisibleToRead(String slug, Instant now, boolean withBody) {
        Optional<ArticleListRepository.Found> found = lists.bySlug(slug, withBody);
        if (found.isPresent()) {
            ArticleSummary article = found.get().summary();
            if (previews.grants(article.id(), now) || canSee(article, now)) {
                ReadDependencies.on(ArticleKeys.article(article.id()));
                return found.get();
            }
            throw Problems.notFound("article", slug);
        }
        findVisible(slug, now); // an old slug: its redirect, else the 404
        throw Problems.notFound("article", slug);
    }

    Article findVisible(String slug, Instant now) {
        Optional<Article> article = articles.findBySlug(slug);
        // a token is checked whenever one is carried: a bad one is a 403 even where the public would see the article
        if (article.isPresent() && (previews.grants(article.get(), now) || canSee(article.get(), now))) {
            ReadDependencies.on(ArticleKeys.article(article.get().id()));
            return article.get();
        }
        if (article.isEmpty()) {
            Optional<String> current = articles.currentSlugOf(slug);
            Optional<Article> moved = current.flatMap(articles::findBySlug).filter(a -> canSee(a, now));
            if (moved.isPresent()) {
                ReadDependencies.on(ArticleKeys.article(moved.get().id())); // the redirect moves with the article
                throw new SlugMoved(slug, current.get());
            }
        }
        throw Problems.notFound("article", slug);
    }

    Article findForWrite(String slug) {
        Article article = articles.findBySlug(slug)
                .filter(a -> canSee(a, Timestamps.now()))
                .orElseThrow(() -> Problems.notFound("article", slug));
        if (!canWrite(article)) {
            throw Problems.forbidden("This key may only write articles that carry its author's byline.");
        }
        return article;
    }

    Article findForWrite(String slug, IfMatch ifMatch) {
        Article article = findForWrite(slug);
        ifMatch.check(views.full(article).etag());
        return article;
    }
}
