package com.magazine.content.wordpress;

import com.magazine.content.article.ArticleInput;
import com.magazine.content.article.ArticleStatus;
import com.magazine.content.article.Block;
import com.magazine.content.asset.ImageUse;
import com.magazine.content.common.text.Digests;
import com.magazine.content.common.text.Slugs;
import com.magazine.content.common.time.Timestamps;
import com.magazine.content.quotation.QuotationInput;
import com.magazine.content.quotation.Speaker;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;

import static com.magazine.content.wordpress.ImportWriter.cut;
import static com.magazine.content.wordpress.ImportWriter.firstNonBlank;

/**
 * One WordPress import, run to its end: a first pass over the file for its site, authors, terms and attachments
 * (the authors and terms written once, the attachments noted for the posts to find), then the items, each post
 * written whole in a transaction that also records how far the job got, so that a job taken up again after a restart
 * goes on after the last item done.
 */
@ApplicationScoped
class WordPressImport {

    private static final Logger LOG = Logger.getLogger(WordPressImport.class);

    /** How many items that are not posts are passed over between two records of progress. */
    private static final int PROGRESS_EVERY = 200;

    private final ImportWriter writer;

    WordPressImport(ImportWriter writer) {
        this.writer = writer;
    }

    void run(ImportJob job) {
        ImportWriter.Run run = new ImportWriter.Run(job);
        Path file = Path.of(job.filePath());
        header(run, file);
        items(run, file);
    }

