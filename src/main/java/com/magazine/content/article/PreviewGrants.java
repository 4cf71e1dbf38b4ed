package com.magazine.content.article;

import com.magazine.content.common.error.Problems;
import com.magazine.content.common.http.PreviewTokens;
import com.magazine.content.common.text.Digests;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.Optional;

/**
 * What a draft preview token lets a request read, decided in one place: the article itself (see
 * {@link PreviewService#read}) and the reads its page needs besides (its quotations, comments and related articles),
 * which find it through {@link ArticleAccess#findVisible}. A token that is unknown, revoked, expired or made for
 * another article is a 403, never a silent fallback to what the public sees.
 */
@ApplicationScoped
class PreviewGrants {

    private final PreviewRepository previews;
    private final Instance<CurrentVertxRequest> request;

    PreviewGrants(PreviewRepository previews, Instance<CurrentVertxRequest> request) {
        this.previews = previews;
        this.request = request;
    }

    /** The token the current request carries (header first, then query parameter), if any. */
    Optional<String> carried() {
        CurrentVertxRequest current = request.isResolvable() ? request.get() : null;
        if (current == null || current.getCurrent() == null) {
            return Optional.empty(); // a job, not a request
        }
        HttpServerRequest http = current.getCurrent().request();
        String header = http.getHeader(PreviewTokens.HEADER);
        return Optional.ofNullable(header != null ? header : http.getParam(PreviewTokens.QUERY));
    }

    /** The preview {@code token} grants, valid at {@code now}; a 403 otherwise. */
    ArticlePreview valid(String token, Instant now) {
        ArticlePreview preview = previews.byTokenHash(Digests.sha256Hex(token))
                .orElseThrow(() -> refused("The preview token is not one this API made."));
        if (preview.revokedAt() != null) {
            throw refused("The preview token was revoked at " + preview.revokedAt() + ".");
        }
        if (!preview.validAt(now)) {
            throw refused("The preview token expired at " + preview.expiresAt() + ".");
        }
        return preview;
    }

    /** Whether the current request's token lets it read {@code article}; a 403 for a token that does not. */
    boolean grants(Article article, Instant now) {
        return grants(article.id(), now);
    }

    /** As {@link #grants(Article, Instant)}, for the article with this id. */
    boolean grants(java.util.UUID articleId, Instant now) {
        Optional<String> token = carried();
        if (token.isEmpty()) {
            return false;
        }
        if (!valid(token.get(), now).articleId().equals(articleId)) {
            throw refused("The preview token is for another article.");
        }
        return true;
    }

    static RuntimeException refused(String why) {
        return Problems.forbidden("invalid-preview", why);
    }
}
