package com.magazine.content.article;

import com.magazine.content.asset.AssetService;
import com.magazine.content.asset.EmbeddedAsset;
import com.magazine.content.asset.ImageUse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.magazine.content.access.Caller;
import com.magazine.content.access.Role;
import com.magazine.content.author.AuthorService;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.events.Change;
import com.magazine.content.common.events.ChangeLog;
import com.magazine.content.common.http.IfMatch;
import com.magazine.content.common.json.MergePatch;
import com.magazine.content.common.text.Slugs;
import com.magazine.content.common.text.Text;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The write side of articles: creating and revising them (every write stored as a revision), the lifecycle (draft,
 * scheduled, published, archived), slugs and their history, and the change each write records, with the surrogate keys
 * it purges.
 */
@ApplicationScoped
public class ArticleCommandService {

    private final ArticleRepository articles;
    private final RevisionRepository revisions;
    private final TagRepository tags;
    private final AuthorService authors;
    private final Instance<Caller> caller;
    private final MergePatch mergePatch;
    private final ObjectMapper json;
    private final ChangeLog changes;
    private final ArticleAccess access;
    private final ArticleViews articleViews;
    private final AssetService assets;

    ArticleCommandService(ArticleRepository articles, RevisionRepository revisions, TagRepository tags,
            AuthorService authors, Instance<Caller> caller, MergePatch mergePatch, ObjectMapper json,
            ChangeLog changes, ArticleAccess access, ArticleViews articleViews, AssetService assets) {
        this.assets = assets;
        this.articles = articles;
        this.revisions = revisions;
        this.tags = tags;
        this.authors = authors;
        this.caller = caller;
        this.mergePatch = mergePatch;
        this.json = json;
        this.changes = changes;
        this.access = access;
        this.articleViews = articleViews;
    }

    @Transactional
    public ArticleView create(ArticleInput input) {
        Resolved resolved = resolve(input, null);
        requireOwnByline(resolved.authorIds());
        String slug = input.slug() != null ? claim(input.slug(), null) : freeSlugFor(input.title());
        Article article = save(new Article(slug, resolved.content()));
        record(article, "create");
        announce(article, "created", null, Seen.NO_ONE);
        return articleViews.full(article);
    }

    /** Full update (PUT): every field is replaced; a left-out slug keeps the current one. */
    @Transactional
    public ArticleView replace(String slug, ArticleInput input, IfMatch ifMatch) {
        return update(access.findForWrite(slug, ifMatch), input, "update");
    }

    /** JSON merge patch, applied to the article as written, then checked and saved like a full update. */
    @Transactional
    public ArticleView patch(String slug, JsonNode patch, IfMatch ifMatch) {
        Article article = access.findForWrite(slug, ifMatch);
        if (patch != null && patch.has("corrections")) {
            // not a field of the input: without this a null (remove) would pass unnoticed, and anything else be a 400
            throw Problems.unprocessable("corrections", "cannot be written by an update; append one with POST "
                    + "…/corrections, withdraw one with POST …/corrections/{id}/withdraw");
        }
        ArticleInput input = mergePatch.apply(asInput(article), patch);
        if (input.slug() == null) {
            throw Problems.unprocessable("slug", "cannot be removed; send a new slug to rename the article");
        }
        return update(article, input, "update");
    }

    /** Restores the content of an old revision (not its lifecycle): an update like any other. */
    @Transactional
    public ArticleView restore(String slug, int number, IfMatch ifMatch) {
        Article article = access.findForWrite(slug, ifMatch);
        ArticleRevision revision = revisions.find(article.id(), number)
                .orElseThrow(() -> Problems.notFound("revision", slug + "/" + number));
        Map<UUID, String> slugs = authors.slugsOf(revision.snapshot().authorIds());
        List<String> byline = revision.snapshot().authorIds().stream().map(slugs::get).filter(Objects::nonNull).toList();
        if (byline.isEmpty()) {
            throw Problems.conflict("authors-gone", "The authors of revision " + number + " no longer exist.");
        }
        ArticleInput old = revision.snapshot().content();
        ArticleInput input = new ArticleInput(article.slug(), old.title(), old.subtitle(), old.excerpt(), byline,
                old.tags(), old.canonicalUrl(), old.commentsOpen(), old.body(), old.image(), old.seo(), old.social(),
                article.unpublishAt(), old.section(), old.contributors(), article.syndicatable(),
                article.legallySensitive(), article.embargo());
        return update(article, input, "restore");
    }

