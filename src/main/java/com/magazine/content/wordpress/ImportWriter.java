package com.magazine.content.wordpress;

import com.magazine.content.access.Role;
import com.magazine.content.article.ArticleCommandService;
import com.magazine.content.article.ArticleDirectory;
import com.magazine.content.article.ArticleInput;
import com.magazine.content.article.ArticleStatus;
import com.magazine.content.article.ArticleView;
import com.magazine.content.article.Block;
import com.magazine.content.article.LegacyPaths;
import com.magazine.content.article.TagService;
import com.magazine.content.asset.AssetInput;
import com.magazine.content.asset.AssetService;
import com.magazine.content.author.AuthorInput;
import com.magazine.content.author.AuthorService;
import com.magazine.content.author.AuthorView;
import com.magazine.content.comment.CommentService;
import com.magazine.content.comment.CommentStatus;
import com.magazine.content.common.http.IfMatch;
import com.magazine.content.common.text.Digests;
import com.magazine.content.common.text.Slugs;
import com.magazine.content.common.time.Timestamps;
import com.magazine.content.feed.GuardedDownloads;
import com.magazine.content.quotation.QuotationInput;
import com.magazine.content.quotation.QuotationService;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * Writes what an import read, one thing per transaction, through the features' own services (revisions, the change
 * feed, webhooks, counts and the sanitiser as for any write), acting as an admin named {@code import:<job>}. A post
 * is written whole or not at all: its article, quotations, comments, old paths and the job's progress commit
 * together.
 */
@ApplicationScoped
class ImportWriter {

    /** What one run of a job carries from item to item. */
    static final class Run {
        final ImportJob job;
        final ImportCounts counts;
        String source;
        String site;

        Run(ImportJob job) {
            this.job = job;
            this.counts = job.counts().copy();
        }
    }

    /** An image made an asset (or not), ready for a post's transaction. */
    record Prepared(UUID assetId, String alt, String caption, String problem) {
    }

    private final ImportJobRepository jobs;
    private final AuthorService authors;
    private final TagService tags;
    private final ArticleCommandService articles;
    private final ArticleDirectory directory;
    private final QuotationService quotations;
    private final CommentService comments;
    private final AssetService assets;
    private final LegacyPaths legacyPaths;
    private final GuardedDownloads downloads;
    private final CurrentIdentityAssociation identity;
    private final Validator validator;
    private final long maxImageBytes;
    private final java.time.Duration lease;

    ImportWriter(ImportJobRepository jobs, AuthorService authors, TagService tags, ArticleCommandService articles,
            ArticleDirectory directory, QuotationService quotations, CommentService comments, AssetService assets,
            LegacyPaths legacyPaths, GuardedDownloads downloads, CurrentIdentityAssociation identity,
            Validator validator, com.magazine.content.common.ContentConfig config) {
        this.jobs = jobs;
        this.authors = authors;
        this.tags = tags;
        this.articles = articles;
        this.directory = directory;
        this.quotations = quotations;
        this.comments = comments;
        this.assets = assets;
        this.legacyPaths = legacyPaths;
        this.downloads = downloads;
        this.identity = identity;
        this.validator = validator;
        this.maxImageBytes = config.assets().maxBytes().asLongValue();
        this.lease = config.imports().lease();
    }

