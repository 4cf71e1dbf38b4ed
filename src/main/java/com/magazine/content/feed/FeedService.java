package com.magazine.content.feed;

import com.magazine.content.article.ArticleOrder;
import com.magazine.content.article.ArticleDirectory;
import com.magazine.content.article.ArticleFields;
import com.magazine.content.article.ArticleQueryService;
import com.magazine.content.article.ArticleStatus;
import com.magazine.content.article.ArticleView;
import com.magazine.content.article.TagRef;
import com.magazine.content.author.AuthorService;
import com.magazine.content.author.AuthorView;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.json.FieldSelection;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Instant;
import java.util.List;

/** What a feed holds: the newest published articles, of everyone, of one author, or under one tag. */
@ApplicationScoped
public class FeedService {

    private static final FieldSelection EVERYTHING = FieldSelection.parse("*,bodyHtml", ArticleFields.ALL,
            ArticleFields.FULL);

    private final ArticleQueryService articles;
    private final ArticleDirectory directory;
    private final AuthorService authors;
    private final ContentConfig config;

    FeedService(ArticleQueryService articles, ArticleDirectory directory, AuthorService authors, ContentConfig config) {
        this.articles = articles;
        this.directory = directory;
        this.authors = authors;
        this.config = config;
    }

    /** A feed's content, before it is written in one format or another. */
    public record Feed(String title, String description, String homeUrl, List<ArticleView> articles,
            Page<ArticleView> page, Instant updated) {
    }

    @ActivateRequestContext
    public Feed all() {
        return feed(config.site().name(), "The latest articles of " + config.site().name() + ".",
                config.site().url(), null, null);
    }

    @ActivateRequestContext
    public Feed byAuthor(String slug) {
        AuthorView author = authors.get(slug);
        return feed(author.name() + " — " + config.site().name(),
                "The latest articles by " + author.name() + ".",
                config.site().authorUrl().replace("{slug}", slug), slug, null);
    }

    @ActivateRequestContext
    public Feed byTag(String slug) {
        TagRef tag = directory.tag(slug).orElseThrow(() -> Problems.notFound("tag", slug));
        return feed(tag.name() + " — " + config.site().name(), "The latest articles on " + tag.name() + ".",
                config.site().tagUrl().replace("{slug}", slug), null, slug);
    }

    /** The page an article has on the site: its canonical URL when set, else the site's. */
    public String urlOf(ArticleView article) {
        return article.canonicalUrl() != null ? article.canonicalUrl()
                : config.site().articleUrl().replace("{slug}", article.slug());
    }

    public String authorUrl(String slug) {
        return config.site().authorUrl().replace("{slug}", slug);
    }

    private Feed feed(String title, String description, String homeUrl, String author, String tag) {
        ArticleQueryService.ListRequest request = new ArticleQueryService.ListRequest(author, tag, null, null, null,
                List.of(ArticleStatus.published), null, null, null,
                ArticleOrder.newest, false, true); // the feeds syndicate: only what partners may take
        Page<ArticleView> page = articles.list(request, new PageRequest(config.feeds().size(), null), EVERYTHING);
        Instant updated = page.items().stream().map(ArticleView::lastModified).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        return new Feed(title, description, homeUrl, page.items(), new Page<>(page.items(), null), updated);
    }
}
