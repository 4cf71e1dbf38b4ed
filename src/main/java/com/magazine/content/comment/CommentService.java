package com.magazine.content.comment;

import com.magazine.content.access.Caller;
import com.magazine.content.access.Role;
import com.magazine.content.article.ArticleRef;
import com.magazine.content.article.ArticleDirectory;
import com.magazine.content.article.ArticleStatus;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.events.Change;
import com.magazine.content.common.events.ChangeLog;
import com.magazine.content.common.http.ReadDependencies;
import com.magazine.content.common.paging.Cursors;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import com.magazine.content.common.text.Text;
import com.magazine.content.common.time.Timestamps;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The rules of comments: who may post where, what is held for moderation, what is refused as abuse, and how threads
 * are read and moderated.
 */
@ApplicationScoped
public class CommentService {

    private static final Logger LOG = Logger.getLogger(CommentService.class);

    private final CommentRepository comments;
    private final ArticleDirectory articles;
    private final Instance<Caller> caller;
    private final Cursors cursors;
    private final ContentConfig.Comments config;
    private final ChangeLog changes;

    CommentService(CommentRepository comments, ArticleDirectory articles, Instance<Caller> caller, Cursors cursors,
            ContentConfig config, ChangeLog changes) {
        this.comments = comments;
        this.articles = articles;
        this.caller = caller;
        this.cursors = cursors;
        this.config = config.comments();
        this.changes = changes;
    }

    // ---------------------------------------------------------------------------------------------------- readers

    /** Posts a comment from {@code address}: held for moderation unless its author is trusted. */
    @Transactional
    public PostedComment post(String slug, CommentInput input, String address) {
        ArticleDirectory.CommentTarget article = articles.commentTarget(slug, false);
        if (article.status() == ArticleStatus.archived) {
            throw Problems.conflict("article-archived", "The article is archived: it takes no more comments.");
        }
        if (!article.commentsOpen()) {
            throw Problems.forbidden("Comments are closed on this article.");
        }
        String email = input.authorEmail().strip();
        enforceLimits(address, Comment.emailKey(email));
        Comment parent = input.parentId() == null ? null : parentFor(input.parentId(), article.id());

        String body = CommentText.clean(input.body());
        String name = Text.line(CommentText.clean(input.authorName()));
        Map<String, String> empty = new LinkedHashMap<>();
        if (body == null) {
            empty.put("body", "has nothing but control characters");
        }
        if (name == null) {
            empty.put("authorName", "has nothing but control characters");
        }
        if (!empty.isEmpty()) {
            throw Problems.unprocessable(empty);
        }
        boolean honeypot = input.website() != null && !input.website().isBlank();
        CommentStatus status = honeypot ? CommentStatus.spam
                : CommentText.links(body) > config.maxLinks() ? CommentStatus.pending
                : config.autoApproveKnownCommenters() && comments.hadApproved(Comment.emailKey(email))
                        ? CommentStatus.approved
                        : CommentStatus.pending;
        Comment comment = new Comment(article.id(), parent, name, email,
                input.authorUrl() == null ? null : input.authorUrl().strip(), body, status, address);
        comments.persistAndFlush(comment);
        record(comment, status == CommentStatus.approved ? Change.Op.upsert : null, Change.Op.upsert,
                Change.Event.COMMENT_POSTED);
        // a robot that fills in the honeypot is told what a person would be told
        CommentStatus shown = status == CommentStatus.spam ? CommentStatus.pending : status;
        return new PostedComment(comment.id(), comment.parentId(), comment.depth(), shown, comment.authorName(),
                comment.authorUrl(), comment.body(), CommentText.html(comment.body()), comment.createdAt());
    }

    /** A comment as another system (an import) hands it over: its own date, status and address. */
    public record ImportedComment(UUID existingId, UUID parentId, String authorName, String authorEmail,
            String authorUrl, String body, CommentStatus status, String ip, Instant createdAt) {
    }

