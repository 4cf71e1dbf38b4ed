package com.magazine.content.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.magazine.content.access.Caller;
import com.magazine.content.access.Role;
import com.magazine.content.author.AuthorService;
import com.magazine.content.author.AuthorView;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.events.Change;
import com.magazine.content.common.events.ChangeLog;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.http.IfMatch;
import com.magazine.content.common.json.FieldSelection;
import com.magazine.content.common.json.MergePatch;
import com.magazine.content.common.paging.Cursors;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import com.magazine.content.common.text.Slugs;
import com.magazine.content.common.text.Text;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The rules of articles: who sees and writes what, the lifecycle (draft, scheduled, published, archived), slugs and
 * their history, revisions, and lists that cost the same whatever their size.
 */
@ApplicationScoped
public class ArticleService {

    /** Every member of an article. */
    public static final FieldSelection ALL = FieldSelection.allOf(ArticleView.class);
    /** What a single read sends unless {@code fields} says otherwise. */
    public static final FieldSelection FULL = FieldSelection.of(ALL, List.of("id", "slug", "title", "subtitle",
            "excerpt", "status", "publishedAt", "scheduledAt", "createdAt", "updatedAt", "version", "canonicalUrl",
            "commentsOpen", "commentCount", "wordCount", "readingTimeMinutes", "authors", "tags", "body"));
    /** What a list item sends unless {@code fields} says otherwise: no body. */
    public static final FieldSelection SUMMARY = FieldSelection.of(ALL, List.of("id", "slug", "title", "subtitle",
            "excerpt", "status", "publishedAt", "scheduledAt", "updatedAt", "readingTimeMinutes", "commentCount",
            "authors.slug", "authors.name", "tags", "snippet"));

    static final int MAX_RELATED = 20;

    private final ArticleRepository articles;
    private final RevisionRepository revisions;
    private final TagRepository tags;
    private final AuthorService authors;
    private final Instance<QuotationLookup> quotations;
    private final Instance<Caller> caller;
    private final Cursors cursors;
    private final MergePatch mergePatch;
    private final ObjectMapper json;
    private final ChangeLog changes;