    // ------------------------------------------------------------------------------------------------ the header

    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void author(Run run, WxrItem.Author author) {
        actAsImport(run);
        String login = author.login().isBlank() ? String.valueOf(author.id()) : author.login();
        String name = firstNonBlank(author.displayName(), (author.firstName() + " " + author.lastName()).strip(), login);
        AuthorInput input = new AuthorInput(null, cut(name, 200), null, null, null, List.of(), List.of(), null);
        String digest = Digests.sha256Hex(name);
        Optional<ImportJobRepository.Ref> ref = jobs.ref(run.source, "author", login);
        Optional<AuthorView> existing = ref.flatMap(r -> authors.slugsOf(List.of(r.targetId())).values().stream()
                .findFirst()).map(authors::get);
        if (existing.isPresent()) {
            if (digest.equals(ref.get().digest())) {
                run.counts.add(ImportCounts.Kind.authors, ImportCounts.Outcome.unchanged);
                return;
            }
            AuthorView current = existing.get();
            authors.patch(current.slug(), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("name", input.name()), IfMatch.absent());
            jobs.saveRef(run.source, "author", login, current.id(), digest);
            run.counts.add(ImportCounts.Kind.authors, ImportCounts.Outcome.updated);
            return;
        }
        String slug = Slugs.of(login.contains("@") ? name : login);
        AuthorView created = authors.create(new AuthorInput(slug.isEmpty() || authors.idOf(slug).isPresent()
                ? null : slug, input.name(), null, null, null, List.of(), List.of(), null));
        jobs.saveRef(run.source, "author", login, created.id(), digest);
        run.counts.add(ImportCounts.Kind.authors, ImportCounts.Outcome.created);
        if (!created.slug().equals(slug)) {
            report(run, "author", login, created.slug(), "changed",
                    "the slug '" + slug + "' was taken or unusable: the author is '" + created.slug() + "'");
        }
    }

    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void term(Run run, WxrItem.Term term) {
        actAsImport(run);
        String name = firstNonBlank(Jsoup.parse(term.name()).text(), term.slug(), "");
        if (name.isBlank()) {
            run.counts.add(ImportCounts.Kind.tags, ImportCounts.Outcome.skipped);
            report(run, "term", String.valueOf(term.id()), null, "skipped", "a term without a name or slug");
            return;
        }
        boolean made = tags.ensure(cut(name, 100), term.kind() == WxrItem.Kind.CATEGORY);
        run.counts.add(ImportCounts.Kind.tags, made ? ImportCounts.Outcome.created : ImportCounts.Outcome.unchanged);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void attachment(Run run, WxrItem.Post attachment) {
        String url = attachment.attachmentUrl() == null || attachment.attachmentUrl().isBlank() ? attachment.guid()
                : attachment.attachmentUrl();
        jobs.attachment(run.job.id(), attachment.id(), url, blankToNull(Jsoup.parse(attachment.title()).text()),
                blankToNull(attachment.meta().get("_wp_attachment_image_alt")), blankToNull(Jsoup.parse(
                        attachment.excerpt()).text()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void progress(Run run, boolean headerDone, long itemsDone) {
        Instant now = Timestamps.now();
        jobs.progress(run.job.id(), run.site, headerDone, itemsDone, run.counts, now, now.plus(lease));
    }

    // ------------------------------------------------------------------------------------------------ images

    /**
     * Makes an asset of an image a post shows, outside the post's transaction (fetching takes time): the one made
     * before for the same URL when there is one.
     */
    @ActivateRequestContext
    Prepared image(Run run, String url, String alt, String caption) {
        actAsImport(run);
        Optional<ImportJobRepository.Ref> known = knownImage(run.source, url);
        if (known.isPresent()) {
            run.counts.add(ImportCounts.Kind.media, ImportCounts.Outcome.unchanged);
            return new Prepared(known.get().targetId(), alt, caption, null);
        }
        if (!run.job.fetchImages()) {
            run.counts.add(ImportCounts.Kind.media, ImportCounts.Outcome.skipped);
            return new Prepared(null, alt, caption, "images were not to be fetched (images=false)");
        }
        GuardedDownloads.Download download = downloads.get(url, maxImageBytes);
        if (!download.ok()) {
            run.counts.add(ImportCounts.Kind.media, ImportCounts.Outcome.skipped);
            return new Prepared(null, alt, caption, download.error());
        }
        try {
            AssetService.Uploaded uploaded = assets.upload(download.body(),
                    new AssetInput(cut(alt, 1000), cut(caption, 2000), null, null, null, null));
            saveImage(run.source, url, uploaded.asset().id());
            run.counts.add(ImportCounts.Kind.media, uploaded.created() ? ImportCounts.Outcome.created
                    : ImportCounts.Outcome.unchanged);
            return new Prepared(uploaded.asset().id(), alt, caption, null);
        } catch (HttpProblem e) {
            run.counts.add(ImportCounts.Kind.media, ImportCounts.Outcome.skipped);
            return new Prepared(null, alt, caption, describe(e));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<ImportJobRepository.Ref> knownImage(String source, String url) {
        return jobs.ref(source, "media", url);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void saveImage(String source, String url, UUID assetId) {
        jobs.saveRef(source, "media", url, assetId, null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<ImportJobRepository.Attachment> attachmentOf(Run run, long wpId) {
        return jobs.attachment(run.job.id(), wpId);
    }

    // ------------------------------------------------------------------------------------------------ posts

    /** A post as our article: what to write, and what the report should say of it. */
    record Mapped(ArticleInput input, ArticleStatus target, Instant at, List<Quote> quotes,
            List<ImportReportEntry> notes, String digest) {
    }

    /** A quote block's quotation, written with the article. */
    record Quote(int index, QuotationInput input) {
    }

    /**
     * Writes one post (its article, quotations, comments and old paths) and the job's progress, all in one
     * transaction: the post is imported whole or not at all.
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void post(Run run, WxrItem.Post post, Mapped mapped, long itemsDone) {
        actAsImport(run);
        String id = String.valueOf(post.id());
        Optional<ImportJobRepository.Ref> ref = jobs.ref(run.source, "post", id);
        Optional<ArticleDirectory.Stored> stored = ref.flatMap(r -> directory.stored(r.targetId()));
        UUID articleId;
        String slug;
        if (stored.isPresent() && mapped.digest().equals(ref.get().digest())) {
            articleId = stored.get().id();
            slug = stored.get().slug();
            run.counts.add(ImportCounts.Kind.posts, ImportCounts.Outcome.unchanged);
        } else {
            List<Block> body = withQuotations(run, id, mapped);
            ArticleInput input = with(mapped.input(), stored.map(ArticleDirectory.Stored::slug)
                    .orElse(mapped.input().slug()), body);
            Set<ConstraintViolation<ArticleInput>> invalid = validator.validate(input);
            if (!invalid.isEmpty()) {
                throw new Skipped(invalid.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                        .sorted().collect(Collectors.joining("; ")));
            }
            ArticleView view;
            if (stored.isPresent()) {
                view = articles.replace(stored.get().slug(), input, IfMatch.absent());
                run.counts.add(ImportCounts.Kind.posts, ImportCounts.Outcome.updated);
            } else {
                view = createWithFreeSlug(run, id, input);
                run.counts.add(ImportCounts.Kind.posts, ImportCounts.Outcome.created);
            }
            articleId = view.id();
            slug = view.slug();
            settle(run, id, slug, stored.map(ArticleDirectory.Stored::status).orElse(ArticleStatus.draft), mapped);
            jobs.saveRef(run.source, "post", id, articleId, mapped.digest());
            for (ImportReportEntry note : mapped.notes()) {
                jobs.report(run.job.id(), ImportReportEntry.of(note.kind(), note.externalId(), slug, note.action(),
                        note.message()));
            }
        }
        List<String> paths = new ArrayList<>();
        if (post.link() != null && !post.link().isBlank()) {
            paths.add(post.link());
        }
        paths.add("/?p=" + post.id());
        legacyPaths.record(articleId, paths);
        comments(run, post, articleId, slug);
        Instant now = Timestamps.now();
        jobs.progress(run.job.id(), run.site, true, itemsDone, run.counts, now, now.plus(lease));
    }

    /** A post that cannot be written as it is: the reason goes to the report, and nothing of it is written. */
    static final class Skipped extends RuntimeException {
        Skipped(String reason) {
            super(reason, null, false, false);
        }
    }

    private ArticleView createWithFreeSlug(Run run, String id, ArticleInput input) {
        if (input.slug() != null && directory.slugTaken(input.slug())) {
            ArticleInput free = with(input, null, input.body());
            ArticleView view = articles.create(free);
            report(run, "post", id, view.slug(), "changed", "the slug '" + input.slug()
                    + "' belongs to another article here: imported as '" + view.slug() + "'");
            return view;
        }
        return articles.create(input);
    }

    /** Brings the article to the status WordPress gives the post. */
    private void settle(Run run, String id, String slug, ArticleStatus now, Mapped mapped) {
        boolean isPublic = now == ArticleStatus.published || now == ArticleStatus.scheduled;
        switch (mapped.target()) {
            case published, scheduled -> {
                if (!isPublic) {
                    articles.publish(slug, mapped.at(), IfMatch.absent());
                }
            }
            default -> {
                if (isPublic) {
                    articles.unpublish(slug, IfMatch.absent());
                }
            }
        }
    }

    /** The body with each quote block's quotation written (or rewritten, on a re-run) and referred to. */
    private List<Block> withQuotations(Run run, String postId, Mapped mapped) {
        List<Block> body = new ArrayList<>(mapped.input().body());
        for (Quote quote : mapped.quotes()) {
            String key = postId + "#" + quote.index();
            Optional<ImportJobRepository.Ref> ref = jobs.ref(run.source, "quotation", key);
            UUID quotationId;
            if (ref.isPresent() && quotationExists(ref.get().targetId())) {
                quotationId = ref.get().targetId();
                quotations.replace(quotationId, quote.input(), IfMatch.absent());
            } else {
                quotationId = quotations.create(quote.input()).id();
                jobs.saveRef(run.source, "quotation", key, quotationId, null);
            }
            body.set(quote.index(), new Block.Quote(null, quotationId, null));
        }
        return body;
    }

    private boolean quotationExists(UUID id) {
        try {
            quotations.get(id);
            return true;
        } catch (HttpProblem e) {
            return false;
        }
    }

    private void comments(Run run, WxrItem.Post post, UUID articleId, String slug) {
        Map<Long, UUID> written = new HashMap<>();
        List<WxrItem.Comment> ordered = post.comments().stream()
                .sorted(Comparator.comparingLong(WxrItem.Comment::id)).toList();
        Set<Long> inFile = ordered.stream().map(WxrItem.Comment::id).collect(Collectors.toSet());
        for (WxrItem.Comment comment : ordered) {
            String key = String.valueOf(comment.id());
            CommentStatus status = switch (comment.approved()) {
                case "1", "approve" -> CommentStatus.approved;
                case "0", "hold" -> CommentStatus.pending;
                default -> null;
            };
            boolean pingback = !comment.type().isBlank() && !comment.type().equals("comment");
            if (status == null || pingback) {
                run.counts.add(ImportCounts.Kind.comments, ImportCounts.Outcome.skipped);
                report(run, "comment", key, slug, "skipped", pingback ? "a " + comment.type() + ", not a comment"
                        : "'" + comment.approved() + "' in WordPress (spam and trash are not imported)");
                continue;
            }
            String text = commentText(comment.content());
            if (text.isBlank()) {
                run.counts.add(ImportCounts.Kind.comments, ImportCounts.Outcome.skipped);
                report(run, "comment", key, slug, "skipped", "it has no text");
                continue;
            }
            String digest = Digests.sha256Hex(String.join("\u0000", comment.author(), comment.email(), comment.url(),
                    text, status.name()));
            Optional<ImportJobRepository.Ref> ref = jobs.ref(run.source, "comment", key);
            if (ref.isPresent() && digest.equals(ref.get().digest())) {
                written.put(comment.id(), ref.get().targetId());
                run.counts.add(ImportCounts.Kind.comments, ImportCounts.Outcome.unchanged);
                continue;
            }
            UUID parent = comment.parentId() == 0 ? null : written.get(comment.parentId());
            if (comment.parentId() != 0 && parent == null && ref.isEmpty()) {
                report(run, "comment", key, slug, "changed", inFile.contains(comment.parentId())
                        ? "its parent was not imported: it starts a thread of its own"
                        : "its parent " + comment.parentId() + " is not in the file: it starts a thread of its own");
            }
            Instant at = comment.dateGmt() != null ? comment.dateGmt() : post.dateGmt() != null ? post.dateGmt()
                    : Timestamps.now();
            UUID id = comments.importComment(articleId, new CommentService.ImportedComment(
                    ref.map(ImportJobRepository.Ref::targetId).orElse(null), parent, cut(comment.author(), 200),
                    cut(comment.email(), 320), validUrl(comment.url()), cut(text, 5000), status,
                    blankToNull(comment.ip()), at));
            jobs.saveRef(run.source, "comment", key, id, digest);
            written.put(comment.id(), id);
            run.counts.add(ImportCounts.Kind.comments, ref.isPresent() ? ImportCounts.Outcome.updated
                    : ImportCounts.Outcome.created);
            if (text.length() > 5000) {
                report(run, "comment", key, slug, "changed", "cut to 5000 characters");
            }
        }
    }

    /** Records a post that could not be written, with the job's progress past it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void skipped(Run run, WxrItem.Post post, String reason, long itemsDone) {
        run.counts.add(ImportCounts.Kind.posts, ImportCounts.Outcome.skipped);
        jobs.report(run.job.id(), ImportReportEntry.of(post.type().isBlank() ? "post" : post.type(),
                String.valueOf(post.id()), null, "skipped", reason));
        Instant now = Timestamps.now();
        jobs.progress(run.job.id(), run.site, true, itemsDone, run.counts, now, now.plus(lease));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void note(Run run, ImportReportEntry entry) {
        jobs.report(run.job.id(), entry);
    }

    /** The author slugs of a post's creator, as imported from the file's authors (or made now from the login). */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    String authorSlug(Run run, String login) {
        actAsImport(run);
        String key = login == null || login.isBlank() ? "(none)" : login;
        Optional<String> slug = jobs.ref(run.source, "author", key)
                .flatMap(r -> Optional.ofNullable(authors.slugsOf(List.of(r.targetId())).get(r.targetId())));
        if (slug.isPresent()) {
            return slug.get();
        }
        String name = key.equals("(none)") ? "Unknown author" : key;
        String wanted = Slugs.of(name);
        AuthorView created = authors.create(new AuthorInput(wanted.isEmpty() || authors.idOf(wanted).isPresent()
                ? null : wanted, cut(name, 200), null, null, null, List.of(), List.of(), null));
        jobs.saveRef(run.source, "author", key, created.id(), null);
        run.counts.add(ImportCounts.Kind.authors, ImportCounts.Outcome.created);
        report(run, "author", key, created.slug(), "flagged", "posts name '" + key + "', whom the file's authors do "
                + "not list: an author was made from the login; complete it");
        return created.slug();
    }

    // ------------------------------------------------------------------------------------------------ internals

    private void report(Run run, String kind, String externalId, String target, String action, String message) {
        jobs.report(run.job.id(), ImportReportEntry.of(kind, externalId, target, action, message));
    }

    private void actAsImport(Run run) {
        identity.setIdentity(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("import:" + run.job.id()))
                .addRole(Role.ADMIN)
                .build());
    }

    /** A problem a service answered, for the report: its detail names the fields at fault. */
    static String describe(HttpProblem problem) {
        return String.valueOf(problem.getDetail() != null ? problem.getDetail() : problem.getTitle());
    }

    /** {@code in} with another slug and body. */
    private static ArticleInput with(ArticleInput in, String slug, List<Block> body) {
        return new ArticleInput(slug, in.title(), in.subtitle(), in.excerpt(), in.authors(), in.tags(),
                in.canonicalUrl(), in.commentsOpen(), body, in.image(), in.seo(), in.social(), in.unpublishAt(),
                in.section(), in.contributors(), in.syndicatable(), in.legallySensitive(), in.embargo());
    }

    static String commentText(String html) {
        if (html == null) {
            return "";
        }
        String marked = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>", "\n\n");
        org.jsoup.nodes.Document document = Jsoup.parse(marked);
        document.outputSettings().prettyPrint(false);
        return org.jsoup.parser.Parser.unescapeEntities(document.body().wholeText(), false)
                .replaceAll("\r\n?", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String validUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String stripped = url.strip();
        return stripped.matches("(?i)^https?://[^\\s]+$") && stripped.length() <= 2000 ? stripped : null;
    }

    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String firstNonBlank(String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
        }
        return "";
    }

}
