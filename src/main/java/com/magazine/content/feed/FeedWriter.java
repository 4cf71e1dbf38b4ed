package com.magazine.content.feed;

import com.magazine.content.asset.EmbeddedAsset;
import com.magazine.content.asset.ResponsiveImage;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;

import com.magazine.content.article.ArticleAuthor;
import com.magazine.content.article.ArticleView;
import com.magazine.content.common.ContentConfig;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Writes a feed as RSS 2.0 or Atom 1.0 (with Rome) or JSON Feed 1.1 (with Jackson): never by string building. */
@ApplicationScoped
class FeedWriter {

    static final String RSS = "application/rss+xml";
    static final String ATOM = "application/atom+xml";
    static final String JSON_FEED = "application/feed+json";

    private static final Namespace ATOM_NS = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    /** Media RSS: what feed readers and aggregators take a story's picture from. */
    private static final Namespace MEDIA_NS = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

    private final FeedService feeds;
    private final List<String> hubs;
    private final String language;
    private final String mediaBase;

    FeedWriter(FeedService feeds, ContentConfig config) {
        this.mediaBase = config.site().apiBase();
        this.feeds = feeds;
        this.hubs = config.feeds().websubHubs().orElse(List.of());
        this.language = config.site().language();
    }

    /** The feed as RSS 2.0 ({@code rss_2.0}) or Atom 1.0 ({@code atom_1.0}) XML. */
    String xml(FeedService.Feed feed, String type, String selfUrl) {
        SyndFeed syndFeed = new SyndFeedImpl();
        syndFeed.setFeedType(type);
        syndFeed.setTitle(feed.title());
        syndFeed.setDescription(feed.description());
        syndFeed.setLink(feed.homeUrl());
        syndFeed.setUri(selfUrl);
        syndFeed.setLanguage(language);
        syndFeed.setPublishedDate(Date.from(feed.updated()));
        String mediaType = type.startsWith("rss") ? RSS : ATOM;
        if (type.startsWith("atom")) {
            List<SyndLink> links = new ArrayList<>();
            links.add(link("alternate", feed.homeUrl(), "text/html"));
            links.add(link("self", selfUrl, mediaType));
            hubs.forEach(hub -> links.add(link("hub", hub, null)));
            syndFeed.setLinks(links);
        } else {
            // RSS has no self or hub link of its own: the Atom ones are the convention (RSS Advisory Board, WebSub)
            List<Element> atomLinks = new ArrayList<>();
            atomLinks.add(atomLink("self", selfUrl, mediaType));
            hubs.forEach(hub -> atomLinks.add(atomLink("hub", hub, null)));
            syndFeed.setForeignMarkup(atomLinks);
        }
        boolean rss = type.startsWith("rss");
        List<SyndEntry> entries = new ArrayList<>();
        for (ArticleView article : feed.articles()) {
            entries.add(entry(article, rss));
        }
        syndFeed.setEntries(entries);
        WireFeed wire = syndFeed.createWireFeed();
        if (wire instanceof Channel channel) {
            // RSS: a guid that is not a link (the article's stable id) on each item
            for (Item item : channel.getItems()) {
                Guid guid = new Guid();
                guid.setPermaLink(false);
                guid.setValue(item.getUri());
                item.setGuid(guid);
            }
        }
        try {
            return new WireFeedOutput().outputString(wire, false);
        } catch (FeedException e) {
            throw new IllegalStateException("the feed could not be written", e);
        }
    }

    JsonFeed json(FeedService.Feed feed, String selfUrl) {
        List<JsonFeed.Item> items = feed.articles().stream()
                .map(article -> new JsonFeed.Item("urn:uuid:" + article.id(), feeds.urlOf(article), article.title(),
                        article.bodyHtml(), article.excerpt(), article.publishedAt(), article.updatedAt(),
                        article.authors().stream()
                                .map(author -> new JsonFeed.Author(author.name(), feeds.authorUrl(author.slug()),
                                        author.avatarUrl()))
                                .toList(),
                        article.tags().stream().map(tag -> tag.name()).toList(),
                        null, lead(article).map(file -> mediaBase + file.path()).orElse(null)))
                .toList();
        return new JsonFeed(JsonFeed.VERSION, feed.title(), feed.homeUrl(), selfUrl, feed.description(), language,
                hubs.isEmpty() ? null : hubs.stream().map(hub -> new JsonFeed.Hub("WebSub", hub)).toList(), items);
    }

