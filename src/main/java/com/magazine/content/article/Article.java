package com.magazine.content.article;

import com.magazine.content.asset.ImageUse;

import com.magazine.content.common.text.Slugs;
import com.magazine.content.common.text.Text;
import com.magazine.content.common.time.Timestamps;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.FetchType;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.LazyGroup;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

/**
 * An article. Its stored state is draft, published or archived; a published article whose {@code publishedAt} is
 * still ahead is scheduled, and becomes public by itself at that instant (decided when it is read).
 */
@Entity
@Table(name = "article")
class Article {

    enum State { draft, published, archived }

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false, unique = true)
    private String slug;

    private String title;

    private String subtitle;

    private String excerpt;

    @Column(name = "sort_title", nullable = false)
    private String sortTitle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State status;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "canonical_url")
    private String canonicalUrl;

    @Column(name = "comments_open", nullable = false)
    private boolean commentsOpen;

    /**
     * Loaded only when used: lists do not need it, and reads that do fetch the bodies of a whole page in one query
     * (see ArticleRepository#bodies).
     */
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("body")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Block> body;

    /** Written for search; never read back, so never loaded. */
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("text")
    @Column(name = "body_text", nullable = false)
    private String bodyText;

    @Column(name = "word_count", nullable = false)
    private int wordCount;

    @Column(name = "comment_count", nullable = false, insertable = false, updatable = false)
    private int commentCount;

    /** Bylines in order, by author id: the author feature owns authors. */
    @ElementCollection
    @CollectionTable(name = "article_author", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "author_id", nullable = false)
    private List<UUID> authorIds = new ArrayList<>();

    /** The quotations the body's quote blocks cite, in order of appearance. */
    @ElementCollection
    @CollectionTable(name = "article_quotation", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "quotation_id", nullable = false)
    private List<UUID> quotationIds = new ArrayList<>();

    /** The lead image, as written (the asset and this use's own alt text and caption); null when none. */
    @JdbcTypeCode(SqlTypes.JSON)
    private ImageUse image;

    /** Search overrides, as written; null when none. */
    @JdbcTypeCode(SqlTypes.JSON)
    private SeoInput seo;

    /** Social card overrides, as written; null when none. */
    @JdbcTypeCode(SqlTypes.JSON)
    private SocialInput social;

    /** Every asset it shows (lead image first, then the body's image blocks): what keeps them from deletion. */
    @ElementCollection
    @CollectionTable(name = "article_asset", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "asset_id", nullable = false)
    private List<UUID> assetIds = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderColumn(name = "position")
    private List<Tag> tags = new ArrayList<>();

    /** Whether partners may syndicate it (their reads, the feeds, their change feed, webhooks). */
    @Column(nullable = false)
    private boolean syndicatable = true;

    /** Publishing it, or changing it once public or scheduled, needs an editor. */
    @Column(name = "legally_sensitive", nullable = false)
    private boolean legallySensitive;

    /** Partners read it while it is scheduled, before the public. */
    @Column(nullable = false)
    private boolean embargo;

    /** Credits beside the byline, in order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<ContributorInput.Stored> contributors = new ArrayList<>();

    /** The primary section: one of its tags, of type section; null when none. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "section_id")
    private Tag section;

    /**
     * Its corrections, in the order they were appended: only appended and withdrawn (see {@link #correct} and
     * {@link #withdrawCorrection}), never written by a revision of the content.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Correction> corrections = new ArrayList<>();

    /** When it leaves public view by itself; null: never. Always after publishedAt. */
    @Column(name = "unpublish_at")
    private Instant unpublishAt;

    /** When its expiry was announced; null while it has not expired or was not told yet. */
    @Column(name = "expiry_announced_at")
    private Instant expiryAnnouncedAt;

    /** When its going public was announced (change feed, webhooks); null while it is not public. */
    @Column(name = "announced_at")
    private Instant announcedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Article() {
    }

    /** A new draft. */
    Article(String slug, Content content) {
        this.createdAt = Timestamps.now();
        this.status = State.draft;
        this.slug = slug;
        write(content);
    }

    /** Replaces the content; the slug changes only when one is given. */
    void revise(String newSlug, Content content) {
        if (newSlug != null) {
            slug = newSlug;
        }
        write(content);
    }

    private void write(Content content) {
        title = Text.line(content.title());
        subtitle = Text.line(content.subtitle());
        excerpt = Text.clean(content.excerpt());
        sortTitle = title == null ? "" : Slugs.fold(title);
        canonicalUrl = content.canonicalUrl() == null ? null : content.canonicalUrl().strip();
        commentsOpen = content.commentsOpen();
        body = content.body();
        quotationIds.clear();
        body.stream().filter(Block.Quote.class::isInstance)
                .map(block -> ((Block.Quote) block).quotationId())
                .forEach(quotationIds::add);
        image = content.image();
        seo = content.seo();
        social = content.social();
        if (!java.util.Objects.equals(unpublishAt, content.unpublishAt())) {
            expiryAnnouncedAt = null; // a new expiry is announced anew
        }
        unpublishAt = content.unpublishAt();
        section = content.section();
        contributors = List.copyOf(content.contributors());
        syndicatable = content.syndicatable();
        legallySensitive = content.legallySensitive();
        embargo = content.embargo();
        assetIds.clear();
        java.util.stream.Stream.concat(java.util.stream.Stream.concat(
                                java.util.stream.Stream.ofNullable(image).map(ImageUse::assetId),
                                java.util.stream.Stream.ofNullable(social).map(SocialInput::image)
                                        .filter(java.util.Objects::nonNull).map(ImageUse::assetId)),
                        Block.imageAssetIds(body))
                .distinct().forEach(assetIds::add);
        bodyText = content.bodyText();
        wordCount = Markup.wordCount(bodyText);
        authorIds.clear();
        authorIds.addAll(content.authorIds());
        tags.clear();
        tags.addAll(content.tags());
        updatedAt = Timestamps.now();
    }

    /**
     * Publishes at {@code at}: now or in the past makes it public at once, a future instant schedules it.
     *
     * @return whether it is public now (and so announced at once)
     */
    boolean publish(Instant at, Instant now) {
        expiryAnnouncedAt = null;
        status = State.published;
        publishedAt = at;
        updatedAt = Timestamps.now();
        announcedAt = at.isAfter(now) ? null : now;
        return announcedAt != null;
    }

    /** A scheduled article whose instant has passed is announced, once. */
    void announce(Instant now) {
        announcedAt = now;
    }

    /** An expired article's leaving public view has been announced: the public was told of its end. */
    void announceExpiry(Instant now) {
        expiryAnnouncedAt = now;
    }

    /** Back to draft, out of public view; a later publish sets a new date. */
    void unpublish() {
        status = State.draft;
        publishedAt = null;
        announcedAt = null;
        expiryAnnouncedAt = null;
        updatedAt = Timestamps.now();
    }

    /** Out of the lists and feeds, still at its URL for editors; keeps its publication date. */
    void archive() {
        status = State.archived;
        announcedAt = null;
        updatedAt = Timestamps.now();
    }

    /**
     * Appends a correction: what was published is corrected in the open, and the article counts as modified (its
     * dateModified moves, in feeds and JSON-LD too).
     */
    void correct(Correction correction) {
        List<Correction> appended = new ArrayList<>(corrections);
        appended.add(correction);
        corrections = appended;
        updatedAt = correction.at();
    }

    /** The correction with this id, withdrawn at {@code now} for {@code reason}; it stays in the list, marked. */
    void withdrawCorrection(UUID correctionId, String reason, Instant now) {
        corrections = corrections.stream()
                .map(c -> c.id().equals(correctionId) ? c.withdraw(reason, now) : c)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        updatedAt = now;
    }

    java.util.Optional<Correction> correction(UUID correctionId) {
        return corrections.stream().filter(c -> c.id().equals(correctionId)).findFirst();
    }

    /** Whether its being public has been announced: the public has been told of it and must be told of its end. */
    boolean announced() {
        return announcedAt != null;
    }

    /** The status as the API shows it at {@code now}. */
    ArticleStatus statusAt(Instant now) {
        return ArticleSummary.statusAt(status, publishedAt, unpublishAt, now);
    }

    /** Whether partners read it at {@code now}: see {@link ArticleSummary#partnersSeeAt}. */
    boolean partnersSeeAt(Instant now) {
        return summaryRights().partnersSee(statusAt(now));
    }

    private ArticleSummary.Rights summaryRights() {
        return new ArticleSummary.Rights(syndicatable, legallySensitive, embargo);
    }

    boolean legallySensitive() {
        return legallySensitive;
    }

    boolean syndicatable() {
        return syndicatable;
    }

    boolean embargo() {
        return embargo;
    }

    /** Whether anyone may read it at {@code now}, without a key. */
    boolean publicAt(Instant now) {
        return statusAt(now) == ArticleStatus.published;
    }

    /** Its state as views are built from it; flush first, so that the version is the one stored. */
    ArticleSummary summary() {
        return new ArticleSummary(id, slug, title, subtitle, excerpt, status, publishedAt, canonicalUrl, commentsOpen,
                wordCount, commentCount, createdAt, updatedAt, version, List.copyOf(authorIds),
                tags.stream().map(TagRef::from).toList(), image, seo, social, unpublishAt,
                section == null ? null : TagRef.from(section), contributors, List.copyOf(corrections),
                new ArticleSummary.Rights(syndicatable, legallySensitive, embargo));
    }

    /** What an article holds besides its slug and lifecycle, resolved and cleaned by the service. */
    record Content(String title, String subtitle, String excerpt, String canonicalUrl, boolean commentsOpen,
            List<Block> body, String bodyText, List<UUID> authorIds, List<Tag> tags, ImageUse image, SeoInput seo,
            SocialInput social, Instant unpublishAt, Tag section, List<ContributorInput.Stored> contributors,
            boolean syndicatable, boolean legallySensitive, boolean embargo) {
    }

    UUID id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    String subtitle() {
        return subtitle;
    }

    String excerpt() {
        return excerpt;
    }

    String sortTitle() {
        return sortTitle;
    }

    State state() {
        return status;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    Instant unpublishAt() {
        return unpublishAt;
    }

    Tag section() {
        return section;
    }

    List<ContributorInput.Stored> contributors() {
        return contributors;
    }

    String canonicalUrl() {
        return canonicalUrl;
    }

    boolean commentsOpen() {
        return commentsOpen;
    }

    List<Block> body() {
        return body;
    }

    int wordCount() {
        return wordCount;
    }

    int commentCount() {
        return commentCount;
    }

    List<UUID> authorIds() {
        return authorIds;
    }

    List<Tag> tags() {
        return tags;
    }

    ImageUse image() {
        return image;
    }

    SeoInput seo() {
        return seo;
    }

    SocialInput social() {
        return social;
    }

    List<UUID> quotationIds() {
        return quotationIds;
    }

    List<Correction> corrections() {
        return corrections;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
