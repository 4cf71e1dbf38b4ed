package com.magazine.content.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "JsonFeed", description = "JSON Feed 1.1.")
public record JsonFeed(
        String version,
        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        String description,
        String language,
        List<Hub> hubs,
        List<Item> items) {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonFeedItem")
    public record Item(
            String id,
            String url,
            String title,
            @JsonProperty("content_html") String contentHtml,
            String summary,
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            List<Author> authors,
            List<String> tags,
            String language,
            String image) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonFeedAuthor")
    public record Author(String name, String url, String avatar) {
    }

    @Schema(name = "JsonFeedHub")
    public record Hub(String type, String url) {
    }
}