    /** Publishes now, or at {@code at}: a future instant schedules the article, a past one backdates it. */
    @Transactional
    public ArticleView publish(String slug, Instant at, IfMatch ifMatch) {
        Instant now = Timestamps.now();
        Article article = access.findForWrite(slug, ifMatch);
        ArticleStatus status = article.statusAt(now);
        Seen before = Seen.of(article, now);
        if (status == ArticleStatus.published) {
            throw Problems.conflict("already-published", "The article is published already; unpublish it first to "
                    + "publish it again.");
        }
        if (status == ArticleStatus.archived) {
            throw Problems.conflict("archived", "The article is archived; unpublish it first to publish it again.");
        }
        if (status == ArticleStatus.expired) {
            throw Problems.conflict("expired", "The article expired at its unpublishAt; set a later one (or none) to "
                    + "bring it back as it was, or unpublish it first to publish it anew.");
        }
        requireEditorFor(article);
        Map<String, String> missing = new LinkedHashMap<>();
        if (article.title() == null) {
            missing.put("title", "is required to publish");
        }
        if (article.body().isEmpty()) {
            missing.put("body", "is required to publish");
        }
        missing.putAll(imagesWithoutAlt(article.image(), article.body()));
        Instant instant = at == null ? now : at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (article.unpublishAt() != null && !article.unpublishAt().isAfter(instant)) {
            missing.put("unpublishAt", "is not after the publication instant " + instant + "; change it first");
        } else if (article.unpublishAt() != null && !article.unpublishAt().isAfter(now)) {
            missing.put("unpublishAt", "has passed: the article would expire as it is published; change it first");
        }
        if (!missing.isEmpty()) {
            throw Problems.unprocessable(missing);
        }
        boolean isPublic = article.publish(instant, now);
        return transitioned(article, "publish", isPublic ? "published" : "scheduled",
                isPublic ? Change.Op.upsert : null, before);
    }

    /** Back to draft, out of public view. */
    @Transactional
    public ArticleView unpublish(String slug, IfMatch ifMatch) {
        Article article = access.findForWrite(slug, ifMatch);
        if (article.state() == Article.State.draft) {
            throw Problems.conflict("not-published", "The article is a draft already.");
        }
        Change.Op seen = article.announced() ? Change.Op.delete : null;
        Seen before = Seen.of(article, Timestamps.now());
        article.unpublish();
        return transitioned(article, "unpublish", "unpublished", seen, before);
    }

    /** Out of lists and public view; editors still read it. Only a published article is archived. */
    @Transactional
    public ArticleView archive(String slug, IfMatch ifMatch) {
        Article article = access.findForWrite(slug, ifMatch);
        if (article.statusAt(Timestamps.now()) != ArticleStatus.published) {
            throw Problems.conflict("not-published", "Only a published article can be archived.");
        }
        Change.Op seen = article.announced() ? Change.Op.delete : null;
        Seen before = Seen.of(article, Timestamps.now());
        article.archive();
        return transitioned(article, "archive", "archived", seen, before);
    }

    /**
     * Appends a correction to an article that has been public (published, scheduled, expired or archived): a draft
     * has nothing to correct yet. A revision records it, and the change is announced as article.corrected.
     */
    /** How many corrections an article takes: each is kept in every later revision and shown on every read. */
    static final int MAX_CORRECTIONS = 50;

    @Transactional
    public ArticleView correct(String slug, CorrectionInput input, IfMatch ifMatch) {
        Article article = access.findForWrite(slug, ifMatch);
        if (article.state() == Article.State.draft) {
            throw Problems.conflict("not-published", "The article is a draft: it has nothing to correct yet; edit it "
                    + "instead.");
        }
        String text = Text.plain(input.text());
        if (text == null) {
            throw Problems.unprocessable("text", "is required: say what was wrong and what is right");
        }
        if (article.corrections().size() >= MAX_CORRECTIONS) {
            throw Problems.conflict("too-many-corrections", "The article has " + MAX_CORRECTIONS + " corrections "
                    + "already: a piece this wrong wants an update of its own, or a retraction and a new article.");
        }
        Instant now = Timestamps.now();
        Seen before = Seen.of(article, now);
        article.correct(new Correction(UUID.randomUUID(), input.type(), text, now, null, null));
        return corrected(article, "correct", before);
    }

