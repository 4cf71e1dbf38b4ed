package com.magazine.content.article;

import com.magazine.content.asset.AssetService;
import com.magazine.content.asset.EmbeddedAsset;
import com.magazine.content.author.AuthorService;
import com.magazine.content.author.AuthorView;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.http.ReadDependencies;
import com.magazine.content.common.json.FieldSelection;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Articles as read: views with their bylines and the quotations their bodies cite, fetched for a whole page at once,
 * with the validators that cover what they embed. Shared by the query side and the command side (whose writes answer
 * the article as now stored).
 */
@ApplicationScoped
class ArticleViews {

    private final ArticleRepository articles;
    private final ArticleListRepository lists;
    private final AuthorService authors;
    private final Instance<QuotationLookup> quotations;
    private final AssetService assets;
    /** Whether the caller is an editor (or admin): what only editors see. */
    private final java.util.function.BooleanSupplier staff;
    private final String mediaBase;
    private final ContentConfig.Site site;

    ArticleViews(ArticleRepository articles, ArticleListRepository lists, AuthorService authors,
            Instance<QuotationLookup> quotations, AssetService assets, ContentConfig config,
            Instance<com.magazine.content.access.Caller> caller) {
        this.staff = () -> caller.get().staff();
        this.assets = assets;
        this.mediaBase = config.site().apiBase();
        this.site = config.site();
        this.articles = articles;
        this.lists = lists;
        this.authors = authors;
        this.quotations = quotations;
    }

    /** Whether a view with this selection shows the body (as blocks or as HTML): then it must be read. */
    static boolean showsBody(FieldSelection selection) {
        return selection.includes("body") || selection.includes("bodyHtml");
    }

    Map<UUID, QuotationEmbed> quotationsOf(List<Block> body) {
        Set<UUID> ids = body.stream()
                .filter(Block.Quote.class::isInstance)
                .map(block -> ((Block.Quote) block).quotationId())
                .collect(Collectors.toSet());
        if (ids.isEmpty() || !quotations.isResolvable()) {
            return Map.of();
        }
        return quotations.get().find(ids);
    }

    /** Views of these articles, with what they embed fetched for all of them at once. */
    List<ArticleView> views(List<ArticleSummary> page, FieldSelection selection, Map<UUID, String> snippets,
            Instant now, EmbeddedAsset.Size size) {
        Map<UUID, List<Block>> bodies = showsBody(selection)
                ? lists.bodies(page.stream().map(ArticleSummary::id).toList()) : Map.of();
        return views(page, bodies, selection, snippets, now, size);
    }

    /**
     * The view of one article from its summary and body as given (a single read's, or a preview's, which are not as
     * stored); {@code body} is used when the selection shows it.
     */
    ArticleView view(ArticleSummary summary, List<Block> body, FieldSelection selection, Instant now) {
        return views(List.of(summary), showsBody(selection) ? Map.of(summary.id(), body) : Map.of(), selection, Map.of(), now,
                EmbeddedAsset.Size.PAGE).get(0);
    }

    private List<ArticleView> views(List<ArticleSummary> page, Map<UUID, List<Block>> bodies, FieldSelection selection,
            Map<UUID, String> snippets, Instant now, EmbeddedAsset.Size size) {
        Set<UUID> authorIds = new HashSet<>();
        for (ArticleSummary article : page) {
            authorIds.addAll(article.authorIds());
            article.contributors().stream().map(ContributorInput.Stored::authorId).filter(Objects::nonNull)
                    .forEach(authorIds::add);
        }
        Map<UUID, AuthorView> byline = authors.viewsOf(authorIds);
        Map<UUID, QuotationEmbed> quoted = quotationsOf(bodies.values().stream().flatMap(List::stream).toList());
        boolean withHtml = selection.includes("bodyHtml");
        boolean withImage = selection.includes("image");
        boolean withSocial = selection.includes("social");
        Set<UUID> assetIds = new HashSet<>();
        for (ArticleSummary article : page) {
            if ((withImage || withSocial) && article.image() != null) {
                assetIds.add(article.image().assetId());
            }
            if (withSocial && article.social() != null && article.social().image() != null) {
                assetIds.add(article.social().image().assetId());
            }
        }
        bodies.values().forEach(body -> Block.imageAssetIds(body).forEach(assetIds::add));
        Map<UUID, EmbeddedAsset> images = assets.embeddable(assetIds);
        return page.stream().map(article -> view(article, bodies.get(article.id()), byline, quoted, withHtml,
                withImage, withSocial, images, size, snippets.get(article.id()), now)).toList();
    }