    /**
     * Writes an imported comment under an article (or updates the one imported before, {@code existingId}): a write
     * like any other (change feed, counts), but with the comment's own date and status, and its address only while
     * within the retention period. A parent that is not on the article makes it a top-level comment. Answers its id.
     */
    @Transactional
    public UUID importComment(UUID articleId, ImportedComment imported) {
        String name = Text.line(CommentText.clean(imported.authorName()));
        String body = CommentText.clean(imported.body());
        if (body == null) {
            throw Problems.unprocessable("body", "has no text");
        }
        String email = imported.authorEmail() == null ? "" : imported.authorEmail().strip();
        String url = imported.authorUrl() == null || imported.authorUrl().isBlank() ? null : imported.authorUrl().strip();
        Comment existing = imported.existingId() == null ? null
                : comments.findByIdOptional(imported.existingId()).filter(c -> c.articleId().equals(articleId))
                        .orElse(null);
        if (existing != null) {
            boolean statusChanges = existing.status() != imported.status() && imported.status() != CommentStatus.pending;
            existing.reimported(name == null ? "Anonymous" : name, email, url, body);
            comments.persistAndFlush(existing);
            if (statusChanges) {
                decide(existing, imported.status());
            } else {
                record(existing, existing.status() == CommentStatus.approved ? Change.Op.upsert : null,
                        Change.Op.upsert, Change.Event.COMMENT_UPDATED);
            }
            return existing.id();
        }
        Comment parent = imported.parentId() == null ? null : comments.findByIdOptional(imported.parentId())
                .filter(c -> c.articleId().equals(articleId)).orElse(null);
        while (parent != null && parent.depth() + 1 >= config.maxDepth() && parent.parentId() != null) {
            parent = comments.findById(parent.parentId()); // threads deeper than ours join the deepest level
        }
        boolean recent = imported.createdAt().isAfter(Timestamps.now().minus(config.addressRetention()));
        Comment comment = Comment.imported(articleId, parent, name == null ? "Anonymous" : name, email, url, body,
                imported.status(), recent ? imported.ip() : null, imported.createdAt());
        comments.persistAndFlush(comment);
        record(comment, comment.status() == CommentStatus.approved ? Change.Op.upsert : null, Change.Op.upsert,
                Change.Event.COMMENT_POSTED);
        return comment.id();
    }

    /** The approved threads of an article: top-level comments oldest first, each with its approved replies nested. */
    @ActivateRequestContext
    public Page<CommentView> threads(String slug, PageRequest page) {
        UUID articleId = articles.commentTarget(slug, true).id();
        ReadDependencies.on(CommentKeys.thread(articleId)); // the thread, empty or not
        String list = "comments:" + articleId;
        Instant afterAt = null;
        UUID afterId = null;
        if (!page.first()) {
            List<String> keys = cursors.decode(list, page.cursor(), 2);
            afterAt = instant(keys.get(0));
            afterId = Cursors.uuid(keys.get(1));
        }
        List<CommentRepository.ThreadRow> rows = comments.threadPage(articleId, afterAt, afterId, page.limit() + 1);
        List<CommentRepository.ThreadRow> tops = rows.stream().filter(CommentRepository.ThreadRow::top).toList();
        boolean more = tops.size() > page.limit();
        String next = null;
        if (more) {
            CommentRepository.ThreadRow last = tops.get(page.limit() - 1);
            next = cursors.encode(list, last.createdAt().toString(), last.id().toString());
        }
        Map<UUID, CommentView> byId = new LinkedHashMap<>();
        List<CommentView> threads = new ArrayList<>();
        for (CommentRepository.ThreadRow top : more ? tops.subList(0, page.limit()) : tops) {
            CommentView view = CommentView.from(top);
            byId.put(top.id(), view);
            threads.add(view);
        }
        for (CommentRepository.ThreadRow reply : rows) {
            // the rows after the tops; replies in the thread one past this page are left for the next
            if (reply.top() || !byId.containsKey(reply.rootId())) {
                continue;
            }
            CommentView view = CommentView.from(reply);
            byId.put(reply.id(), view);
            // a reply whose parent is no longer public joins its thread's top
            CommentView parent = byId.getOrDefault(reply.parentId(), byId.get(reply.rootId()));
            parent.replies().add(view);
        }
        return new Page<>(threads, next);
    }