    /**
     * Withdraws a correction: it stays in the list, marked with when and why, and leaves the article's notice and
     * JSON-LD. A revision records it, announced as article.corrected like an appended one.
     */
    @Transactional
    public ArticleView withdrawCorrection(String slug, UUID id, WithdrawCorrection input, IfMatch ifMatch) {
        Article article = access.findForWrite(slug, ifMatch);
        Correction correction = article.correction(id)
                .orElseThrow(() -> Problems.notFound("correction", slug + "/corrections/" + id));
        if (correction.withdrawn()) {
            throw Problems.conflict("correction-withdrawn", "The correction was withdrawn already, at "
                    + correction.withdrawnAt() + ".");
        }
        String reason = Text.plain(input.reason());
        if (reason == null) {
            throw Problems.unprocessable("reason", "is required: say why the correction is withdrawn");
        }
        Instant now = Timestamps.now();
        Seen before = Seen.of(article, now);
        article.withdrawCorrection(id, reason, now);
        return corrected(article, "withdraw-correction", before);
    }

    private ArticleView corrected(Article article, String action, Seen before) {
        save(article);
        record(article, action);
        // announced and not expired meanwhile (the expiry job may not have run yet): the public sees the correction
        announce(article, "corrected", article.announced() && article.publicAt(Timestamps.now()) ? Change.Op.upsert
                : null, before);
        return articleViews.full(article);
    }

    @Transactional
    public void delete(String slug, IfMatch ifMatch) {
        Article article = access.findForWrite(slug, ifMatch);
        boolean wasPublic = article.publicAt(Timestamps.now()) || article.announced();
        boolean partnersSaw = article.partnersSeeAt(Timestamps.now()) || (article.announced() && article.syndicatable());
        changes.record(new Change("article", article.id(), article.slug(),
                article.announced() ? Change.Op.delete : null, Change.Op.delete, "deleted", article.version(),
                ArticleKeys.changed(article.id(), wasPublic, false))
                .seenByPartners(partnersSaw ? Change.Op.delete : null));
        articles.delete(article);
        articles.flush();
    }

    private ArticleView update(Article article, ArticleInput input, String action) {
        Resolved resolved = resolve(input, article);
        requireOwnByline(resolved.authorIds());
        requireValidExpiry(article, resolved.content().unpublishAt());
        Seen before = Seen.of(article, Timestamps.now());
        if (article.state() == Article.State.published) {
            requireEditorFor(article);
            // published or scheduled: what the public sees (or will) needs alt text for every image, as to publish
            Map<String, String> missing = imagesWithoutAlt(resolved.content().image(), resolved.content().body());
            if (!missing.isEmpty()) {
                throw Problems.unprocessable(missing);
            }
        }
        String oldSlug = article.slug();
        String newSlug = input.slug() != null && !input.slug().equals(oldSlug) ? claim(input.slug(), article.id()) : null;
        article.revise(newSlug, resolved.content());
        save(article);
        if (newSlug != null) {
            articles.rememberSlug(article.id(), oldSlug, Timestamps.now());
        }
        record(article, action);
        boolean isPublic = article.announced() && article.publicAt(Timestamps.now());
        // an expired article whose expiry was moved or cleared is public again: the public is told so
        String event = isPublic && !before.isPublic() ? "published"
                : action.equals("restore") ? "restored" : "updated";
        announce(article, event, isPublic ? Change.Op.upsert : null, before);
        return articleViews.full(article);
    }

    /**
     * A new expiry must be ahead (an article is taken down now by unpublishing it) and after the publication instant;
     * an expiry kept as it was may have passed.
     */
    private static void requireValidExpiry(Article article, Instant unpublishAt) {
        if (unpublishAt == null || unpublishAt.equals(article.unpublishAt())) {
            return;
        }
        if (!unpublishAt.isAfter(Timestamps.now())) {
            throw Problems.unprocessable("unpublishAt", "must be ahead; to take the article down now, unpublish it");
        }
        if (article.publishedAt() != null && !unpublishAt.isAfter(article.publishedAt())) {
            throw Problems.unprocessable("unpublishAt", "must be after the publication instant "
                    + article.publishedAt());
        }
    }

    private ArticleView transitioned(Article article, String action, String event, Change.Op publicOp,
            Seen before) {
        save(article);
        record(article, action);
        announce(article, event, publicOp, before);
        return articleViews.full(article);
    }

