package com.magazine.content.feed;

import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest published articles: of everyone, of one author, under one tag.
 * Each entry carries the full body as safe HTML, quotations as blockquote with their attribution.
 */
@Path("/feeds")
@Tag(name = "Syndication")
public class FeedResource {

    private static final String AUTHOR = "The author's slug.";
    private static final String TAG = "The tag's slug.";

    private final FeedService feeds;
    private final FeedWriter writer;
    private final String apiUrl;

    FeedResource(FeedService feeds, FeedWriter writer, ContentConfig config) {
        this.feeds = feeds;
        this.writer = writer;
        this.apiUrl = config.site().apiBase();
    }

    @GET
    @Path("articles.rss")
    @Produces(FeedWriter.RSS)
    @Operation(summary = "RSS 2.0 feed of the latest articles",
            description = "The newest published articles (50 by default), each with its whole body as safe HTML.")
    @APIResponse(responseCode = "200", description = "The feed.", content = @Content(mediaType = FeedWriter.RSS,
            schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<String> getArticlesRssFeed(UriInfo uri, Request request) {
        return xml(feeds::all, "rss_2.0", uri, request);
    }

    @GET
    @Path("articles.atom")
    @Produces(FeedWriter.ATOM)
    @Operation(summary = "Atom 1.0 feed of the latest articles",
            description = "The newest published articles (50 by default), each with its whole body as safe HTML.")
    @APIResponse(responseCode = "200", description = "The feed.", content = @Content(mediaType = FeedWriter.ATOM,
            schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<String> getArticlesAtomFeed(UriInfo uri, Request request) {
        return xml(feeds::all, "atom_1.0", uri, request);
    }

    @GET
    @Path("articles.json")
    @Produces(FeedWriter.JSON_FEED)
    @Operation(summary = "JSON Feed 1.1 of the latest articles",
            description = "The newest published articles (50 by default), each with its whole body as safe HTML.")
    @APIResponse(responseCode = "200", description = "The feed.", content = @Content(mediaType = FeedWriter.JSON_FEED,
            schema = @Schema(implementation = JsonFeed.class)))
    public RestResponse<JsonFeed> getArticlesJsonFeed(UriInfo uri, Request request) {
        return jsonFeed(feeds::all, uri, request);
    }

    @GET
    @Path("authors/{slug}.rss")
    @Produces(FeedWriter.RSS)
    @Operation(summary = "RSS 2.0 feed of an author's latest articles",
            description = "The author's newest published articles; 404 for an unknown author.")
    @APIResponse(responseCode = "200", description = "The feed.", content = @Content(mediaType = FeedWriter.RSS,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No author has this slug.")
    public RestResponse<String> getAuthorRssFeed(@Parameter(description = AUTHOR) @PathParam("slug") String slug,
            UriInfo uri, Request request) {
        return xml(() -> feeds.byAuthor(slug), "rss_2.0", uri, request);
    }

    @GET
    @Path("authors/{slug}.atom")
    @Produces(FeedWriter.ATOM)
    @Operation(summary = "Atom 1.0 feed of an author's latest articles",
            description = "The author's newest published articles; 404 for an unknown author.")
    @APIResponse(responseCode = "200", description = "The feed.", content = @Content(mediaType = FeedWriter.ATOM,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No author has this slug.")
    public RestResponse<String> getAuthorAtomFeed(@Parameter(description = AUTHOR) @PathParam("slug") String slug,
            UriInfo uri, Request request) {
        return xml(() -> feeds.byAuthor(slug), "atom_1.0", uri, request);
    }

    @GET
    @Path("authors/{slug}.json")
    @Produces(FeedWriter.JSON_FEED)
    @Operation(summary = "JSON Feed 1.1 of an author's latest articles",
            description = "The author's newest published articles; 404 for an unknown author.")
    @APIResponse(responseCode = "200", description = "The feed.", content = @Content(mediaType = FeedWriter.JSON_FEED,
            schema = @Schema(implementation = JsonFeed.class)))
    @APIResponse(responseCode = "404", description = "No author has this slug.")
    public RestResponse<JsonFeed> getAuthorJsonFeed(@Parameter(description = AUTHOR) @PathParam("slug") String slug,
            UriInfo uri, Request request) {
        return jsonFeed(() -> feeds.byAuthor(slug), uri, request);
    }

    @GET
    @Path("tags/{slug}.rss")
    @Produces(FeedWriter.RSS)
    @Operation(summary = "RSS 2.0 feed of a tag's latest articles",
            description = "The newest published articles under the tag; 404 for an unknown tag.")
    @APIResponse(responseCode = "200", description = "The feed.", content = @Content(mediaType = FeedWriter.RSS,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No tag has this slug.")
    public RestResponse<String> getTagRssFeed(@Parameter(description = TAG) @PathParam("slug") String slug, UriInfo uri,
            Request request) {
        return xml(() -> feeds.byTag(slug), "rss_2.0", uri, request);
    }

    @GET
    @Path("tags/{slug}.atom")
    @Produces(FeedWriter.ATOM)
    @Operation(summary = "Atom 1.0 feed of a tag's latest articles",
            description = "The newest published articles under the tag; 404 for an unknown tag.")
    @APIResponse(responseCode = "200", description = "The feed.", content = @Content(mediaType = FeedWriter.ATOM,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No tag has this slug.")
    public RestResponse<String> getTagAtomFeed(@Parameter(description = TAG) @PathParam("slug") String slug, UriInfo uri,
            Request request) {
        return xml(() -> feeds.byTag(slug), "atom_1.0", uri, request);
    }

    @GET
    @Path("tags/{slug}.json")
    @Produces(FeedWriter.JSON_FEED)
    @Operation(summary = "JSON Feed 1.1 of a tag's latest articles",
            description = "The newest published articles under the tag; 404 for an unknown tag.")
    @APIResponse(responseCode = "200", description = "The feed.", content = @Content(mediaType = FeedWriter.JSON_FEED,
            schema = @Schema(implementation = JsonFeed.class)))
    @APIResponse(responseCode = "404", description = "No tag has this slug.")
    public RestResponse<JsonFeed> getTagJsonFeed(@Parameter(description = TAG) @PathParam("slug") String slug, UriInfo uri,
            Request request) {
        return jsonFeed(() -> feeds.byTag(slug), uri, request);
    }

    private RestResponse<String> xml(Supplier<FeedService.Feed> content, String type, UriInfo uri, Request request) {
        FeedService.Feed feed = content.get();
        String self = selfLink(uri);
        return HttpCaching.page(request, uri, feed.page(), writer.xml(feed, type, self), type);
    }

    private RestResponse<JsonFeed> jsonFeed(Supplier<FeedService.Feed> content, UriInfo uri, Request request) {
        FeedService.Feed feed = content.get();
        String self = selfLink(uri);
        return HttpCaching.page(request, uri, feed.page(), writer.json(feed, self), "json");
    }

    /**
     * The feed's own absolute URL, from the configured public address of the API: never from the request's
     * {@code Host}, which the cache key does not include (a forged one would otherwise be served to everyone).
     */
    private String selfLink(UriInfo uri) {
        return apiUrl + uri.getRequestUri().getRawPath();
    }
}