    /** The view of an article; {@code stored} is its body when the view shows it, else null. */
    private ArticleView view(ArticleSummary article, List<Block> stored, Map<UUID, AuthorView> byline,
            Map<UUID, QuotationEmbed> quoted, boolean withHtml, boolean withImage, boolean withSocial,
            Map<UUID, EmbeddedAsset> images, EmbeddedAsset.Size size, String snippet, Instant now) {
        ArticleStatus status = article.statusAt(now);
        // page-sized images are asked for by single reads (the article, its preview, its JSON-LD); lists take small
        boolean single = size == EmbeddedAsset.Size.PAGE;
        List<AuthorView> writers = article.authorIds().stream().map(byline::get).filter(Objects::nonNull).toList();
        // the body is the article itself, wherever it is shown (a feed's item too): its images at page sizes
        List<Block> body = stored == null ? null : embed(stored, quoted, images, EmbeddedAsset.Size.PAGE, now);
        List<EmbeddedAsset> shown = new ArrayList<>();
        EmbeddedAsset lead = withImage && article.image() != null ? images.get(article.image().assetId()) : null;
        if (lead != null) {
            shown.add(lead);
        }
        if (stored != null) {
            Block.imageAssetIds(stored).map(images::get).filter(Objects::nonNull).forEach(shown::add);
        }
        if (lead != null && !lead.shownAt(now)) {
            lead = null;
        }
        SeoView seo = seo(article);
        SocialView social = withSocial ? social(article, seo, images, shown, now) : null;
        List<String> etagParts = new ArrayList<>();
        etagParts.add(HttpCaching.etag(article.id(), article.version()).getValue());
        etagParts.add(status.name());
        etagParts.add(String.valueOf(article.commentCount()));
        ReadDependencies.on(ArticleKeys.article(article.id()));
        Instant modified = article.updatedAt();
        if (article.publicAt(now) && article.publishedAt().isAfter(modified)) {
            modified = article.publishedAt();
        }
        // the tags' names and types are shown: they are in the validators, and a single read depends on them (lists
        // depend on every article change and tag change already, through their own key; their keys stay short)
        List<TagRef> shownTags = new ArrayList<>(article.tags());
        if (article.section() != null) {
            shownTags.add(article.section());
        }
        for (TagRef tag : shownTags) {
            etagParts.add(tag.slug() + ":" + tag.name() + ":" + tag.type());
            if (tag.id() != null && single) {
                ReadDependencies.on(ArticleKeys.tag(tag.id()));
            }
        }
        // so are the credited authors' names
        for (ContributorInput.Stored credit : article.contributors()) {
            AuthorView author = credit.authorId() == null ? null : byline.get(credit.authorId());
            if (author != null) {
                etagParts.add(author.etag().getValue());
                modified = author.updatedAt().isAfter(modified) ? author.updatedAt() : modified;
            }
        }
        for (AuthorView writer : writers) {
            etagParts.add(writer.etag().getValue());
            modified = writer.updatedAt().isAfter(modified) ? writer.updatedAt() : modified;
        }
        if (body != null) {
            for (Block block : body) {
                if (block instanceof Block.Quote quote && quote.quotation() != null) {
                    etagParts.add(String.valueOf(quote.quotation()));
                }
            }
        }
        for (EmbeddedAsset asset : shown) {
            etagParts.add(asset.validator(now));
            Instant changed = asset.changedAt(now);
            modified = changed.isAfter(modified) ? changed : modified;
        }
        ArticleView.Validators validators = new ArticleView.Validators(HttpCaching.etagOf(etagParts), modified);
        boolean wasPublished = status == ArticleStatus.published || status == ArticleStatus.expired
                || status == ArticleStatus.archived;
        return new ArticleView(article.id(), article.slug(), article.title(), article.subtitle(), article.excerpt(),
                lead == null ? null : lead.image(article.image(), size),
                status,
                wasPublished ? article.publishedAt() : null,
                status == ArticleStatus.scheduled ? article.publishedAt() : null,
                article.unpublishAt(),
                article.createdAt(), article.updatedAt(), article.version(), article.canonicalUrl(),
                article.commentsOpen(), article.commentCount(), article.wordCount(),
                Markup.readingMinutes(article.wordCount()),
                writers.stream().map(ArticleAuthor::from).toList(),
                breadcrumb(article, writers),
                seo,
                social,
                credits(article, byline),
                article.section(),
                article.rights().syndicatable(),
                staff.getAsBoolean() ? article.rights().legallySensitive() : null,
                article.rights().embargo() && status == ArticleStatus.scheduled ? article.publishedAt() : null,
                article.tags(),
                body,
                article.corrections(),
                withHtml ? Markup.html(body, mediaBase) + Markup.correctionsNotice(article.corrections()) : null,
                snippet,
                validators,
                lead);
    }

