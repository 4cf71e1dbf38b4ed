package com.magazine.content.article;

import com.magazine.content.common.http.VisibilityHorizon;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Instant;
import java.util.Optional;

/** Anonymous readers' view changes by itself when the next scheduled article goes public or the next one expires. */
@ApplicationScoped
class ScheduledHorizon implements VisibilityHorizon {

    private final ArticleRepository articles;

    ScheduledHorizon(ArticleRepository articles) {
        this.articles = articles;
    }

    @Override
    @ActivateRequestContext
    public Optional<Instant> nextAfter(Instant after) {
        return articles.nextVisibilityChange(after);
    }
}
