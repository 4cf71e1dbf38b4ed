package com.magazine.content.feed;

import com.magazine.content.article.ArticleDirectory;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.events.ChangeRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Tells the configured WebSub hubs that feeds changed (hub.mode=publish with each changed feed as hub.url) once a
 * public article change has committed: the feed of all articles and those of the article's authors and tags, in
 * every format. Best effort: a hub that fails is logged; subscribers still poll the feeds.
 */
@ApplicationScoped
class WebSubPings {

    private static final Logger LOG = Logger.getLogger(WebSubPings.class);
    private static final List<String> FORMATS = List.of("rss", "atom", "json");

    private final List<String> hubs;
    private final String api;
    private final ArticleDirectory articles;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebSubPings(ContentConfig config, ArticleDirectory articles) {
        this.hubs = config.feeds().websubHubs().orElse(List.of());
        this.api = config.site().apiBase();
        this.articles = articles;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeRecorded recorded) {
        if (hubs.isEmpty() || !"article".equals(recorded.change().type()) || recorded.change().publicOp() == null) {
            return;
        }
        List<String> feeds = new ArrayList<>();
        FORMATS.forEach(format -> feeds.add(api + "/feeds/articles." + format));
        articles.filingOf(recorded.change().id()).ifPresent(filing -> {
            filing.authors().forEach(author -> FORMATS.forEach(f -> feeds.add(api + "/feeds/authors/" + author + "." + f)));
            filing.tags().forEach(tag -> FORMATS.forEach(f -> feeds.add(api + "/feeds/tags/" + tag + "." + f)));
        });
        String form = "hub.mode=publish&" + feeds.stream()
                .map(feed -> "hub.url=" + URLEncoder.encode(feed, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        for (String hub : hubs) {
            HttpRequest ping = HttpRequest.newBuilder(URI.create(hub))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            http.sendAsync(ping, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() >= 300) {
                    LOG.warnf("WebSub hub %s did not take the ping (%s)", hub,
                            failure != null ? "no answer" : "HTTP " + response.statusCode());
                }
            });
        }
    }
}
