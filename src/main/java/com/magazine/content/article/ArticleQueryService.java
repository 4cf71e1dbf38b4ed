package com.magazine.content.article;

import com.magazine.content.asset.EmbeddedAsset;

import com.magazine.content.access.Caller;
import com.magazine.content.author.AuthorService;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.http.ReadDependencies;
import com.magazine.content.common.json.FieldSelection;
import com.magazine.content.common.paging.Cursors;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The read side of articles: lists and searches (a constant number of statements whatever their length), one article,
 * related articles, tags, revisions. What the caller may see is decided by {@link ArticleAccess}.
 */
@ApplicationScoped
public class ArticleQueryService {

    private final ArticleRepository articles;
    private final ArticleListRepository lists;
    private final RevisionRepository revisions;
    private final TagRepository tags;
    private final AuthorService authors;
    private final Instance<Caller> caller;
    private final Cursors cursors;
    private final ArticleAccess access;
    private final ArticleViews articleViews;

    ArticleQueryService(ArticleRepository articles, ArticleListRepository lists, RevisionRepository revisions, TagRepository tags,
            AuthorService authors, Instance<Caller> caller, Cursors cursors, ArticleAccess access,
            ArticleViews articleViews) {
        this.articles = articles;
        this.lists = lists;
        this.revisions = revisions;
        this.tags = tags;
        this.authors = authors;
        this.caller = caller;
        this.cursors = cursors;
        this.access = access;
        this.articleViews = articleViews;
    }

    static final int MAX_RELATED = 20;

    /** The filters and order of a list, as the client gave them (slugs, not ids). */
    public record ListRequest(String author, String tag, String section, String contributor,
            ContributorRole contributorRole, List<ArticleStatus> statuses, Instant publishedAfter,
            Instant publishedBefore, String query, ArticleOrder sort, boolean count, boolean syndicatedOnly) {

        public ListRequest(String author, String tag, String section, String contributor,
                ContributorRole contributorRole, List<ArticleStatus> statuses, Instant publishedAfter,
                Instant publishedBefore, String query, ArticleOrder sort, boolean count) {
            this(author, tag, section, contributor, contributorRole, statuses, publishedAfter, publishedBefore, query,
                    sort, count, false);
        }
    }

    @ActivateRequestContext
    public Page<ArticleView> list(ListRequest request, PageRequest page, FieldSelection selection) {
        articles.readOnly();
        ReadDependencies.on(ArticleKeys.PUBLIC_ARTICLES);
        Instant now = Timestamps.now();
        ArticleListRepository.Visibility visibility = access.visibility();
        if (request.statuses() != null && !visibility.staff() && visibility.ownAuthor() == null
                && !request.statuses().equals(List.of(ArticleStatus.published))) {
            throw Problems.forbidden("Only editors and authors may list articles that are not published.");
        }
        if (request.sort() == ArticleOrder.relevance && request.query() == null) {
            throw Problems.invalid(List.of(Map.of("field", "sort", "in", "query", "message",
                    "relevance needs a search: give q too")));
        }
        UUID author = null;
        if (request.author() != null) {
            author = authors.idOf(request.author()).orElse(null);
            if (author == null) {
                return empty(request);
            }
        }
        TagFilter.Resolved tagFilter = TagFilter.NONE;
        if (request.tag() != null) {
            TagFilter parsed = TagFilter.parse(request.tag());
            tagFilter = parsed.resolve(tags.idsBySlug(parsed.slugs()));
            if (tagFilter == null) {
                return empty(request); // a term that nothing can match
            }
        }
        UUID section = null;
        if (request.section() != null) {
            section = tags.findBySlug(request.section()).map(Tag::id).orElse(null);
            if (section == null) {
                return empty(request);
            }
        }
        List<ArticleStatus> statuses = request.statuses() == null ? List.of(ArticleStatus.published) : request.statuses();
        ArticleListRepository.Credit credit = null;
        if (request.contributor() != null) {
            UUID contributor = authors.idOf(request.contributor()).orElse(null);
            if (contributor == null) {
                return empty(request);
            }
            credit = new ArticleListRepository.Credit(contributor, request.contributorRole());
        }
        ArticleListRepository.Filter filter = new ArticleListRepository.Filter(visibility, author, tagFilter, section,
                credit, statuses,
                request.publishedAfter(), request.publishedBefore(), request.query(), request.syndicatedOnly());
        String list = listName(request);
        String afterKey = null;
        UUID afterId = null;
        if (!page.first()) {
            List<String> keys = cursors.decode(list, page.cursor(), 2);
            afterKey = keys.get(0);
            afterId = Cursors.uuid(keys.get(1));
            checkKey(request.sort(), afterKey);
        }
        List<ArticleListRepository.Row> rows = lists.page(filter, request.sort(), afterKey, afterId, page.limit() + 1, now);
        boolean more = rows.size() > page.limit();
        List<ArticleListRepository.Row> served = more ? rows.subList(0, page.limit()) : rows;
        String next = null;
        if (more) {
            ArticleListRepository.Row last = served.get(served.size() - 1);
            next = cursors.encode(list, last.key(), last.id().toString());
        }
        Map<UUID, String> snippets = new LinkedHashMap<>();
        served.forEach(row -> snippets.put(row.id(), Snippets.of(row.text(), row.query())));
        List<ArticleView> views = articleViews.views(served.stream().map(ArticleListRepository.Row::article).toList(), selection,
                snippets, now, EmbeddedAsset.Size.SMALL);
        Page<ArticleView> result = new Page<>(views, next);
        return request.count() ? result.withTotal(lists.count(filter, now)) : result;
    }

