package com.magazine.content.article;

import com.magazine.content.author.AuthorReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.Optional;
import java.util.UUID;

/** An author with a byline on any article, in any status, cannot be deleted. */
@ApplicationScoped
class ArticleReferences implements AuthorReferences {

    private final ArticleRepository articles;

    ArticleReferences(ArticleRepository articles) {
        this.articles = articles;
    }

    @Override
    @ActivateRequestContext
    public Optional<String> describe(UUID authorId) {
        long count = articles.countByAuthor(authorId);
        return count == 0 ? Optional.empty() : Optional.of(count + (count == 1 ? " article" : " articles"));
    }
}