    ArticleService(ArticleRepository articles, RevisionRepository revisions, TagRepository tags, AuthorService authors,
            Instance<QuotationLookup> quotations, Instance<Caller> caller, Cursors cursors, MergePatch mergePatch,
            ObjectMapper json, ChangeLog changes) {
        this.articles = articles;
        this.revisions = revisions;
        this.tags = tags;
        this.authors = authors;
        this.quotations = quotations;
        this.caller = caller;
        this.cursors = cursors;
        this.mergePatch = mergePatch;
        this.json = json;
        this.changes = changes;
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /** The filters and order of a list, as the client gave them (slugs, not ids). */
    public record ListRequest(String author, String tag, List<ArticleStatus> statuses, Instant publishedAfter,
            Instant publishedBefore, String query, ArticleOrder sort, boolean count) {
    }

    @Transactional
    public Page<ArticleView> list(ListRequest request, PageRequest page, FieldSelection selection) {
        articles.readOnly();
        Instant now = Timestamps.now();
        ArticleRepository.Visibility visibility = visibility();
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
        UUID tag = null;
        if (request.tag() != null) {
            tag = tags.findBySlug(request.tag()).map(Tag::id).orElse(null);
            if (tag == null) {
                return empty(request);
            }
        }
        List<ArticleStatus> statuses = request.statuses() == null ? List.of(ArticleStatus.published) : request.statuses();
        ArticleRepository.Filter filter = new ArticleRepository.Filter(visibility, author, tag, statuses,
                request.publishedAfter(), request.publishedBefore(), request.query());
        String list = listName(request);
        String afterKey = null;
        UUID afterId = null;
        if (!page.first()) {
            List<String> keys = cursors.decode(list, page.cursor(), 2);
            afterKey = keys.get(0);
            afterId = Cursors.uuid(keys.get(1));
            checkKey(request.sort(), afterKey);
        }
        List<ArticleRepository.Row> rows = articles.page(filter, request.sort(), afterKey, afterId, page.limit() + 1, now);
        boolean more = rows.size() > page.limit();
        List<ArticleRepository.Row> served = more ? rows.subList(0, page.limit()) : rows;
        String next = null;
        if (more) {
            ArticleRepository.Row last = served.get(served.size() - 1);
            next = cursors.encode(list, last.key(), last.id().toString());
        }
        Map<UUID, String> snippets = new LinkedHashMap<>();
        served.forEach(row -> snippets.put(row.id(), Snippets.of(row.text(), row.query())));
        List<ArticleView> views = views(served.stream().map(ArticleRepository.Row::article).toList(), selection,
                snippets, now);
        Page<ArticleView> result = new Page<>(views, next);
        return request.count() ? result.withTotal(articles.count(filter, now)) : result;
    }

    /** The articles of one author, as {@link #list}; an unknown author is a 404. */
    @Transactional
    public Page<ArticleView> listByAuthor(String authorSlug, ListRequest request, PageRequest page,
            FieldSelection selection) {
        if (authors.idOf(authorSlug).isEmpty()) {
            throw Problems.notFound("author", authorSlug);
        }
        ListRequest byAuthor = new ListRequest(authorSlug, request.tag(), request.statuses(), request.publishedAfter(),
                request.publishedBefore(), request.query(), request.sort(), request.count());
        return list(byAuthor, page, selection);
    }

    /** One article as the caller may see it; an old slug throws {@link SlugMoved}. */
    @Transactional
    public ArticleView get(String slug, FieldSelection selection) {
        articles.readOnly();
        Instant now = Timestamps.now();
        return views(List.of(findVisible(slug, now).summary()), selection, Map.of(), now).get(0);
    }

    /** Public articles that share a tag or an author with this one, newest first. */
    @Transactional
    public List<ArticleView> related(String slug, int limit, FieldSelection selection) {
        articles.readOnly();
        Instant now = Timestamps.now();
        Article article = findVisible(slug, now);
        return views(articles.summaries(articles.related(article, Math.min(limit, MAX_RELATED), now)), selection,
                Map.of(), now);
    }

    @Transactional
    public Page<TagView> tags(PageRequest page) {
        String after = page.first() ? null : cursors.decode("tags:slug", page.cursor(), 1).get(0);
        List<TagView> rows = tags.pageWithCounts(after, page.limit() + 1, Timestamps.now(), caller.get().staff());
        return Page.of(rows, page.limit(), view -> view, view -> cursors.encode("tags:slug", view.slug()));
    }

    @Transactional
    public Page<RevisionView> revisions(String slug, PageRequest page) {
        Article article = findForWrite(slug);
        Integer before = page.first() ? null
                : Integer.valueOf(numberFrom(cursors.decode("revisions:" + article.id(), page.cursor(), 1).get(0)));
        return Page.of(revisions.page(article.id(), before, page.limit() + 1), page.limit(),
                revision -> RevisionView.of(revision, false),
                revision -> cursors.encode("revisions:" + article.id(), String.valueOf(revision.number())));
    }

    @Transactional
    public RevisionView revision(String slug, int number) {
        Article article = findForWrite(slug);
        return revisions.find(article.id(), number)
                .map(revision -> RevisionView.of(revision, true))
                .orElseThrow(() -> Problems.notFound("revision", slug + "/" + number));
    }

    /**
     * For the quotation feature: the articles citing each of these quotations, newest first. Editors see every
     * article; everyone else the published ones.
     */
    @Transactional
    public Map<UUID, List<ArticleRef>> usages(java.util.Collection<UUID> quotationIds) {
        return usages(quotationIds, caller.get().staff());
    }

    /**
     * For the quotation feature: whether an article that {@code authorId} does not write embeds the quotation
     * (drafts included), which keeps an author's key from changing what another author's article shows.
     */
    @Transactional
    public boolean quotedByOthersThan(UUID quotationId, UUID authorId) {
        return articles.countQuotingWithoutAuthor(quotationId, authorId) > 0;
    }

    /** As {@link #usages(java.util.Collection)}, counting every article whoever asks: what blocks a deletion. */
    @Transactional
    public Map<UUID, List<ArticleRef>> allUsages(java.util.Collection<UUID> quotationIds) {
        return usages(quotationIds, true);
    }

    private Map<UUID, List<ArticleRef>> usages(java.util.Collection<UUID> quotationIds, boolean all) {
        Instant now = Timestamps.now();
        Map<UUID, List<ArticleRef>> byQuotation = new LinkedHashMap<>();
        for (ArticleRepository.Usage usage : articles.usages(quotationIds, all, now)) {
            ArticleStatus status = switch (usage.state()) {
                case draft -> ArticleStatus.draft;
                case archived -> ArticleStatus.archived;
                case published -> usage.publishedAt().isAfter(now) ? ArticleStatus.scheduled : ArticleStatus.published;
            };
            byQuotation.computeIfAbsent(usage.quotationId(), id -> new ArrayList<>()).add(new ArticleRef(usage.slug(),
                    usage.title(), status, status == ArticleStatus.draft ? null : usage.publishedAt()));
        }
        return byQuotation;
    }

    /**
     * For the quotation feature: the quotations an article cites, in order of appearance, once each; a 404 when the
     * caller may not see it, a {@link SlugMoved} for an old slug.
     */
    @Transactional
    public List<UUID> quotationIdsOf(String slug) {
        return findVisible(slug, Timestamps.now()).quotationIds().stream().distinct().toList();
    }

    /** As {@link #quotationIdsOf(String)} for a filter: empty when there is no such article the caller may see. */
    @Transactional
    public Optional<List<UUID>> quotationIdsIfVisible(String slug) {
        Instant now = Timestamps.now();
        return articles.findBySlug(slug).filter(article -> canSee(article, now))
                .map(article -> article.quotationIds().stream().distinct().toList());
    }

    /** What the comment feature needs of an article it posts under. */
    public record CommentTarget(UUID id, ArticleStatus status, boolean commentsOpen) {
    }

    /**
     * For the comment feature: the article readers comment on, if the caller may see it; an old slug is a
     * {@link SlugMoved} when {@code followOldSlugs}, else a 404.
     */
    @Transactional
    public CommentTarget commentTarget(String slug, boolean followOldSlugs) {
        Instant now = Timestamps.now();
        // an archived article was public: the poster is told that it is archived rather than that it does not exist
        Article article = followOldSlugs ? findVisible(slug, now)
                : articles.findBySlug(slug).filter(a -> canSee(a, now) || a.state() == Article.State.archived)
                        .orElseThrow(() -> Problems.notFound("article", slug));
        return new CommentTarget(article.id(), article.statusAt(now), article.commentsOpen());
    }

    /** For the comment feature: whether the caller may moderate under this article (editors, its own authors). */
    @Transactional
    public boolean writes(UUID articleId) {
        return articles.findByIdOptional(articleId).filter(this::canWrite).isPresent();
    }

    /** A public article as a sitemap lists it. */
    public record SitemapEntry(String url, String title, Instant publishedAt, Instant lastModified) {
    }

    /** For sitemaps: how many articles are public now. */
    @Transactional
    public long publicCount() {
        return articles.countPublic(Timestamps.now());
    }

    /** For sitemaps: the months (YYYY-MM, UTC) with public articles, oldest first. */
    @Transactional
    public List<String> publicMonths() {
        return articles.publicMonths(Timestamps.now());
    }

    /**
     * For sitemaps: public articles published in [{@code from}, {@code to}) (capped at now), newest first, with the
     * URL of their page ({@code urlTemplate} with {slug}, unless they have a canonical URL).
     */
    @Transactional
    public List<SitemapEntry> publicBetween(Instant from, Instant to, int limit, String urlTemplate) {
        Instant now = Timestamps.now();
        return articles.publicBetween(from, to.isAfter(now) ? now : to, limit).stream()
                .map(a -> new SitemapEntry(a.canonicalUrl() != null ? a.canonicalUrl()
                        : urlTemplate.replace("{slug}", a.slug()), a.title(), a.publishedAt(), a.lastModified()))
                .toList();
    }

    /** For feeds: a tag by its slug. */
    @Transactional
    public Optional<TagRef> tag(String slug) {
        return tags.findBySlug(slug).map(TagRef::from);
    }

    /** For feeds: the author and tag slugs of an article, whatever its status (empty when it is gone). */
    @Transactional
    public Optional<Filing> filingOf(UUID articleId) {
        return articles.findByIdOptional(articleId).map(article -> new Filing(
                List.copyOf(slugsOf(article.authorIds()).values()),
                article.tags().stream().map(Tag::slug).toList()));
    }

    /** Where an article is filed: its authors and tags, by slug. */
    public record Filing(List<String> authors, List<String> tags) {
    }

    /** For the comment feature: the ids of the articles with this author in the byline. */
    @Transactional
    public List<UUID> idsByAuthor(UUID authorId) {
        return articles.idsByAuthor(authorId);
    }

    /** For other features: these articles by reference, whatever their status. */
    @Transactional
    public Map<UUID, ArticleRef> refsOf(java.util.Collection<UUID> ids) {
        articles.readOnly();
        Instant now = Timestamps.now();
        Map<UUID, ArticleRef> refs = new LinkedHashMap<>();
        for (Article article : articles.load(List.copyOf(new LinkedHashSet<>(ids)))) {
            ArticleStatus status = article.statusAt(now);
            refs.put(article.id(), new ArticleRef(article.slug(), article.title(), status,
                    status == ArticleStatus.draft ? null : article.publishedAt()));
        }
        return refs;
    }

    /** Whether an article has this slug now, whoever may see it (for loaders that must not write twice). */
    @Transactional
    public boolean exists(String slug) {
        return articles.findBySlug(slug).isPresent();
    }

    // ---------------------------------------------------------------------------------------------------- writing

    @Transactional
    public ArticleView create(ArticleInput input) {
        Resolved resolved = resolve(input);
        requireOwnByline(resolved.authorIds());
        String slug = input.slug() != null ? claim(input.slug(), null) : freeSlugFor(input.title());
        Article article = save(new Article(slug, resolved.content()));
        record(article, "create");
        announce(article, "created", null);
        return full(article);
    }

    /** Full update (PUT): every field is replaced; a left-out slug keeps the current one. */
    @Transactional
    public ArticleView replace(String slug, ArticleInput input, IfMatch ifMatch) {
        return update(findForWrite(slug, ifMatch), input, "update");
    }

    /** JSON merge patch, applied to the article as written, then checked and saved like a full update. */
    @Transactional
    public ArticleView patch(String slug, JsonNode patch, IfMatch ifMatch) {
        Article article = findForWrite(slug, ifMatch);
        ArticleInput input = mergePatch.apply(asInput(article, slugsOf(article.authorIds())), patch);
        if (input.slug() == null) {
            throw Problems.unprocessable("slug", "cannot be removed; send a new slug to rename the article");
        }
        return update(article, input, "update");
    }

    /** Restores the content of an old revision (not its lifecycle): an update like any other. */
    @Transactional
    public ArticleView restore(String slug, int number, IfMatch ifMatch) {
        Article article = findForWrite(slug, ifMatch);
        ArticleRevision revision = revisions.find(article.id(), number)
                .orElseThrow(() -> Problems.notFound("revision", slug + "/" + number));
        Map<UUID, String> slugs = authors.slugsOf(revision.snapshot().authorIds());
        List<String> byline = revision.snapshot().authorIds().stream().map(slugs::get).filter(Objects::nonNull).toList();
        if (byline.isEmpty()) {
            throw Problems.conflict("authors-gone", "The authors of revision " + number + " no longer exist.");
        }
        ArticleInput old = revision.snapshot().content();
        ArticleInput input = new ArticleInput(article.slug(), old.title(), old.subtitle(), old.excerpt(), byline,
                old.tags(), old.canonicalUrl(), old.commentsOpen(), old.body());
        return update(article, input, "restore");
    }

    /** Publishes now, or at {@code at}: a future instant schedules the article, a past one backdates it. */
    @Transactional
    public ArticleView publish(String slug, Instant at, IfMatch ifMatch) {
        Instant now = Timestamps.now();
        Article article = findForWrite(slug, ifMatch);
        ArticleStatus status = article.statusAt(now);
        if (status == ArticleStatus.published) {
            throw Problems.conflict("already-published", "The article is published already; unpublish it first to "
                    + "publish it again.");
        }
        if (status == ArticleStatus.archived) {
            throw Problems.conflict("archived", "The article is archived; unpublish it first to publish it again.");
        }
        Map<String, String> missing = new LinkedHashMap<>();
        if (article.title() == null) {
            missing.put("title", "is required to publish");
        }
        if (article.body().isEmpty()) {
            missing.put("body", "is required to publish");
        }
        if (!missing.isEmpty()) {
            throw Problems.unprocessable(missing);
        }
        boolean isPublic = article.publish(at == null ? now : at.truncatedTo(java.time.temporal.ChronoUnit.MICROS), now);
        return transitioned(article, "publish", isPublic ? "published" : "scheduled",
                isPublic ? Change.Op.upsert : null);
    }

    /** Back to draft, out of public view. */
    @Transactional
    public ArticleView unpublish(String slug, IfMatch ifMatch) {
        Article article = findForWrite(slug, ifMatch);
        if (article.state() == Article.State.draft) {
            throw Problems.conflict("not-published", "The article is a draft already.");
        }
        Change.Op seen = article.announced() ? Change.Op.delete : null;
        article.unpublish();
        return transitioned(article, "unpublish", "unpublished", seen);
    }

    /** Out of lists and public view; editors still read it. Only a published article is archived. */
    @Transactional
    public ArticleView archive(String slug, IfMatch ifMatch) {
        Article article = findForWrite(slug, ifMatch);
        if (article.statusAt(Timestamps.now()) != ArticleStatus.published) {
            throw Problems.conflict("not-published", "Only a published article can be archived.");
        }
        Change.Op seen = article.announced() ? Change.Op.delete : null;
        article.archive();
        return transitioned(article, "archive", "archived", seen);
    }

    @Transactional
    public void delete(String slug, IfMatch ifMatch) {
        Article article = findForWrite(slug, ifMatch);
        changes.record(new Change("article", article.id(), article.slug(),
                article.announced() ? Change.Op.delete : null, Change.Op.delete, "deleted", article.version()));
        articles.delete(article);
        articles.flush();
    }


    // ---------------------------------------------------------------------------------------------------- internals

    private ArticleView update(Article article, ArticleInput input, String action) {
        Resolved resolved = resolve(input);
        requireOwnByline(resolved.authorIds());
        String oldSlug = article.slug();
        String newSlug = input.slug() != null && !input.slug().equals(oldSlug) ? claim(input.slug(), article.id()) : null;
        article.revise(newSlug, resolved.content());
        save(article);
        if (newSlug != null) {
            articles.rememberSlug(article.id(), oldSlug, Timestamps.now());
        }
        record(article, action);
        announce(article, action.equals("restore") ? "restored" : "updated",
                article.announced() ? Change.Op.upsert : null);
        return full(article);
    }

    private ArticleView transitioned(Article article, String action, String event, Change.Op publicOp) {
        save(article);
        record(article, action);
        announce(article, event, publicOp);
        return full(article);
    }

    /** Records the change for the change feed and webhooks, in this transaction. */
    private void announce(Article article, String event, Change.Op publicOp) {
        changes.record(new Change("article", article.id(), article.slug(), publicOp, Change.Op.upsert, event,
                article.version()));
    }

    /**
     * Announces the scheduled articles whose instant has passed: they went public by themselves when read; now the
     * change feed and webhooks learn of it too. Safe on several instances at once (rows are claimed with SKIP LOCKED).
     *
     * @return how many were announced
     */
    @Transactional
    public int announceDue() {
        Instant now = Timestamps.now();
        List<Article> due = articles.load(articles.claimDueAnnouncements(now, 100));
        for (Article article : due) {
            article.announce(now);
            save(article);
            announce(article, "published", Change.Op.upsert);
        }
        return due.size();
    }

    /** What an input names, resolved: authors by slug, tags by name, the body sanitised and its quotations found. */
    private Resolved resolve(ArticleInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> authorSlugs = input.authors().stream().distinct().toList();
        Map<String, UUID> ids = authors.idsBySlug(authorSlugs);
        for (int i = 0; i < input.authors().size(); i++) {
            if (!ids.containsKey(input.authors().get(i))) {
                problems.put("authors[" + i + "]", "no author has the slug '" + input.authors().get(i) + "'");
            }
        }
        Map<String, String> tagNames = new LinkedHashMap<>();
        for (int i = 0; i < input.tags().size(); i++) {
            String name = Text.line(input.tags().get(i));
            String tagSlug = name == null ? "" : Slugs.of(name);
            if (tagSlug.isEmpty()) {
                problems.put("tags[" + i + "]", "needs at least one letter or digit");
            } else {
                tagNames.putIfAbsent(tagSlug, name);
            }
        }
        List<Block> body = Markup.sanitise(input.body()).stream().filter(ArticleService::hasContent).toList();
        Map<UUID, QuotationEmbed> quoted = quotationsOf(body);
        for (int i = 0; i < input.body().size(); i++) {
            if (input.body().get(i) instanceof Block.Quote quote && !quoted.containsKey(quote.quotationId())) {
                problems.put("body[" + i + "].quotationId", "no quotation has the id " + quote.quotationId());
            }
        }
        if (!problems.isEmpty()) {
            throw Problems.unprocessable(problems);
        }
        Map<String, Tag> found = tagNames.isEmpty() ? Map.of() : tags.findOrCreate(tagNames, Timestamps.now());
        List<UUID> authorIds = authorSlugs.stream().map(ids::get).toList();
        Article.Content content = new Article.Content(input.title(), input.subtitle(), input.excerpt(),
                input.canonicalUrl(), input.commentsOpenOrDefault(), body, Markup.plainText(body, quoted), authorIds,
                tagNames.keySet().stream().map(found::get).toList());
        return new Resolved(content, authorIds);
    }

    private record Resolved(Article.Content content, List<UUID> authorIds) {
    }

    private static boolean hasContent(Block block) {
        if (block instanceof Block.Paragraph p) {
            return !p.text().isEmpty();
        }
        if (block instanceof Block.Heading h) {
            return !h.text().isEmpty();
        }
        if (block instanceof Block.ListBlock l) {
            return l.items().stream().anyMatch(item -> !item.isEmpty());
        }
        return true;
    }

    private Map<UUID, QuotationEmbed> quotationsOf(List<Block> body) {
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
    private List<ArticleView> views(List<ArticleSummary> page, FieldSelection selection, Map<UUID, String> snippets,
            Instant now) {
        Set<UUID> authorIds = new HashSet<>();
        for (ArticleSummary article : page) {
            authorIds.addAll(article.authorIds());
        }
        boolean withBody = selection.includes("body") || selection.includes("bodyHtml");
        Map<UUID, List<Block>> bodies = withBody
                ? articles.bodies(page.stream().map(ArticleSummary::id).toList()) : Map.of();
        Map<UUID, AuthorView> byline = authors.viewsOf(authorIds);
        Map<UUID, QuotationEmbed> quoted = quotationsOf(bodies.values().stream().flatMap(List::stream).toList());
        boolean withHtml = selection.includes("bodyHtml");
        return page.stream().map(article -> view(article, bodies.get(article.id()), byline, quoted, withHtml,
                snippets.get(article.id()), now)).toList();
    }

    /** The view of an article; {@code stored} is its body when the view shows it, else null. */
    private ArticleView view(ArticleSummary article, List<Block> stored, Map<UUID, AuthorView> byline,
            Map<UUID, QuotationEmbed> quoted, boolean withHtml, String snippet, Instant now) {
        ArticleStatus status = article.statusAt(now);
        List<AuthorView> writers = article.authorIds().stream().map(byline::get).filter(Objects::nonNull).toList();
        List<Block> body = stored == null ? null : embed(stored, quoted);
        List<String> etagParts = new ArrayList<>();
        etagParts.add(HttpCaching.etag(article.id(), article.version()).getValue());
        etagParts.add(status.name());
        etagParts.add(String.valueOf(article.commentCount()));
        Set<String> keys = new LinkedHashSet<>();
        keys.add("article:" + article.id());
        Instant modified = article.updatedAt();
        if (article.publicAt(now) && article.publishedAt().isAfter(modified)) {
            modified = article.publishedAt();
        }
        for (AuthorView writer : writers) {
            etagParts.add(writer.etag().getValue());
            keys.add(writer.surrogateKey());
            modified = writer.updatedAt().isAfter(modified) ? writer.updatedAt() : modified;
        }
        if (body != null) {
            for (Block block : body) {
                if (block instanceof Block.Quote quote && quote.quotation() != null) {
                    etagParts.add(String.valueOf(quote.quotation()));
                    keys.add("quotation:" + quote.quotationId());
                }
            }
        }
        ArticleView.Validators validators = new ArticleView.Validators(HttpCaching.etagOf(etagParts), modified,
                String.join(" ", keys));
        boolean wasPublished = status == ArticleStatus.published || status == ArticleStatus.archived;
        return new ArticleView(article.id(), article.slug(), article.title(), article.subtitle(), article.excerpt(),
                status,
                wasPublished ? article.publishedAt() : null,
                status == ArticleStatus.scheduled ? article.publishedAt() : null,
                article.createdAt(), article.updatedAt(), article.version(), article.canonicalUrl(),
                article.commentsOpen(), article.commentCount(), article.wordCount(),
                Markup.readingMinutes(article.wordCount()),
                writers.stream().map(ArticleAuthor::from).toList(),
                article.tags(),
                body,
                withHtml ? Markup.html(body) : null,
                snippet,
                validators);
    }

    private static List<Block> embed(List<Block> body, Map<UUID, QuotationEmbed> quoted) {
        return body.stream()
                .map(block -> block instanceof Block.Quote quote ? quote.withQuotation(quoted.get(quote.quotationId()))
                        : block)
                .toList();
    }

    private ArticleView full(Article article) {
        articles.flush();   // the version a view shows is the one stored
        return views(List.of(article.summary()), FULL, Map.of(), Timestamps.now()).get(0);
    }

    private Page<ArticleView> empty(ListRequest request) {
        Page<ArticleView> empty = new Page<>(List.of(), null);
        return request.count() ? empty.withTotal(0) : empty;
    }

    private ArticleRepository.Visibility visibility() {
        Caller who = caller.get();
        if (who.staff()) {
            return new ArticleRepository.Visibility(true, null);
        }
        if (who.has(Role.author)) {
            return new ArticleRepository.Visibility(false, who.authorId().orElse(null));
        }
        return ArticleRepository.Visibility.PUBLIC;
    }

    private boolean canSee(Article article, Instant now) {
        Caller who = caller.get();
        return article.publicAt(now) || who.staff()
                || who.authorId().filter(article.authorIds()::contains).isPresent();
    }

    private boolean canWrite(Article article) {
        Caller who = caller.get();
        return who.staff() || (who.has(Role.author) && who.authorId().filter(article.authorIds()::contains).isPresent());
    }

    /** The article the caller may see, by its slug or an old one (then {@link SlugMoved}); else a 404. */
    private Article findVisible(String slug, Instant now) {
        Optional<Article> article = articles.findBySlug(slug);
        if (article.isPresent() && canSee(article.get(), now)) {
            return article.get();
        }
        if (article.isEmpty()) {
            Optional<String> current = articles.currentSlugOf(slug);
            if (current.isPresent() && articles.findBySlug(current.get()).filter(a -> canSee(a, now)).isPresent()) {
                throw new SlugMoved(slug, current.get());
            }
        }
        throw Problems.notFound("article", slug);
    }

    private Article findForWrite(String slug) {
        Article article = articles.findBySlug(slug)
                .filter(a -> canSee(a, Timestamps.now()))
                .orElseThrow(() -> Problems.notFound("article", slug));
        if (!canWrite(article)) {
            throw Problems.forbidden("This key may only write articles that carry its author's byline.");
        }
        return article;
    }

    private Article findForWrite(String slug, IfMatch ifMatch) {
        Article article = findForWrite(slug);
        ifMatch.check(full(article).etag());
        return article;
    }

    /** An author key writes only articles with its author in the byline. */
    private void requireOwnByline(List<UUID> authorIds) {
        Caller who = caller.get();
        if (!who.staff() && who.has(Role.author) && who.authorId().filter(authorIds::contains).isEmpty()) {
            throw Problems.forbidden("An author key may only write articles that carry its own author's byline.");
        }
    }

    private String claim(String slug, UUID self) {
        if (articles.slugTaken(slug, self)) {
            throw slugTaken(slug);
        }
        return slug;
    }

    private String freeSlugFor(String title) {
        String base = title == null ? "" : Slugs.of(title);
        if (base.isEmpty()) {
            base = "untitled";
        }
        Set<String> taken = new HashSet<>(articles.slugsLike(base));
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private Article save(Article article) {
        try {
            articles.persistAndFlush(article);
            return article;
        } catch (PersistenceException e) {
            Throwable cause = e instanceof ConstraintViolationException ? e : e.getCause();
            if (cause instanceof ConstraintViolationException violation
                    && "article_slug_key".equals(violation.getConstraintName())) {
                throw slugTaken(article.slug());
            }
            throw e;
        }
    }

    private static RuntimeException slugTaken(String slug) {
        return Problems.conflict("slug-taken", "Another article has or had the slug '" + slug + "'.");
    }

    private Map<UUID, String> slugsOf(List<UUID> authorIds) {
        return authors.slugsOf(authorIds);
    }

    private static ArticleInput asInput(Article article, Map<UUID, String> authorSlugs) {
        return new ArticleInput(article.slug(), article.title(), article.subtitle(), article.excerpt(),
                article.authorIds().stream().map(authorSlugs::get).filter(Objects::nonNull).toList(),
                article.tags().stream().map(Tag::name).toList(), article.canonicalUrl(), article.commentsOpen(),
                article.body());
    }

    /** Stores a revision: the article as now written and which fields differ from the last revision. */
    private void record(Article article, String action) {
        ArticleInput content = asInput(article, slugsOf(article.authorIds()));
        ArticleStatus status = article.statusAt(Timestamps.now());
        ArticleRevision.Snapshot snapshot = new ArticleRevision.Snapshot(content, List.copyOf(article.authorIds()),
                status, article.publishedAt());
        Optional<ArticleRevision> last = revisions.latest(article.id());
        List<String> changes = changes(last.map(ArticleRevision::snapshot).orElse(null), snapshot);
        revisions.persist(new ArticleRevision(article.id(), last.map(r -> r.number() + 1).orElse(1), Timestamps.now(),
                caller.get().name(), action, changes, snapshot));
    }

    private List<String> changes(ArticleRevision.Snapshot before, ArticleRevision.Snapshot after) {
        JsonNode now = json.valueToTree(after.content());
        JsonNode then = before == null ? json.createObjectNode() : json.valueToTree(before.content());
        Set<String> changed = new LinkedHashSet<>();
        now.fieldNames().forEachRemaining(name -> {
            JsonNode value = now.get(name);
            boolean empty = value.isNull() || (value.isArray() && value.isEmpty());
            if (!Objects.equals(value, then.get(name)) && !(before == null && empty)) {
                changed.add(name);
            }
        });
        if (before == null || before.status() != after.status()) {
            changed.add("status");
        }
        if (before != null && !Objects.equals(before.publishedAt(), after.publishedAt())) {
            changed.add("publishedAt");
        }
        return List.copyOf(changed);
    }

    private static String listName(ListRequest request) {
        String filters = String.join("|", String.valueOf(request.author()), String.valueOf(request.tag()),
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
