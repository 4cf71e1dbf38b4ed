package com.magazine.content.author;

import com.magazine.content.asset.AssetService;
import com.magazine.content.asset.EmbeddedAsset;
import com.magazine.content.asset.ImageUse;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.time.Timestamps;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.magazine.content.access.AuthorDirectory;
import com.magazine.content.access.Caller;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.events.Change;
import com.magazine.content.common.events.ChangeLog;
import com.magazine.content.common.http.IfMatch;
import com.magazine.content.common.http.KeptInMemory;
import com.magazine.content.common.http.ReadDependencies;
import com.magazine.content.common.http.SurrogateKey;
import com.magazine.content.asset.AssetKeys;
import com.magazine.content.common.json.MergePatch;
import com.magazine.content.common.paging.Cursors;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import com.magazine.content.common.text.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;

/** The rules of authors: slugs, who may change whom, and what blocks a deletion. */
@ApplicationScoped
public class AuthorService implements AuthorDirectory {

    private static final String BY_NAME = "authors:name";

    private final AuthorRepository authors;
    private final Cursors cursors;
    private final MergePatch mergePatch;
    private final Instance<Caller> caller;
    private final Instance<AuthorReferences> references;
    private final ChangeLog changes;
    private final Event<AuthorRemoved> removed;
    private final AssetService assets;
    private final String mediaBase;
    private final AuthorsInMemory bylines;

    AuthorService(AuthorRepository authors, Cursors cursors, MergePatch mergePatch, Instance<Caller> caller,
            Instance<AuthorReferences> references, ChangeLog changes, Event<AuthorRemoved> removed,
            AssetService assets, ContentConfig config, AuthorsInMemory bylines) {
        this.bylines = bylines;
        this.assets = assets;
        this.mediaBase = config.site().apiBase();
        this.authors = authors;
        this.cursors = cursors;
        this.mergePatch = mergePatch;
        this.caller = caller;
        this.references = references;
        this.changes = changes;
        this.removed = removed;
    }

    @ActivateRequestContext
    public Page<AuthorView> list(PageRequest page) {
        ReadDependencies.on(AuthorKeys.AUTHORS);
        String afterName = null;
        UUID afterId = null;
        if (!page.first()) {
            List<String> keys = cursors.decode(BY_NAME, page.cursor(), 2);
            afterName = keys.get(0);
            afterId = Cursors.uuid(keys.get(1));
        }
        List<Author> found = authors.pageByName(afterName, afterId, page.limit() + 1);
        Map<UUID, EmbeddedAsset> avatars = avatarsOf(found);
        Instant now = Timestamps.now();
        return Page.of(found, page.limit(), author -> view(author, avatars, now),
                author -> cursors.encode(BY_NAME, author.sortName(), author.id().toString()));
    }

    @ActivateRequestContext
    public AuthorView get(String slug) {
        return view(find(slug));
    }

    @Transactional
    public AuthorView create(AuthorInput input) {
        requireAvatar(input);
        String slug = input.slug() != null ? claim(input.slug()) : freeSlugFor(input.name());
        Author author = save(new Author(slug, input));
        record(author, Change.Op.upsert, Change.Event.AUTHOR_CREATED);
        return view(author);
    }

    /** Full update (PUT): every field is replaced; a left-out slug keeps the current one. */
    @Transactional
    public AuthorView replace(String slug, AuthorInput input, IfMatch ifMatch) {
        Author author = findForWrite(slug, ifMatch);
        if (input.slug() != null && !input.slug().equals(author.slug())) {
            claim(input.slug());
        }
        requireAvatar(input);
        author.revise(input);
        save(author);
        record(author, Change.Op.upsert, Change.Event.AUTHOR_UPDATED);
        return view(author);
    }

    /** JSON merge patch: applied to the author as written, then checked and saved like a full update. */
    @Transactional
    public AuthorView patch(String slug, JsonNode patch, IfMatch ifMatch) {
        Author author = findForWrite(slug, ifMatch);
        AuthorInput input = mergePatch.apply(author.toInput(), patch);
        if (input.slug() == null) {
            throw Problems.unprocessable("slug", "cannot be removed; send a new slug to rename the author");
        }
        if (!input.slug().equals(author.slug())) {
            claim(input.slug());
        }
        requireAvatar(input);
        author.revise(input);
        save(author);
        record(author, Change.Op.upsert, Change.Event.AUTHOR_UPDATED);
        return view(author);
    }

    /** Deletes an author who no longer has anything (409 naming what remains). */
    @Transactional
    public void delete(String slug, IfMatch ifMatch) {
        Author author = find(slug);
        ifMatch.check(view(author).etag());
        List<String> remaining = references.stream()
                .map(reference -> reference.describe(author.id()))
                .flatMap(Optional::stream)
                .toList();
        if (!remaining.isEmpty()) {
            throw Problems.conflict("author-in-use", "The author '" + slug + "' still has "
                    + String.join(", ", remaining) + "; remove or reassign them first.");
        }
        record(author, Change.Op.delete, Change.Event.AUTHOR_DELETED);
        removed.fire(new AuthorRemoved(author.id())); // what names the author lets go of it, and logs that it did
        authors.delete(author);
        authors.flush();
    }

    /** Authors are public: the public and editors see each change alike. */
    private void record(Author author, Change.Op op, Change.Event event) {
        changes.record(new Change(event, author.id(), author.slug(), op, op, author.version(),
                AuthorKeys.changed(author.id())));
    }

