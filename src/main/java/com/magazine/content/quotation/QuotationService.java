package com.magazine.content.quotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.magazine.content.access.Caller;
import com.magazine.content.article.ArticleRef;
import com.magazine.content.article.ArticleDirectory;
import com.magazine.content.author.AuthorService;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.events.Change;
import com.magazine.content.common.events.ChangeLog;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.http.KeptInMemory;
import com.magazine.content.common.time.Timestamps;
import com.magazine.content.common.http.ReadDependencies;
import com.magazine.content.author.AuthorRemoved;
import jakarta.enterprise.event.Observes;
import com.magazine.content.common.http.IfMatch;
import com.magazine.content.common.json.MergePatch;
import com.magazine.content.common.paging.Cursors;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import com.magazine.content.common.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The rules of quotations: clean plain text, a citation built from the fields, and no deletion while cited. */
@ApplicationScoped
public class QuotationService {

    private final QuotationRepository quotations;
    private final ArticleDirectory articles;
    private final AuthorService authors;
    private final Cursors cursors;
    private final MergePatch mergePatch;
    private final ChangeLog changes;
    private final Instance<Caller> caller;
    private final QuotationsInMemory embedded;

    QuotationService(QuotationRepository quotations, ArticleDirectory articles, AuthorService authors, Cursors cursors,
            MergePatch mergePatch, ChangeLog changes, Instance<Caller> caller, QuotationsInMemory embedded) {
        this.caller = caller;
        this.embedded = embedded;
        this.quotations = quotations;
        this.articles = articles;
        this.authors = authors;
        this.cursors = cursors;
        this.mergePatch = mergePatch;
        this.changes = changes;
    }

    /** The filters of a list, as the client gave them. */
    public record ListRequest(String speaker, String source, WorkKind kind, String article, String query) {
    }

    @ActivateRequestContext
    public Page<QuotationView> list(ListRequest request, PageRequest page) {
        ReadDependencies.on(QuotationKeys.QUOTATIONS);
        Collection<UUID> ids = null;
        if (request.article() != null) {
            ids = articles.quotationIdsIfVisible(request.article()).orElse(List.of());
        }
        QuotationRepository.Filter filter = new QuotationRepository.Filter(
                request.speaker() == null ? null : Quotation.key(request.speaker()),
                request.source() == null ? null : Quotation.key(request.source()),
                request.kind(), ids, request.query());
        String list = "quotations:" + HttpCaching.etagOf(List.of(String.valueOf(request))).getValue().substring(0, 10);
        UUID before = page.first() ? null : Cursors.uuid(cursors.decode(list, page.cursor(), 1).get(0));
        List<UUID> found = quotations.page(filter, before, page.limit() + 1);
        boolean more = found.size() > page.limit();
        List<UUID> served = more ? found.subList(0, page.limit()) : found;
        String next = more ? cursors.encode(list, served.get(served.size() - 1).toString()) : null;
        return new Page<>(views(quotations.load(served)), next);
    }

    @ActivateRequestContext
    public QuotationView get(UUID id) {
        return views(List.of(find(id))).get(0);
    }

    /** The quotations an article cites, in order of appearance (404 or 301 as for the article itself). */
    @ActivateRequestContext
    public List<QuotationView> ofArticle(String slug) {
        List<UUID> ids = articles.quotationIdsOf(slug);
        return views(quotations.load(ids));
    }

