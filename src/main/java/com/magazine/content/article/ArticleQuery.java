package com.magazine.content.article;

import com.magazine.content.common.error.Problems;
import com.magazine.content.common.paging.PageRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query of an article list: filters, order, paging and fields. Use with {@code @BeanParam @Valid}. */
public class ArticleQuery extends PageRequest {

    /** A slug, or nothing (an empty filter parameter filters nothing). */
    static final String OPTIONAL_SLUG = "^$|" + com.magazine.content.common.text.Slugs.PATTERN;

    static final String STATUSES =
            "^(draft|scheduled|published|expired|archived)(,(draft|scheduled|published|expired|archived))*$";

    @QueryParam("author")
    @Size(max = 120)
    @Parameter(description = "Only articles with this author (slug) in the byline. An unknown author gives an empty page.")
    String author;

    @QueryParam("tag")
    @Size(max = 600)
    @Pattern(regexp = "^$|" + TagFilter.PATTERN, message = TagFilter.RULE)
    @Parameter(description = """
            Tags (slugs) the articles must have: `a,b` both, `a|b` either, `-c` not; e.g. \
            `politics,europe|asia,-opinion`. Up to 10 terms of up to 10 tags each. An unknown tag matches nothing \
            (a term naming only unknown tags gives an empty page; `-unknown` excludes nothing). In a URL `|` is \
            percent-encoded: `%7C`.""",
            example = "politics,europe|asia,-opinion")
    String tag;

    @QueryParam("section")
    @Size(max = 120)
    @Pattern(regexp = OPTIONAL_SLUG, message = com.magazine.content.common.text.Slugs.RULE)
    @Parameter(description = "Only articles whose primary section is this tag (slug). An unknown section gives an "
            + "empty page.", example = "foreign-policy")
    String section;

    @QueryParam("contributor")
    @Size(max = 120)
    @Pattern(regexp = OPTIONAL_SLUG, message = com.magazine.content.common.text.Slugs.RULE)
    @Parameter(description = "Only articles crediting this author (slug) beside the byline: what an author's page "
            + "lists as their photographs, translations, editing. An unknown author gives an empty page.",
            example = "tomas-reyes-halloran")
    String contributor;

    @QueryParam("contributorRole")
    @Pattern(regexp = "^$|^(photographer|illustrator|translator|editor|reporting|research|contributor)$",
            message = "must be photographer, illustrator, translator, editor, reporting, research or contributor")
    @Parameter(description = "With `contributor`: only credits in this role.",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    enumeration = {"photographer", "illustrator", "translator", "editor", "reporting", "research",
                            "contributor"}))
    String contributorRole;

    @QueryParam("status")
    @Pattern(regexp = STATUSES, message = "must be draft, scheduled, published, expired or archived, or several of them "
            + "comma-separated")
    @Parameter(description = "Statuses to list, comma-separated (default: published). Editors see every article, an "
            + "author key also its author's own; for everyone else only published.",
            example = "draft,scheduled")
    String status;

    @QueryParam("publishedAfter")
    @Size(max = 40)
    @Parameter(description = "Published at or after this instant (ISO-8601, e.g. 2026-11-01T00:00:00Z or 2026-11-01).")
    String publishedAfter;

    @QueryParam("publishedBefore")
    @Size(max = 40)
    @Parameter(description = "Published before this instant (ISO-8601).")
    String publishedBefore;

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = """
            Full-text search over title, subtitle, excerpt and body, ranked title first. Web-search syntax: \
            "a phrase", -without, or.""", example = "nuclear talks -sanctions")
    String q;

    @QueryParam("sort")
    @DefaultValue("-publishedAt")
    @Pattern(regexp = "^(-publishedAt|publishedAt|title|relevance)$",
            message = "must be -publishedAt, publishedAt, title or relevance")
    @Parameter(description = "Order: newest first (default), oldest first, by title, or by relevance (with q): the "
            + "newest 200 matches, best first, so that a broad search answers as fast as a narrow one; narrow it "
            + "(more words, a tag, an author, dates) to rank older articles.",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, enumeration = {"-publishedAt", "publishedAt", "title", "relevance"},
                    defaultValue = "-publishedAt"))
    String sort = "-publishedAt";

    @QueryParam("fields")
    @Size(max = 1000)
    @Parameter(description = """
            The members to send, comma-separated, dotted into embedded objects (e.g. slug,title,authors.name); * \
            stands for the default ones. A list sends a summary by default; add body or bodyHtml to have them.""",
            example = "slug,title,publishedAt,authors.name")
    String fields;

    @QueryParam("count")
    @DefaultValue("false")
    @Pattern(regexp = "^(true|false)$", message = "must be true or false")
    @Parameter(description = "true adds `total`, the size of the whole list (it costs a count).",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN, defaultValue = "false"))
    String count = "false";

    String fields() {
        return fields;
    }

    ArticleQueryService.ListRequest toListRequest() {
        List<ArticleStatus> statuses = status == null ? null
                : Arrays.stream(status.split(",")).map(ArticleStatus::valueOf).distinct().toList();
        String query = q == null || q.isBlank() ? null : q.strip();
        ArticleOrder order = switch (sort) {
            case "publishedAt" -> ArticleOrder.oldest;
            case "title" -> ArticleOrder.title;
            case "relevance" -> ArticleOrder.relevance;
            default -> ArticleOrder.newest;
        };
        if (contributorRole != null && contributorRole.isEmpty()) {
            contributorRole = null;
        }
        if (contributorRole != null && blankToNull(contributor) == null) {
            throw Problems.invalid(List.of(Map.of("field", "contributorRole", "in", "query", "message",
                    "needs contributor: give the author's slug too")));
        }
        return new ArticleQueryService.ListRequest(blankToNull(author), blankToNull(tag), blankToNull(section),
                blankToNull(contributor), contributorRole == null ? null : ContributorRole.valueOf(contributorRole),
                statuses,
                instant("publishedAfter", publishedAfter), instant("publishedBefore", publishedBefore), query, order,
                Boolean.parseBoolean(count));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An ISO-8601 instant, offset date-time or date (midnight UTC); anything else is a 400 naming the parameter. */
    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = parse(value);
        if (instant == null || !com.magazine.content.common.time.Timestamps.storable(instant)) {
            throw Problems.invalid(List.of(Map.of("field", name, "in", "query", "message",
                    "must be an ISO-8601 instant or date between the years 1 and 9999, e.g. 2026-11-01T00:00:00Z")));
        }
        return instant;
    }

    private static Instant parse(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notADateTime) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        }
    }
}