    /** How many authors there are. */
    @ActivateRequestContext
    public long count() {
        ReadDependencies.on(AuthorKeys.AUTHORS);
        return authors.count();
    }

    /** For sitemaps: every author, by name. */
    @ActivateRequestContext
    public List<AuthorView> all() {
        ReadDependencies.on(AuthorKeys.AUTHORS);
        List<Author> all = authors.list("order by sortName, id");
        Map<UUID, EmbeddedAsset> avatars = avatarsOf(all);
        Instant now = Timestamps.now();
        return all.stream().map(author -> view(author, avatars, now)).toList();
    }

    @Override
    @ActivateRequestContext
    public Optional<UUID> idOf(String slug) {
        return found(slug, authors.findBySlug(slug)).map(Author::id);
    }

    @Override
    @ActivateRequestContext
    public Map<UUID, String> slugsOf(Collection<UUID> ids) {
        return shown(authors.findByIds(Set.copyOf(ids))).stream().collect(Collectors.toMap(Author::id, Author::slug));
    }

    /** For other features: the ids of the authors with these slugs, by slug; unknown slugs are left out. */
    @ActivateRequestContext
    public Map<String, UUID> idsBySlug(Collection<String> slugs) {
        ReadDependencies.on(AuthorKeys.AUTHORS); // some of the slugs may name no one yet
        return shown(authors.findBySlugs(Set.copyOf(slugs))).stream()
                .collect(Collectors.toMap(Author::slug, Author::id));
    }

    /** For other features: these authors, by id, from memory or else in one query (and one for their avatars). */
    @ActivateRequestContext
    public Map<UUID, AuthorView> viewsOf(Collection<UUID> ids) {
        Instant now = Timestamps.now();
        return bylines.get(Set.copyOf(ids), now, missing -> {
            List<Author> found = authors.findByIds(missing);
            Map<UUID, EmbeddedAsset> avatars = avatarsOf(found);
            return found.stream().collect(Collectors.toMap(Author::id, author -> {
                EmbeddedAsset avatar = author.avatar() == null ? null : avatars.get(author.avatar().assetId());
                Set<SurrogateKey> keys = author.avatar() == null ? Set.of(AuthorKeys.author(author.id()))
                        : Set.of(AuthorKeys.author(author.id()), AssetKeys.asset(author.avatar().assetId()));
                return new KeptInMemory.Loaded<>(view(author, avatars, now), keys,
                        avatar == null ? null : avatar.shownUntil(now));
            }));
        });
    }

    /** The avatars of these authors, in one query. */
    private Map<UUID, EmbeddedAsset> avatarsOf(List<Author> shown) {
        return assets.embeddable(shown.stream().map(Author::avatar).filter(Objects::nonNull)
                .map(ImageUse::assetId).collect(Collectors.toSet()));
    }

    private AuthorView view(Author author) {
        return view(author, avatarsOf(List.of(author)), Timestamps.now());
    }

    private AuthorView view(Author author, Map<UUID, EmbeddedAsset> avatars, Instant now) {
        return AuthorView.of(author, author.avatar() == null ? null : avatars.get(author.avatar().assetId()), now,
                mediaBase);
    }

    /** An avatar names an asset that exists. */
    private void requireAvatar(AuthorInput input) {
        if (input.avatar() != null && input.avatar().assetId() != null
                && assets.embeddable(Set.of(input.avatar().assetId())).isEmpty()) {
            throw Problems.unprocessable("avatar.assetId", "no asset has the id " + input.avatar().assetId());
        }
    }

    private Author find(String slug) {
        return found(slug, authors.findBySlug(slug)).orElseThrow(() -> Problems.notFound("author", slug));
    }

    /**
     * Declares what a lookup by slug depends on: the author found, or, when no one has the slug, the set of authors
     * (an answer built on "no such author", an empty list say, changes when one is created).
     */
    private static Optional<Author> found(String slug, Optional<Author> author) {
        ReadDependencies.on(author.map(a -> AuthorKeys.author(a.id())).orElse(AuthorKeys.AUTHORS));
        return author;
    }

    /** Declares that the answer shows these authors. */
    private static List<Author> shown(List<Author> shown) {
        shown.forEach(author -> ReadDependencies.on(AuthorKeys.author(author.id())));
        return shown;
    }

    private Author findForWrite(String slug, IfMatch ifMatch) {
        Author author = find(slug);
        caller.get().requireWriteFor(author.id());
        ifMatch.check(view(author).etag());
        return author;
    }

    /** The slug, when no other author has it. */
    private String claim(String slug) {
        if (authors.slugTaken(slug)) {
            throw slugTaken(slug);
        }
        return slug;
    }

    /** The slug of the name, with -2, -3… appended when authors of the same name exist. */
    private String freeSlugFor(String name) {
        String base = Slugs.of(name);
        if (base.isEmpty()) {
            base = "author";
        }
        Set<String> taken = new HashSet<>(authors.slugsLike(base));
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** Writes now, so that a slug taken by a concurrent request is a 409, not a failure at commit. */
    private Author save(Author author) {
        try {
            authors.persistAndFlush(author);
            return author;
        } catch (PersistenceException e) {
            Throwable cause = e instanceof ConstraintViolationException ? e : e.getCause();
            if (cause instanceof ConstraintViolationException violation
                    && "author_slug_key".equals(violation.getConstraintName())) {
                throw slugTaken(author.slug());
            }
            throw e;
        }
    }

    private static RuntimeException slugTaken(String slug) {
        return Problems.conflict("slug-taken", "Another author already has the slug '" + slug + "'.");
    }
}