    @ActivateRequestContext
    public Page<SpeakerView> speakers(String search, PageRequest page) {
        ReadDependencies.on(QuotationKeys.QUOTATIONS);
        String after = page.first() ? null : cursors.decode("speakers", page.cursor(), 1).get(0);
        String key = search == null || search.isBlank() ? null : Quotation.key(search);
        List<QuotationRepository.SpeakerRow> rows = quotations.speakers(after, key, page.limit() + 1);
        Map<UUID, String> slugs = authors.slugsOf(rows.stream().map(QuotationRepository.SpeakerRow::authorId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return Page.of(rows, page.limit(),
                row -> new SpeakerView(row.name(), row.count(), slugs.get(row.authorId()), row.key(), row.changedAt()),
                row -> cursors.encode("speakers", row.key()));
    }

    @Transactional
    public QuotationView create(QuotationInput input) {
        Quotation quotation = new Quotation(resolve(input));
        quotations.persistAndFlush(quotation);
        record(quotation, Change.Op.upsert, Change.Event.QUOTATION_CREATED);
        return views(List.of(quotation)).get(0);
    }

    @Transactional
    public QuotationView replace(UUID id, QuotationInput input, IfMatch ifMatch) {
        Quotation quotation = findForWrite(id, ifMatch);
        quotation.revise(resolve(input));
        quotations.persistAndFlush(quotation);
        record(quotation, Change.Op.upsert, Change.Event.QUOTATION_UPDATED);
        return views(List.of(quotation)).get(0);
    }

    @Transactional
    public QuotationView patch(UUID id, JsonNode patch, IfMatch ifMatch) {
        Quotation quotation = findForWrite(id, ifMatch);
        quotation.revise(resolve(mergePatch.apply(asInput(quotation), patch)));
        quotations.persistAndFlush(quotation);
        record(quotation, Change.Op.upsert, Change.Event.QUOTATION_UPDATED);
        return views(List.of(quotation)).get(0);
    }

    /** Deletes a quotation no article cites; else a 409 naming the articles. */
    @Transactional
    public void delete(UUID id, IfMatch ifMatch) {
        Quotation quotation = findForWrite(id, ifMatch);
        List<ArticleRef> uses = articles.allUsages(List.of(id)).getOrDefault(id, List.of());
        if (!uses.isEmpty()) {
            throw Problems.conflict("quotation-in-use", "The quotation is embedded in " + uses.size()
                    + (uses.size() == 1 ? " article: " : " articles: ")
                    + uses.stream().map(use -> "'" + use.slug() + "' (" + use.status() + ")")
                            .collect(Collectors.joining(", "))
                    + ". Remove its quote blocks first.");
        }
        record(quotation, Change.Op.delete, Change.Event.QUOTATION_DELETED);
        quotations.delete(quotation);
        quotations.flush();
    }

    /** Quotations are public: the public and editors see each change alike. */
    private void record(Quotation quotation, Change.Op op, Change.Event event) {
        changes.record(new Change(event, quotation.id(), null, op, op, quotation.version(),
                QuotationKeys.changed(quotation.id())));
    }

    /**
     * An author is being deleted: the quotations they spoke keep their speaker's name and lose the link to the author,
     * each as a recorded change (the database would otherwise do it unseen, by {@code on delete set null}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void authorRemoved(@Observes AuthorRemoved removed) {
        for (Quotation quotation : quotations.list("speakerAuthorId", removed.authorId())) {
            quotation.forgetSpeakerAuthor();
            quotations.persistAndFlush(quotation);
            record(quotation, Change.Op.upsert, Change.Event.QUOTATION_UPDATED);
        }
    }

    /** For articles: these quotations as quote blocks embed them, from memory or else in one query. */
    @ActivateRequestContext
    public Map<UUID, com.magazine.content.article.QuotationEmbed> embeds(Collection<UUID> ids) {
        return embedded.get(ids, Timestamps.now(), missing -> quotations.byIds(missing).values().stream()
                .collect(Collectors.toMap(Quotation::id, quotation -> new KeptInMemory.Loaded<>(embed(quotation),
                        Set.of(QuotationKeys.quotation(quotation.id())), null))));
    }

    private static com.magazine.content.article.QuotationEmbed embed(Quotation quotation) {
        return new com.magazine.content.article.QuotationEmbed(quotation.id(), quotation.text(),
                quotation.attribution(), quotation.url(), quotation.language(), quotation.speakerName(),
                quotation.speakerDescription(), quotation.source() == null ? null : quotation.source().title(),
                quotation.source() == null ? null : quotation.source().kind().name(),
                quotation.source() == null ? null : quotation.source().locator());
    }

    private Quotation find(UUID id) {
        return quotations.findByIdOptional(id).orElseThrow(() -> Problems.notFound("quotation", id.toString()));
    }

    private Quotation findForWrite(UUID id, IfMatch ifMatch) {
        Quotation quotation = find(id);
        requireMayChange(quotation);
        ifMatch.check(views(List.of(quotation)).get(0).etag());
        return quotation;
    }

    /**
     * An author key changes only quotations that are its own author's to change: none attributed to another of our
     * authors, and none that an article its author does not write embeds (what that article shows would change
     * under its authors). Editors change any.
     */
    private void requireMayChange(Quotation quotation) {
        Caller who = caller.get();
        if (who.staff()) {
            return;
        }
        if (quotation.speakerAuthorId() != null && !who.mayWriteFor(quotation.speakerAuthorId())) {
            throw Problems.forbidden("The quotation is attributed to another of our authors: only that author's key "
                    + "or an editor's may change it.");
        }
        UUID own = who.authorId().orElseThrow(() -> Problems.forbidden("This key may not change quotations."));
        if (articles.quotedByOthersThan(quotation.id(), own)) {
            throw Problems.forbidden("An article by another author embeds this quotation: only an editor's key may "
                    + "change it.");
        }
    }

    /** The input cleaned to plain text, the speaker's author found. */
    private Quotation.Content resolve(QuotationInput input) {
        UUID authorId = null;
        if (input.speaker().author() != null) {
            authorId = authors.idOf(input.speaker().author()).orElseThrow(() -> Problems.unprocessable(
                    "speaker.author", "no author has the slug '" + input.speaker().author() + "'"));
            if (!caller.get().mayWriteFor(authorId)) {
                throw Problems.forbidden("Only the key of " + input.speaker().author() + " or an editor's may "
                        + "attribute a quotation to that author.");
            }
        }
        String text = Text.plain(input.text());
        String speaker = Text.plainLine(input.speaker().name());
        Map<String, String> empty = new java.util.LinkedHashMap<>();
        if (text == null) {
            empty.put("text", "has no words once markup is removed");
        }
        if (speaker == null) {
            empty.put("speaker.name", "has no words once markup is removed");
        }
        if (!empty.isEmpty()) {
            throw Problems.unprocessable(empty);
        }
        return new Quotation.Content(text, speaker, Text.plainLine(input.speaker().description()), authorId,
                clean(input.source()), clean(input.via()), input.language(), Text.plain(input.note()));
    }

    private static Work clean(Work work) {
        if (work == null) {
            return null;
        }
        String title = Text.plainLine(work.title());
        if (title == null) {
            throw Problems.unprocessable("source.title", "has no words once markup is removed");
        }
        return new Work(title, work.kind(), Text.plainLine(work.by()), Text.plainLine(work.publisher()),
                work.url() == null ? null : work.url().strip(), Text.plainLine(work.locator()), work.date());
    }

    private QuotationInput asInput(Quotation quotation) {
        String authorSlug = quotation.speakerAuthorId() == null ? null
                : authors.slugsOf(List.of(quotation.speakerAuthorId())).get(quotation.speakerAuthorId());
        return new QuotationInput(quotation.text(),
                new Speaker(quotation.speakerName(), quotation.speakerDescription(), authorSlug),
                quotation.source(), quotation.via(), quotation.language(), quotation.note());
    }

    /** Views of these quotations with their uses and speakers' authors, fetched for all of them at once. */
    private List<QuotationView> views(List<Quotation> page) {
        Set<UUID> ids = new HashSet<>();
        Set<UUID> authorIds = new HashSet<>();
        page.forEach(quotation -> {
            ids.add(quotation.id());
            if (quotation.speakerAuthorId() != null) {
                authorIds.add(quotation.speakerAuthorId());
            }
        });
        Map<UUID, List<ArticleRef>> uses = articles.usages(ids);
        Map<UUID, String> slugs = authors.slugsOf(authorIds);
        List<QuotationView> views = new ArrayList<>();
        for (Quotation quotation : page) {
            ReadDependencies.on(QuotationKeys.quotation(quotation.id()));
            List<ArticleRef> usedIn = uses.getOrDefault(quotation.id(), List.of());
            List<String> parts = new ArrayList<>();
            parts.add(HttpCaching.etag(quotation.id(), quotation.version()).getValue());
            parts.add(String.valueOf(slugs.get(quotation.speakerAuthorId())));
            Instant modified = quotation.updatedAt();
            for (ArticleRef use : usedIn) {
                parts.add(use.slug() + "|" + use.title() + "|" + use.status());
                if (use.publishedAt() != null && use.publishedAt().isAfter(modified)
                        && !use.publishedAt().isAfter(Instant.now())) {
                    modified = use.publishedAt();
                }
            }
            views.add(new QuotationView(quotation.id(), quotation.text(),
                    new Speaker(quotation.speakerName(), quotation.speakerDescription(),
                            slugs.get(quotation.speakerAuthorId())),
                    quotation.source(), quotation.via(), quotation.language(), quotation.note(),
                    quotation.attribution(), quotation.url(), usedIn, quotation.createdAt(), quotation.updatedAt(),
                    quotation.version(), HttpCaching.etagOf(parts), modified));
        }
        return views;
    }
}