    /** The articles of one author, as {@link #list}; an unknown author is a 404. */
    @ActivateRequestContext
    public Page<ArticleView> listByAuthor(String authorSlug, ListRequest request, PageRequest page,
            FieldSelection selection) {
        if (authors.idOf(authorSlug).isEmpty()) {
            throw Problems.notFound("author", authorSlug);
        }
        ListRequest byAuthor = new ListRequest(authorSlug, request.tag(), request.section(), request.contributor(),
                request.contributorRole(), request.statuses(),
                request.publishedAfter(),
                request.publishedBefore(), request.query(), request.sort(), request.count());
        return list(byAuthor, page, selection);
    }

    /**
     * One article as the caller may see it; an old slug throws {@link SlugMoved}. Without a transaction, as every read
     * here: its few statements each see what was committed when they ran (as they would in a READ COMMITTED
     * transaction), without the BEGIN, the COMMIT and the transaction manager's work around them.
     */
    @ActivateRequestContext
    public ArticleView get(String slug, FieldSelection selection) {
        articles.readOnly();
        Instant now = Timestamps.now();
        ArticleListRepository.Found found = access.findVisibleToRead(slug, now,
                ArticleViews.showsBody(selection));
        return articleViews.view(found.summary(), found.body(), selection, now);
    }

    /** Public articles that share a tag or an author with this one, newest first. */
    @ActivateRequestContext
    public List<ArticleView> related(String slug, int limit, FieldSelection selection) {
        articles.readOnly();
        Instant now = Timestamps.now();
        ArticleSummary article = access.findVisibleToRead(slug, now, false).summary();
        ReadDependencies.on(ArticleKeys.PUBLIC_ARTICLES);
        return articleViews.views(lists.related(article, Math.min(limit, MAX_RELATED), now,
                access.visibility().partner()), selection,
                Map.of(), now, EmbeddedAsset.Size.SMALL);
    }

    @ActivateRequestContext
    public Page<TagView> tags(TagType type, PageRequest page) {
        ReadDependencies.on(ArticleKeys.PUBLIC_ARTICLES); // tags come and go, and are counted, with public articles
        String list = "tags:" + (type == null ? "slug" : type.name());
        String after = page.first() ? null : cursors.decode(list, page.cursor(), 1).get(0);
        List<TagView> rows = tags.pageWithCounts(type, after, page.limit() + 1, Timestamps.now(), caller.get().staff());
        return Page.of(rows, page.limit(), view -> view, view -> cursors.encode(list, view.slug()));
    }

    /** One tag with its count; one with no public article is unknown to the public, as in the list. */
    @ActivateRequestContext
    public TagView tag(String slug) {
        ReadDependencies.on(ArticleKeys.PUBLIC_ARTICLES);
        boolean staff = caller.get().staff();
        TagView view = tags.findBySlug(slug).map(tag -> tags.viewOf(tag, Timestamps.now(), staff))
                .filter(tag -> staff || tag.articleCount() > 0)
                .orElseThrow(() -> Problems.notFound("tag", slug));
        ReadDependencies.on(ArticleKeys.tag(view.id()));
        return view;
    }

    @Transactional
    public Page<RevisionView> revisions(String slug, PageRequest page) {
        Article article = access.findForWrite(slug);
        Integer before = page.first() ? null
                : Integer.valueOf(numberFrom(cursors.decode("revisions:" + article.id(), page.cursor(), 1).get(0)));
        return Page.of(revisions.page(article.id(), before, page.limit() + 1), page.limit(),
                revision -> RevisionView.of(revision, false),
                revision -> cursors.encode("revisions:" + article.id(), String.valueOf(revision.number())));
    }

    @Transactional
    public RevisionView revision(String slug, int number) {
        Article article = access.findForWrite(slug);
        return revisions.find(article.id(), number)
                .map(revision -> RevisionView.of(revision, true))
                .orElseThrow(() -> Problems.notFound("revision", slug + "/" + number));
    }

    private Page<ArticleView> empty(ListRequest request) {
        Page<ArticleView> empty = new Page<>(List.of(), null);
        return request.count() ? empty.withTotal(0) : empty;
    }

    private static String listName(ListRequest request) {
        String filters = String.join("|", String.valueOf(request.author()), String.valueOf(request.tag()),
                String.valueOf(request.section()), String.valueOf(request.contributor()),
                String.valueOf(request.contributorRole()), String.valueOf(request.syndicatedOnly()),
                String.valueOf(request.statuses()), String.valueOf(request.publishedAfter()),
                String.valueOf(request.publishedBefore()), String.valueOf(request.query()));
        return "articles:" + request.sort() + ":" + HttpCaching.etagOf(List.of(filters)).getValue().substring(0, 10);
    }

    private static void checkKey(ArticleOrder sort, String key) {
        try {
            switch (sort) {
                case newest, oldest -> Cursors.instant(key);
                case relevance -> Float.parseFloat(key);
                case title -> { }
            }
        } catch (RuntimeException e) {
            throw Cursors.invalid();
        }
    }

    private static String numberFrom(String key) {
        try {
            return String.valueOf(Integer.parseInt(key));
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }
}