    private void header(ImportWriter.Run run, Path file) {
        try (InputStream in = Files.newInputStream(file); WxrReader reader = new WxrReader(in)) {
            long read = 0;
            while (reader.hasNext()) {
                WxrItem item = reader.next();
                if (++read % PROGRESS_EVERY == 0) {
                    writer.progress(run, run.job.headerDone(), run.job.itemsDone()); // the claim, kept
                }
                if (item instanceof WxrItem.Site site) {
                    run.site = firstNonBlank(site.baseBlogUrl(), site.baseSiteUrl(), site.link());
                    run.source = "wordpress:" + run.site.replaceAll("/+$", "");
                } else if (item instanceof WxrItem.Author author && !run.job.headerDone()) {
                    writer.author(run, author);
                } else if (item instanceof WxrItem.Term term && !run.job.headerDone()) {
                    writer.term(run, term);
                } else if (item instanceof WxrItem.Post post && post.type().equals("attachment")) {
                    writer.attachment(run, post);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer.progress(run, true, run.job.itemsDone());
    }

    private void items(ImportWriter.Run run, Path file) {
        long done = run.job.itemsDone();
        try (InputStream in = Files.newInputStream(file); WxrReader reader = new WxrReader(in, done)) {
            long sinceProgress = 0;
            while (reader.hasNext()) {
                if (!(reader.next() instanceof WxrItem.Post post)) {
                    continue;
                }
                done++;
                if (post.type().equals("post")) {
                    post(run, post, done);
                    sinceProgress = 0;
                    continue;
                }
                if (post.type().equals("page")) {
                    writer.note(run, ImportReportEntry.of("page", String.valueOf(post.id()), null, "skipped",
                            "a page ('" + cut(post.title(), 100) + "'), not a post: pages are not imported"));
                }
                if (++sinceProgress >= PROGRESS_EVERY) {
                    writer.progress(run, true, done);
                    sinceProgress = 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer.progress(run, true, done);
    }

    private void post(ImportWriter.Run run, WxrItem.Post post, long done) {
        try {
            writer.post(run, post, map(run, post), done);
        } catch (ImportWriter.Skipped e) {
            writer.skipped(run, post, e.getMessage(), done);
        } catch (HttpProblem e) {
            writer.skipped(run, post, ImportWriter.describe(e), done);
        } catch (RuntimeException e) {
            if (e instanceof WxrException || fromDatabase(e)) {
                // the file is bad, or the database is away: the job stops (it is failed, not left half-skipped);
                // running the file again takes up what is missing and leaves what is done as it is
                throw e;
            }
            LOG.warnf(e, "Import %s: post %d could not be written", run.job.id(), post.id());
            writer.skipped(run, post, "could not be written (" + e.getClass().getSimpleName() + "); see the logs",
                    done);
        }
    }

    /**
     * Whether the database failed rather than this post: it cannot be reached (the project's one definition, which
     * also answers 503s), or it rolled the transaction back for another's sake (SQLSTATE class 40: serialization,
     * deadlock).
     */
    private static boolean fromDatabase(Throwable e) {
        if (com.magazine.content.common.error.PersistenceProblems.databaseUnavailable(e)) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** The post as an article, with its images made assets first; {@link ImportWriter.Skipped} when not imported. */
    private ImportWriter.Mapped map(ImportWriter.Run run, WxrItem.Post post) {
        String id = String.valueOf(post.id());
        List<ImportReportEntry> notes = new ArrayList<>();
        ArticleStatus target;
        Instant at = post.dateGmt();
        switch (post.status()) {
            case "publish" -> target = ArticleStatus.published;
            case "future" -> target = ArticleStatus.scheduled;
            case "draft" -> target = ArticleStatus.draft;
            case "pending", "private" -> {
                target = ArticleStatus.draft;
                notes.add(note(id, "changed", post.status() + " in WordPress: imported as a draft"));
            }
            case "trash", "auto-draft", "inherit" ->
                    throw new ImportWriter.Skipped("'" + post.status() + "' in WordPress: not imported");
            default -> {
                target = ArticleStatus.draft;
                notes.add(note(id, "changed", "the status '" + post.status() + "' is unknown: imported as a draft"));
            }
        }
        if (target != ArticleStatus.draft && at == null) {
            at = Timestamps.now();
            notes.add(note(id, "changed", "no date in the file: published as of the import"));
        }
        if (target == ArticleStatus.scheduled && at != null && !at.isAfter(Timestamps.now())) {
            target = ArticleStatus.published; // its time has come since the export
        }
        if (post.sticky()) {
            notes.add(note(id, "flagged", "sticky in WordPress: there is no sticky here; feature it by hand"));
        }

        HtmlBlocks.Converted converted = HtmlBlocks.convert(post.contentHtml());
        for (String message : converted.notes()) {
            notes.add(note(id, "changed", message));
        }
        List<Block> body = new ArrayList<>();
        List<ImportWriter.Quote> quotes = new ArrayList<>();
        List<String> imageDigests = new ArrayList<>();
        for (HtmlBlocks.Draft draft : converted.blocks()) {
            if (draft instanceof HtmlBlocks.Paragraph p) {
                body.add(new Block.Paragraph(null, p.html()));
            } else if (draft instanceof HtmlBlocks.Heading h) {
                body.add(new Block.Heading(null, h.level(), InlineHtml.escape(h.text())));
            } else if (draft instanceof HtmlBlocks.ListItems l) {
                body.add(new Block.ListBlock(null, l.ordered(), l.itemsHtml()));
            } else if (draft instanceof HtmlBlocks.Quote q) {
                boolean attributed = q.citation() != null && !q.citation().isBlank();
                if (!attributed) {
                    notes.add(note(id, "flagged", "a quotation without an attribution (\"" + cut(q.text(), 60)
                            + "\"): attributed to 'Unattributed'; name its speaker"));
                }
                quotes.add(new ImportWriter.Quote(body.size(), new QuotationInput(cut(q.text(), 10000),
                        attributed ? speaker(q.citation()) : new Speaker("Unattributed", null, null), null, null,
                        null, attributed ? null : "Imported without an attribution.")));
                body.add(new Block.Paragraph(null, "(quotation)")); // replaced by the quote block when written
            } else if (draft instanceof HtmlBlocks.Image image) {
                ImportWriter.Prepared prepared = image(run, image.attachmentId(), image.src(), image.alt(),
                        image.caption(), notes, id);
                if (prepared.assetId() != null) {
                    body.add(new Block.Image(null, prepared.assetId(), prepared.alt(), prepared.caption(),
                            Block.Layout.inline, null));
                    imageDigests.add(prepared.assetId().toString());
                } else {
                    notes.add(note(id, "skipped", "the image " + image.src() + " was not imported: "
                            + prepared.problem()));
                    if (image.caption() != null && !image.caption().isBlank()) {
                        body.add(new Block.Paragraph(null, InlineHtml.escape(image.caption()))); // its words stay
                    }
                }
            }
        }
        ImageUse lead = null;
        String thumbnail = post.meta().get("_thumbnail_id");
        if (thumbnail != null && thumbnail.strip().matches("\\d{1,18}")) {
            ImportWriter.Prepared prepared = image(run, Long.parseLong(thumbnail.strip()), null, null, null, notes, id);
            if (prepared.assetId() != null) {
                lead = new ImageUse(prepared.assetId(), prepared.alt(), prepared.caption());
                imageDigests.add("lead:" + prepared.assetId());
            } else {
                notes.add(note(id, "skipped", "the featured image " + thumbnail.strip() + " was not imported: "
                        + prepared.problem()));
            }
        }

        String title = ImportWriter.blankToNull(Jsoup.parse(post.title()).text());
        String excerpt = ImportWriter.blankToNull(Jsoup.parse(post.excerpt()).text());
        if (title != null && title.length() > 300) {
            notes.add(note(id, "changed", "the title was cut to 300 characters"));
            title = title.substring(0, 300);
        }
        if (excerpt != null && excerpt.length() > 2000) {
            notes.add(note(id, "changed", "the excerpt was cut to 2000 characters"));
            excerpt = excerpt.substring(0, 2000);
        }
        String section = null;
        Set<String> tagNames = new LinkedHashSet<>();
        for (WxrItem.TermRef term : post.terms()) {
            String name = firstNonBlank(Jsoup.parse(term.name()).text(), term.slug());
            if (name.isBlank() || term.kind() == WxrItem.Kind.CATEGORY && term.slug().equals("uncategorized")) {
                continue;
            }
            if (term.kind() == WxrItem.Kind.CATEGORY && section == null) {
                section = cut(name, 100);
            } else {
                tagNames.add(cut(name, 100));
            }
        }
        tagNames.remove(section);
        String author = writer.authorSlug(run, post.creator());
        String slug = slugOf(post.postName());
        if (slug == null && !post.postName().isBlank()) {
            notes.add(note(id, "changed", "the WordPress slug '" + cut(post.postName(), 100)
                    + "' has no letter or digit we can use: the slug comes from the title"));
        }
        ArticleInput input = new ArticleInput(slug, title, null, excerpt, List.of(author), List.copyOf(tagNames),
                null, null, body, lead, null, null, null, section, null, null, null, null);
        String digest = Digests.sha256Hex(String.join("\u0000", post.title(), post.postName(), post.status(),
                String.valueOf(post.dateGmt()), post.creator(), post.contentHtml(), post.excerpt(),
                String.valueOf(post.terms()), String.valueOf(thumbnail), String.join(",", imageDigests)));
        return new ImportWriter.Mapped(input, target, at, quotes, notes, digest);
    }

    /** An image of a post as an asset: by its attachment when the file lists it, else by its URL. */
    private ImportWriter.Prepared image(ImportWriter.Run run, Long attachmentId, String src, String alt,
            String caption, List<ImportReportEntry> notes, String postId) {
        String url = src;
        String altText = ImportWriter.blankToNull(alt);
        String captionText = ImportWriter.blankToNull(caption);
        if (attachmentId != null) {
            var attachment = writer.attachmentOf(run, attachmentId);
            if (attachment.isPresent()) {
                url = attachment.get().url(); // the original, where the post may show a resized copy
                altText = altText != null ? altText : attachment.get().alt();
                captionText = captionText != null ? captionText : attachment.get().caption();
                if (altText == null) {
                    altText = attachment.get().title();
                }
            }
        }
        if (url == null || url.isBlank()) {
            return new ImportWriter.Prepared(null, null, null, "the file does not list attachment " + attachmentId);
        }
        if (altText == null) {
            altText = captionText != null ? captionText : wordsOfFileName(url);
            notes.add(note(postId, "flagged", "the image " + url.strip() + " has no alt text in WordPress: '"
                    + cut(altText, 80) + "' stands in for it; write a real one"));
        }
        return writer.image(run, url.strip(), ImportWriter.cut(altText, 1000), ImportWriter.cut(captionText, 2000));
    }

    /**
     * Who a citation names: "Mara Quist, historian of naval trade" is Mara Quist, with what follows the first comma
     * as her description; a citation without a comma is all name.
     */
    static Speaker speaker(String citation) {
        String text = citation.strip();
        int comma = text.indexOf(',');
        if (comma > 0 && comma < text.length() - 1) {
            String name = text.substring(0, comma).strip();
            String description = text.substring(comma + 1).strip();
            if (!name.isEmpty() && name.length() <= 200 && !description.isEmpty() && description.length() <= 300) {
                return new Speaker(name, description, null);
            }
        }
        return new Speaker(cut(text, 200), null, null);
    }

    /** A slug from WordPress's post_name (percent-encoded UTF-8 for non-ASCII slugs); null when none is usable. */
    static String slugOf(String postName) {
        if (postName == null || postName.isBlank()) {
            return null;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(postName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = postName;
        }
        String slug = Slugs.of(decoded);
        return slug.isEmpty() ? null : slug;
    }

    /** "harbour-at-dawn-1024x768.jpg" gives "harbour at dawn": words for an alt text of last resort. */
    static String wordsOfFileName(String url) {
        String name = url.replaceAll("[?#].*$", "").replaceAll("^.*/", "").replaceAll("\\.[A-Za-z0-9]{2,5}$", "")
                .replaceAll("-\\d+x\\d+$", "").replaceAll("[-_]+", " ").strip();
        return name.isEmpty() ? "Image" : name;
    }

    private static ImportReportEntry note(String id, String action, String message) {
        return ImportReportEntry.of("post", id, null, action, message);
    }

}