    // ---------------------------------------------------------------------------------------------------- moderators

    /** The moderation queue, oldest first: editors see every article's, an author key its own articles'. */
    @Transactional
    public Page<ModeratedComment> queue(List<CommentStatus> statuses, String articleSlug, PageRequest page) {
        Collection<UUID> articleIds = null;
        if (articleSlug != null) {
            UUID id = articles.commentTarget(articleSlug, false).id();
            articleIds = mayModerate(id) ? List.of(id) : List.of();
        } else if (!caller.get().staff()) {
            articleIds = caller.get().authorId().map(articles::idsByAuthor).orElse(List.of());
        }
        String list = "queue:" + statuses + ":" + articleSlug;
        Instant afterAt = null;
        UUID afterId = null;
        if (!page.first()) {
            List<String> keys = cursors.decode(list, page.cursor(), 2);
            afterAt = instant(keys.get(0));
            afterId = Cursors.uuid(keys.get(1));
        }
        List<Comment> rows = comments.queue(statuses, articleIds, afterAt, afterId, page.limit() + 1);
        Map<UUID, ArticleRef> refs = articles.refsOf(rows.stream().map(Comment::articleId).collect(Collectors.toSet()));
        return Page.of(rows, page.limit(), comment -> ModeratedComment.from(comment, refs.get(comment.articleId())),
                comment -> cursors.encode(list, comment.createdAt().toString(), comment.id().toString()));
    }

    @Transactional
    public ModeratedComment get(UUID id) {
        Comment comment = findForModeration(id);
        return ModeratedComment.from(comment, articles.refsOf(List.of(comment.articleId())).get(comment.articleId()));
    }

    @Transactional
    public ModeratedComment moderate(UUID id, CommentStatus decision) {
        Comment comment = findForModeration(id);
        decide(comment, decision);
        comments.flush();
        return ModeratedComment.from(comment, articles.refsOf(List.of(comment.articleId())).get(comment.articleId()));
    }

    @Transactional
    public void delete(UUID id) {
        remove(findForModeration(id));
        comments.flush();
    }

    /** One decision for many comments; each comes back with what became of it. */
    @Transactional
    public Moderation.Results moderate(Moderation moderation) {
        List<Moderation.Result> results = new ArrayList<>();
        Set<UUID> seen = new java.util.HashSet<>();
        for (UUID id : moderation.ids()) {
            if (!seen.add(id)) {
                continue;
            }
            Optional<Comment> found = comments.findByIdOptional(id);
            if (found.isEmpty()) {
                results.add(new Moderation.Result(id, "not-found", null));
            } else if (!mayModerate(found.get().articleId())) {
                results.add(new Moderation.Result(id, "forbidden", found.get().status()));
            } else if (moderation.action() == Moderation.Action.delete) {
                remove(found.get());
                results.add(new Moderation.Result(id, "done", null));
            } else {
                decide(found.get(), moderation.action().status());
                results.add(new Moderation.Result(id, "done", found.get().status()));
            }
        }
        comments.flush();
        return new Moderation.Results(results);
    }

    /** Erases the IP addresses kept longer than the retention period; runs every hour on every instance. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldAddresses() {
        int erased = forgetAddressesBefore(Timestamps.now().minus(config.addressRetention()));
        if (erased > 0) {
            LOG.infof("Erased the IP addresses of %d comment(s) past retention", erased);
        }
    }

    /** Erases the IP addresses of the comments posted before {@code before}; answers how many. */
    @Transactional
    public int forgetAddressesBefore(Instant before) {
        return comments.forgetAddresses(before);
    }