    /**
     * Records the change for the change feed, webhooks and caches, in this transaction: the public lists are purged
     * when the public saw the article before or sees it now.
     */
    private void announce(Article article, String event, Change.Op publicOp, Seen before) {
        // a scheduled article will go public by itself, with no write: answers kept now must not outlive its
        // instant, so the lists are purged now too (and are then kept no longer than until that instant)
        boolean publicAfter = article.state() == Article.State.published || publicOp != null;
        // partners: an upsert while they read it (early, under embargo; never when not for syndication), a delete
        // when they read it before and no longer do
        Change.Op partnerOp = article.partnersSeeAt(Timestamps.now()) ? Change.Op.upsert
                : before.partners() ? Change.Op.delete : null;
        changes.record(new Change("article", article.id(), article.slug(), publicOp, Change.Op.upsert, event,
                article.version(), ArticleKeys.changed(article.id(), before.isPublic(), publicAfter))
                .seenByPartners(partnerOp));
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
            announce(article, "published", Change.Op.upsert, Seen.NO_ONE);
        }
        return due.size();
    }

    /**
     * Announces the articles whose expiry has passed: they left public view by themselves when read; now the change
     * feed and webhooks learn of it too (article.unpublished), and every instance purges what showed them.
     *
     * @return how many were announced
     */
    @Transactional
    public int announceExpired() {
        Instant now = Timestamps.now();
        List<Article> due = articles.load(articles.claimDueExpiries(now, 100));
        for (Article article : due) {
            article.announceExpiry(now);
            save(article);
            changes.record(new Change("article", article.id(), article.slug(), Change.Op.delete, Change.Op.upsert,
                    "unpublished", article.version(), ArticleKeys.changed(article.id(), true, false))
                    .seenByPartners(article.syndicatable() ? Change.Op.delete : null));
        }
        return due.size();
    }

    /** What an input names, resolved: authors by slug, tags by name, the body sanitised and its quotations found. */
    private Resolved resolve(ArticleInput input, Article current) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> authorSlugs = input.authors().stream().distinct().toList();
        Map<String, UUID> ids = authors.idsBySlug(authorSlugs);
        for (int i = 0; i < input.authors().size(); i++) {
            if (!ids.containsKey(input.authors().get(i))) {
                problems.put("authors[" + i + "]", "no author has the slug '" + input.authors().get(i) + "'");
            }
        }
        Map<String, String> tagNames = new LinkedHashMap<>();
        String sectionName = Text.line(input.section());
        // a tag is named by its name; one editors renamed keeps its slug, so names are matched to tags first
        List<String> named = new java.util.ArrayList<>(input.tags().stream().map(Text::line).filter(Objects::nonNull)
                .toList());
        if (sectionName != null) {
            named.add(sectionName);
        }
        Map<String, String> knownSlugs = named.isEmpty() ? Map.of() : tags.slugsByName(named);
        java.util.function.Function<String, String> slugOf =
                name -> knownSlugs.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), Slugs.of(name));
        String sectionSlug = sectionName == null ? null : slugOf.apply(sectionName);
        if (sectionName != null && sectionSlug.isEmpty()) {
            problems.put("section", "needs at least one letter or digit");
            sectionSlug = null;
        }
        for (int i = 0; i < input.tags().size(); i++) {
            String name = Text.line(input.tags().get(i));
            String tagSlug = name == null ? "" : slugOf.apply(name);
            if (tagSlug.isEmpty()) {
                problems.put("tags[" + i + "]", "needs at least one letter or digit");
            } else {
                tagNames.putIfAbsent(tagSlug, name);
            }
        }
        List<ContributorInput.Stored> contributors = contributors(input.contributors(), problems);
        List<Block> body = Markup.sanitise(input.body()).stream().filter(ArticleCommandService::hasContent).toList();
        Map<UUID, QuotationEmbed> quoted = articleViews.quotationsOf(body);
        ImageUse image = input.image() == null ? null : input.image().cleaned();
        SeoInput seo = cleaned(input.seo());
        SocialInput social = cleaned(input.social());
        Set<UUID> assetIds = new HashSet<>();
        if (image != null) {
            assetIds.add(image.assetId());
        }
        if (social != null && social.image() != null) {
            assetIds.add(social.image().assetId());
        }
        Block.imageAssetIds(input.body()).forEach(assetIds::add);
        Set<UUID> knownAssets = assetIds.isEmpty() ? Set.of() : assets.embeddable(assetIds).keySet();
        if (image != null && !knownAssets.contains(image.assetId())) {
            problems.put("image.assetId", "no asset has the id " + image.assetId());
        }
        if (social != null && social.image() != null && !knownAssets.contains(social.image().assetId())) {
            problems.put("social.image.assetId", "no asset has the id " + social.image().assetId());
        }
        for (int i = 0; i < input.body().size(); i++) {
            if (input.body().get(i) instanceof Block.Quote quote && !quoted.containsKey(quote.quotationId())) {
                problems.put("body[" + i + "].quotationId", "no quotation has the id " + quote.quotationId());
            }
            if (input.body().get(i) instanceof Block.Image block && !knownAssets.contains(block.assetId())) {
                problems.put("body[" + i + "].assetId", "no asset has the id " + block.assetId());
            }
        }
        if (!problems.isEmpty()) {
            throw Problems.unprocessable(problems);
        }
        if (sectionSlug != null) {
            tagNames.putIfAbsent(sectionSlug, sectionName); // the section is one of the tags
        }
        boolean newSection = sectionSlug != null && tags.findBySlug(sectionSlug).isEmpty();
        Map<String, Tag> found = tagNames.isEmpty() ? Map.of() : tags.findOrCreate(tagNames, sectionSlug, Timestamps.now());
        Tag section = sectionSlug == null ? null : found.get(sectionSlug);
        if (section != null && newSection && !caller.get().staff()) {
            throw Problems.forbidden("Only editors make a new section; name one of the sections there are "
                    + "(GET /api/v1/tags?type=section).");
        }
        if (section != null && tags.typeLocked(section.id()) != TagType.section) {
            throw Problems.unprocessable("section", "'" + section.slug() + "' is a " + section.type() + " tag; make it "
                    + "a section first (PATCH /api/v1/tags/" + section.slug() + ")");
        }
        List<UUID> authorIds = authorSlugs.stream().map(ids::get).toList();
        Article.Content content = new Article.Content(input.title(), input.subtitle(), input.excerpt(),
                input.canonicalUrl(), input.commentsOpenOrDefault(), body, Markup.plainText(body, quoted), authorIds,
                tagNames.keySet().stream().map(found::get).toList(), image, seo, social,
                input.unpublishAt() == null ? null : input.unpublishAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                section, contributors, input.syndicatableOrDefault(), legallySensitive(input, current),
                input.embargoOrDefault());
        return new Resolved(content, authorIds);
    }

    private record Resolved(Article.Content content, List<UUID> authorIds) {
    }

    /** Who read the article before a write: the public, and partners (who may read it early, or never). */
    private record Seen(boolean isPublic, boolean partners) {

        static final Seen NO_ONE = new Seen(false, false);

        static Seen of(Article article, Instant now) {
            return new Seen(article.publicAt(now), article.partnersSeeAt(now));
        }
    }

    /**
     * The legal flag as written: editors set and clear it (left out, it is false); anyone else keeps what it is, and
     * may not name another value (403).
     */
    private boolean legallySensitive(ArticleInput input, Article current) {
        boolean now = current != null && current.legallySensitive();
        if (caller.get().staff()) {
            return input.legallySensitiveOrDefault();
        }
        if (input.legallySensitive() != null && input.legallySensitive() != now) {
            throw Problems.forbidden("Only editors set or clear legallySensitive.");
        }
        return now;
    }

    /** A legally sensitive article, once public or scheduled, is published and changed by editors only. */
    private void requireEditorFor(Article article) {
        if (article.legallySensitive() && !caller.get().staff()) {
            throw Problems.forbidden("The article is legally sensitive: an editor publishes it and changes it once "
                    + "published.");
        }
    }

    /** The credits as stored: each names one of our authors (by id) or a cleaned free name, not both. */
    private List<ContributorInput.Stored> contributors(List<ContributorInput> given, Map<String, String> problems) {
        Map<String, UUID> ids = authors.idsBySlug(given.stream().map(ContributorInput::author)
                .filter(Objects::nonNull).distinct().toList());
        List<ContributorInput.Stored> stored = new java.util.ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ContributorInput credit = given.get(i);
            String name = Text.line(credit.name());
            String at = "contributors[" + i + "]";
            if (credit.author() != null && name != null) {
                problems.put(at, "names an author or a name, not both");
            } else if (credit.author() != null) {
                UUID id = ids.get(credit.author());
                if (id == null) {
                    problems.put(at + ".author", "no author has the slug '" + credit.author() + "'");
                } else {
                    stored.add(new ContributorInput.Stored(credit.role(), id, null));
                }
            } else if (name == null) {
                problems.put(at + ".name", "is required when no author is given");
            } else {
                stored.add(new ContributorInput.Stored(credit.role(), null, name));
            }
        }
        return stored;
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

    /** The article as written, its authors (byline and credits) by their current slugs. */
    private ArticleInput asInput(Article article) {
        Set<UUID> ids = new HashSet<>(article.authorIds());
        article.contributors().stream().map(ContributorInput.Stored::authorId).filter(Objects::nonNull).forEach(ids::add);
        return asInput(article, slugsOf(List.copyOf(ids)));
    }

    private static ArticleInput asInput(Article article, Map<UUID, String> authorSlugs) {
        return new ArticleInput(article.slug(), article.title(), article.subtitle(), article.excerpt(),
                article.authorIds().stream().map(authorSlugs::get).filter(Objects::nonNull).toList(),
                article.tags().stream().map(Tag::name).toList(), article.canonicalUrl(), article.commentsOpen(),
                article.body(), article.image(), article.seo(), article.social(), article.unpublishAt(),
                article.section() == null ? null : article.section().name(),
                contributorInputs(article.contributors(), authorSlugs), article.syndicatable(),
                article.legallySensitive(), article.embargo());
    }

    /** Credits as written back: authors by their current slug (gone ones left out). */
    private static List<ContributorInput> contributorInputs(List<ContributorInput.Stored> stored,
            Map<UUID, String> slugs) {
        return stored.stream()
                .filter(credit -> credit.authorId() == null || slugs.containsKey(credit.authorId()))
                .map(credit -> new ContributorInput(credit.role(),
                        credit.authorId() == null ? null : slugs.get(credit.authorId()), credit.name()))
                .toList();
    }

    /** Overrides with their texts cleaned; none given is null. */
    private static SeoInput cleaned(SeoInput seo) {
        if (seo == null) {
            return null;
        }
        SeoInput clean = new SeoInput(Text.line(seo.title()), Text.plain(seo.description()),
                seo.canonicalUrl() == null ? null : seo.canonicalUrl().strip(), seo.noindex());
        return clean.title() == null && clean.description() == null && clean.canonicalUrl() == null
                && clean.noindex() == null ? null : clean;
    }

    private static SocialInput cleaned(SocialInput social) {
        if (social == null) {
            return null;
        }
        SocialInput clean = new SocialInput(Text.line(social.title()), Text.plain(social.description()),
                social.image() == null ? null : social.image().cleaned());
        return clean.title() == null && clean.description() == null && clean.image() == null ? null : clean;
    }

    /**
     * The images of a lead image and body that have no alt text, neither their own nor their asset's, as problems by
     * field: what the public sees needs one for every image.
     */
    private Map<String, String> imagesWithoutAlt(ImageUse image, List<Block> body) {
        Map<String, String> missing = new LinkedHashMap<>();
        Set<UUID> ids = new HashSet<>();
        if (image != null) {
            ids.add(image.assetId());
        }
        Block.imageAssetIds(body).forEach(ids::add);
        if (ids.isEmpty()) {
            return missing;
        }
        Map<UUID, EmbeddedAsset> found = assets.embeddable(ids);
        String rule = "needs an alt text to publish: give this use one, or its asset";
        if (image != null && image.alt() == null && altOf(found, image.assetId()) == null) {
            missing.put("image.alt", rule);
        }
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof Block.Image block && block.alt() == null
                    && altOf(found, block.assetId()) == null) {
                missing.put("body[" + i + "].alt", rule);
            }
        }
        return missing;
    }

    private static String altOf(Map<UUID, EmbeddedAsset> found, UUID id) {
        EmbeddedAsset asset = found.get(id);
        return asset == null ? null : asset.alt();
    }

    /** Stores a revision: the article as now written and which fields differ from the last revision. */
    private void record(Article article, String action) {
        ArticleInput content = asInput(article);
        ArticleStatus status = article.statusAt(Timestamps.now());
        ArticleRevision.Snapshot snapshot = new ArticleRevision.Snapshot(content, List.copyOf(article.authorIds()),
                status, article.publishedAt(), article.corrections());
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
        if (before != null && !before.corrections().equals(after.corrections())) {
            changed.add("corrections");
        }
        return List.copyOf(changed);
    }
}
