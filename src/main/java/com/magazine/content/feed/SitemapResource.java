package com.magazine.content.feed;

import com.magazine.content.article.ArticleDirectory;
import com.magazine.content.author.AuthorService;
import com.magazine.content.author.AuthorView;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.time.Timestamps;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Sitemaps of the website's public pages: published articles and authors. Up to 50,000 URLs in /sitemap.xml itself;
 * past that it becomes an index of one sitemap per month of articles and one of authors. And a Google News sitemap of
 * the last two days' articles.
 */
@Path("/")
@Tag(name = "Syndication")
@Produces("application/xml")
public class SitemapResource {

    static final int MAX_URLS = 50_000;
    static final int MAX_NEWS = 1_000;

    private final ArticleDirectory articles;
    private final AuthorService authors;
    private final ContentConfig.Site site;

    SitemapResource(ArticleDirectory articles, AuthorService authors, ContentConfig config) {
        this.articles = articles;
        this.authors = authors;
        this.site = config.site();
    }

    @GET
    @Path("sitemap.xml")
    @Operation(summary = "The sitemap", description = """
            Every published article and every author with its last modification; past 50,000 URLs, a sitemap index \
            of /sitemaps/articles-YYYY-MM.xml and /sitemaps/authors.xml.""")
    @APIResponse(responseCode = "200", description = "A urlset, or a sitemapindex.",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<String> getSitemap(UriInfo uri, Request request) {
        long count = articles.publicCount() + authors.count();
        String xml;
        if (count <= MAX_URLS) {
            List<AuthorView> everyone = authors.all();
            SitemapWriter urls = SitemapWriter.urlset(false);
            articles.publicBetween(Instant.EPOCH, Timestamps.now(), MAX_URLS, site.articleUrl())
                    .forEach(article -> urls.url(article.url(), article.lastModified()));
            everyone.forEach(author -> urls.url(authorUrl(author), author.updatedAt()));
            xml = urls.finish();
        } else {
            SitemapWriter index = SitemapWriter.index();
            // absolute, from configuration: never from the request's Host, which the cache key does not include
            String base = site.apiBase();
            for (String month : articles.publicMonths()) {
                index.sitemap(base + "/sitemaps/articles-" + month + ".xml", null);
            }
            index.sitemap(base + "/sitemaps/authors.xml", null);
            xml = index.finish();
        }
        return answer(request, xml);
    }

    @GET
    @Path("sitemaps/articles-{month}.xml")
    @Operation(summary = "The sitemap of one month's articles",
            description = "The articles published in that month (yyyy-MM), with their last modification; listed by the sitemap index.")
    @APIResponse(responseCode = "200", description = "A urlset.",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Not a month (YYYY-MM).")
    public RestResponse<String> getArticlesSitemap(@Parameter(description = "YYYY-MM, UTC.") @PathParam("month") String month,
            Request request) {
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw Problems.notFound("sitemap", "articles-" + month);
        }
        Instant from = yearMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = yearMonth.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        SitemapWriter urls = SitemapWriter.urlset(false);
        articles.publicBetween(from, to, MAX_URLS, site.articleUrl())
                .forEach(article -> urls.url(article.url(), article.lastModified()));
        return answer(request, urls.finish());
    }

    @GET
    @Path("sitemaps/authors.xml")
    @Operation(summary = "The sitemap of authors",
            description = "Every author's page, with its last modification; listed by the sitemap index.")
    @APIResponse(responseCode = "200", description = "A urlset.",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<String> getAuthorsSitemap(Request request) {
        SitemapWriter urls = SitemapWriter.urlset(false);
        authors.all().forEach(author -> urls.url(authorUrl(author), author.updatedAt()));
        return answer(request, urls.finish());
    }

    @GET
    @Path("sitemaps/news.xml")
    @Operation(summary = "The Google News sitemap", description = "The articles published in the last two days.")
    @APIResponse(responseCode = "200", description = "A urlset with news entries.",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<String> getNewsSitemap(Request request) {
        Instant now = Timestamps.now();
        SitemapWriter urls = SitemapWriter.urlset(true);
        for (ArticleDirectory.SitemapEntry article : articles.publicBetween(now.minus(Duration.ofDays(2)), now,
                MAX_NEWS, site.articleUrl())) {
            urls.news(article.url(), site.name(), site.language(), article.publishedAt(), article.title());
        }
        return answer(request, urls.finish());
    }

    private String authorUrl(AuthorView author) {
        return site.authorUrl().replace("{slug}", author.slug());
    }

    /** Sitemaps are validated by their content: the ETag is its hash. */
    private static RestResponse<String> answer(Request request, String xml) {
        EntityTag etag = HttpCaching.etagOf(List.of(xml));
        boolean current = request.evaluatePreconditions(etag) != null;
        RestResponse.ResponseBuilder<String> builder = current ? RestResponse.ResponseBuilder.notModified()
                : RestResponse.ResponseBuilder.ok(xml);
        return builder.tag(etag).build();
    }
}