    private SyndEntry entry(ArticleView article, boolean rss) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:uuid:" + article.id());
        entry.setTitle(article.title());
        entry.setLink(feeds.urlOf(article));
        entry.setPublishedDate(Date.from(article.publishedAt()));
        entry.setUpdatedDate(Date.from(article.updatedAt()));
        List<SyndPerson> authors = new ArrayList<>();
        for (ArticleAuthor author : article.authors()) {
            SyndPerson person = new SyndPersonImpl();
            person.setName(author.name());
            person.setUri(feeds.authorUrl(author.slug()));
            authors.add(person);
        }
        entry.setAuthors(authors);
        // credits beside the byline: Atom's contributor elements, RSS's dc:contributor
        List<SyndPerson> contributors = new ArrayList<>();
        for (com.magazine.content.article.ArticleContributor credit : article.contributors()) {
            SyndPerson person = new SyndPersonImpl();
            person.setName(credit.name());
            person.setUri(credit.url());
            contributors.add(person);
        }
        entry.setContributors(contributors);
        if (rss) {
            // RSS's own author element wants an email address; dc:creator carries names
            DCModule dublinCore = new DCModuleImpl();
            dublinCore.setCreators(article.authors().stream().map(ArticleAuthor::name).toList());
            dublinCore.setContributors(article.contributors().stream()
                    .map(com.magazine.content.article.ArticleContributor::name).toList());
            entry.getModules().add(dublinCore);
        }
        if (article.excerpt() != null) {
            SyndContent summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(article.excerpt());
            entry.setDescription(summary);
        }
        SyndContent body = new SyndContentImpl();
        body.setType("html");
        body.setValue(article.bodyHtml());
        entry.setContents(List.of(body));
        List<SyndCategory> categories = new ArrayList<>();
        article.tags().forEach(tag -> {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(tag.name());
            categories.add(category);
        });
        entry.setCategories(categories);
        lead(article).ifPresent(file -> {
            // RSS <enclosure> and Atom <link rel="enclosure">: a rendition's length is not known until it is made,
            // and 0 is what the RSS Advisory Board asks for then
            SyndEnclosure enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(mediaBase + file.path());
            enclosure.setType(file.mediaType());
            enclosure.setLength(0);
            entry.setEnclosures(List.of(enclosure));
            if (rss) {
                entry.setForeignMarkup(List.of(mediaContent(file, article.image())));
            }
        });
        return entry;
    }

    /** The lead image's file for feeds, when the article shows one. */
    private static java.util.Optional<EmbeddedAsset.ImageFile> lead(ArticleView article) {
        return article.image() == null || article.leadAsset() == null ? java.util.Optional.empty()
                : java.util.Optional.of(article.leadAsset().enclosure());
    }

    /** Media RSS's {@code media:content} for the lead image, with its alt text, caption and credit. */
    private Element mediaContent(EmbeddedAsset.ImageFile file, ResponsiveImage image) {
        Element content = new Element("content", MEDIA_NS);
        content.setAttribute("url", mediaBase + file.path());
        content.setAttribute("type", file.mediaType());
        content.setAttribute("medium", "image");
        content.setAttribute("width", String.valueOf(file.width()));
        content.setAttribute("height", String.valueOf(file.height()));
        if (image.alt() != null) {
            content.addContent(new Element("title", MEDIA_NS).setText(image.alt()));
        }
        if (image.caption() != null) {
            content.addContent(new Element("description", MEDIA_NS).setAttribute("type", "plain")
                    .setText(image.caption()));
        }
        if (image.credit() != null) {
            content.addContent(new Element("credit", MEDIA_NS).setText(image.credit()));
        }
        return content;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static Element atomLink(String rel, String href, String type) {
        Element link = new Element("link", ATOM_NS);
        link.setAttribute("rel", rel);
        link.setAttribute("href", href);
        if (type != null) {
            link.setAttribute("type", type);
        }
        return link;
    }
}