    /** The search fields: the overrides where given, else the article's title, excerpt (or subtitle) and URL. */
    private SeoView seo(ArticleSummary article) {
        SeoInput given = article.seo() == null ? new SeoInput(null, null, null, null) : article.seo();
        String description = given.description() != null ? given.description()
                : article.excerpt() != null ? article.excerpt() : article.subtitle();
        String url = given.canonicalUrl() != null ? given.canonicalUrl() : article.canonicalUrl() != null
                ? article.canonicalUrl() : site.articleUrl().replace("{slug}", article.slug());
        return new SeoView(given.title() != null ? given.title() : article.title(), description, url,
                Boolean.TRUE.equals(given.noindex()));
    }

    /**
     * The social card: the overrides where given, else the search fields; its image the override's or the lead
     * image, cropped to 1200 x 630 with an absolute URL ({@code shown} learns of the asset, for the validators).
     */
    private SocialView social(ArticleSummary article, SeoView seo, Map<UUID, EmbeddedAsset> images,
            List<EmbeddedAsset> shown, Instant now) {
        SocialInput given = article.social() == null ? new SocialInput(null, null, null) : article.social();
        com.magazine.content.asset.ImageUse use = given.image() != null ? given.image() : article.image();
        EmbeddedAsset asset = use == null ? null : images.get(use.assetId());
        SocialView.Card card = null;
        if (asset != null) {
            shown.add(asset);
            if (asset.shownAt(now)) {
                EmbeddedAsset.ImageFile file = asset.social();
                card = new SocialView.Card(mediaBase + file.path(), file.width(), file.height(), file.mediaType(),
                        use.alt() != null ? use.alt() : asset.alt());
            }
        }
        return new SocialView(given.title() != null ? given.title() : seo.title(),
                given.description() != null ? given.description() : seo.description(), seo.canonicalUrl(), card);
    }

    /** The credits beside the byline: free names as written, authors with their current name and page. */
    private List<ArticleContributor> credits(ArticleSummary article, Map<UUID, AuthorView> authors) {
        List<ArticleContributor> credits = new ArrayList<>(article.contributors().size());
        for (ContributorInput.Stored credit : article.contributors()) {
            if (credit.authorId() == null) {
                credits.add(new ArticleContributor(credit.role(), credit.name(), null, null));
            } else {
                AuthorView author = authors.get(credit.authorId());
                if (author != null) {
                    credits.add(new ArticleContributor(credit.role(), author.name(), author.slug(),
                            site.authorUrl().replace("{slug}", author.slug())));
                }
            }
        }
        return credits;
    }

    /**
     * Home / the section (or, without one, the first author, as on the seed page) / the title, with the website's own
     * URLs.
     */
    private List<BreadcrumbItem> breadcrumb(ArticleSummary article, List<AuthorView> writers) {
        List<BreadcrumbItem> steps = new ArrayList<>(3);
        steps.add(new BreadcrumbItem(site.name(), site.url()));
        if (article.section() != null) {
            steps.add(new BreadcrumbItem(article.section().name(),
                    site.tagUrl().replace("{slug}", article.section().slug())));
        } else if (!writers.isEmpty()) {
            steps.add(new BreadcrumbItem(writers.get(0).name(), site.authorUrl().replace("{slug}", writers.get(0).slug())));
        }
        String url = article.canonicalUrl() != null ? article.canonicalUrl()
                : site.articleUrl().replace("{slug}", article.slug());
        steps.add(new BreadcrumbItem(article.title() == null ? article.slug() : article.title(), url));
        return steps;
    }

    /** The body with what its blocks refer to filled in; image blocks whose rights expired are left out. */
    private static List<Block> embed(List<Block> body, Map<UUID, QuotationEmbed> quoted,
            Map<UUID, EmbeddedAsset> images, EmbeddedAsset.Size size, Instant now) {
        List<Block> embedded = new ArrayList<>(body.size());
        for (Block block : body) {
            if (block instanceof Block.Quote quote) {
                embedded.add(quote.withQuotation(quoted.get(quote.quotationId())));
            } else if (block instanceof Block.Image image) {
                EmbeddedAsset asset = images.get(image.assetId());
                if (asset != null && asset.shownAt(now)) {
                    embedded.add(image.withImage(asset.image(image.use(), size)));
                }
            } else {
                embedded.add(block);
            }
        }
        return embedded;
    }

    ArticleView full(Article article) {
        articles.flush();   // the version a view shows is the one stored
        return views(List.of(article.summary()), ArticleFields.FULL, Map.of(), Timestamps.now(),
                EmbeddedAsset.Size.PAGE).get(0);
    }
}