    // ---------------------------------------------------------------------------------------------------- internals

    /** A decision, and what the public learns of it: a comment appears when approved, leaves when un-approved. */
    private void decide(Comment comment, CommentStatus decision) {
        boolean wasPublic = comment.status() == CommentStatus.approved;
        comment.moderate(decision, caller.get().name());
        Change.Op seen = decision == CommentStatus.approved ? Change.Op.upsert : wasPublic ? Change.Op.delete : null;
        record(comment, seen, Change.Op.upsert, switch (decision) {
            case approved -> Change.Event.COMMENT_APPROVED;
            case rejected -> Change.Event.COMMENT_REJECTED;
            case spam -> Change.Event.COMMENT_SPAM;
            case pending -> throw new IllegalArgumentException("pending is no decision");
        });
    }

    /**
     * Deletes a comment and the replies under it, each as a recorded change (the database would delete the replies
     * unseen, by {@code on delete cascade}).
     */
    private void remove(Comment comment) {
        for (Comment reply : comments.descendants(comment.id())) {
            deleteOne(reply);
        }
        deleteOne(comment);
    }

    private void deleteOne(Comment comment) {
        record(comment, comment.status() == CommentStatus.approved ? Change.Op.delete : null, Change.Op.delete,
                Change.Event.COMMENT_DELETED);
        comments.delete(comment);
        comments.flush();
    }

    private void record(Comment comment, Change.Op publicOp, Change.Op staffOp, Change.Event event) {
        changes.record(new Change(event, comment.id(), null, publicOp, staffOp, comment.version(),
                comment.articleId(), CommentKeys.changed(comment.articleId(), publicOp != null)));
    }

    private boolean mayModerate(UUID articleId) {
        Caller who = caller.get();
        return who.staff() || (who.has(Role.author) && articles.writes(articleId));
    }

    private Comment findForModeration(UUID id) {
        Comment comment = comments.findByIdOptional(id).orElseThrow(() -> Problems.notFound("comment", id.toString()));
        if (!mayModerate(comment.articleId())) {
            throw Problems.forbidden("This key may only moderate comments on its author's articles.");
        }
        return comment;
    }

    /** The comment a reply attaches to: its parent, or the deepest ancestor that may still take a reply. */
    private Comment parentFor(UUID parentId, UUID articleId) {
        Comment parent = comments.findApproved(parentId).filter(c -> c.articleId().equals(articleId))
                .orElseThrow(() -> Problems.unprocessable("parentId",
                        "no approved comment on this article has the id " + parentId));
        while (parent.depth() + 1 >= config.maxDepth() && parent.parentId() != null) {
            parent = comments.findById(parent.parentId());
        }
        return parent;
    }

    /** 429 with Retry-After when the address or the email has posted its share for the window. */
    private void enforceLimits(String address, String emailKey) {
        Instant now = Timestamps.now();
        Instant since = now.minus(config.limitWindow());
        CommentRepository.Recent byAddress = comments.recentByAddress(address, since);
        if (byAddress.count() >= config.perAddressLimit()) {
            throw tooMany("this address", byAddress.oldest(), now);
        }
        CommentRepository.Recent byEmail = comments.recentByEmail(emailKey, since);
        if (byEmail.count() >= config.perEmailLimit()) {
            throw tooMany("this email address", byEmail.oldest(), now);
        }
    }

    private HttpProblem tooMany(String who, Instant oldest, Instant now) {
        long wait = Math.max(1, Duration.between(now, oldest.plus(config.limitWindow())).toSeconds() + 1);
        return HttpProblem.builder()
                .withType(URI.create(Problems.TYPE_PREFIX + "rate-limited"))
                .withStatus(429)
                .withTitle("Too Many Requests")
                .withDetail("Too many comments from " + who + "; try again in " + wait + " seconds.")
                .withHeader("Retry-After", wait)
                .build();
    }

    private static Instant instant(String key) {
        return Cursors.instant(key);
    }
}
