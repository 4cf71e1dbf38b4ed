package com.magazine.content.article;

import com.magazine.content.asset.EmbeddedAsset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.magazine.content.author.AuthorLink;
import com.magazine.content.common.ContentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * An article as schema.org {@code NewsArticle} JSON-LD, for search engines' rich results and partners: authors as
 * {@code Person}, the quotations it cites as {@code Quotation} with their sources, its standing corrections as
 * {@code CorrectionComment}.
 */
@ApplicationScoped
class ArticleJsonLd {

    static final String MEDIA_TYPE = "application/ld+json";

    private static final Map<String, String> WORK_TYPES = Map.of("book", "Book", "article", "Article",
            "report", "Report", "post", "SocialMediaPosting", "speech", "CreativeWork", "interview", "CreativeWork",
            "testimony", "CreativeWork", "other", "CreativeWork");

    private final ObjectMapper json;
    private final ContentConfig.Site site;

    ArticleJsonLd(ObjectMapper json, ContentConfig config) {
        this.json = json;
        this.site = config.site();
    }

    ObjectNode of(ArticleView article) {
        String url = article.canonicalUrl() != null ? article.canonicalUrl()
                : site.articleUrl().replace("{slug}", article.slug());
        ObjectNode node = json.createObjectNode();
        node.put("@context", "https://schema.org");
        node.put("@type", "NewsArticle");
        node.put("@id", url);
        node.put("url", url);
        // the page the article is the main entity of, with its breadcrumb (a WebPage's, in schema.org)
        ObjectNode page = node.putObject("mainEntityOfPage");
        page.put("@type", "WebPage");
        page.put("@id", url);
        if (article.breadcrumb() != null) {
            ObjectNode trail = page.putObject("breadcrumb");
            trail.put("@type", "BreadcrumbList");
            ArrayNode items = trail.putArray("itemListElement");
            for (int i = 0; i < article.breadcrumb().size(); i++) {
                ObjectNode item = items.addObject();
                item.put("@type", "ListItem");
                item.put("position", i + 1);
                item.put("name", article.breadcrumb().get(i).name());
                item.put("item", article.breadcrumb().get(i).url());
            }
        }
        putIfPresent(node, "headline", article.title());
        putIfPresent(node, "alternativeHeadline", article.subtitle());
        putIfPresent(node, "description", article.excerpt());
        if (article.publishedAt() != null) {
            node.put("datePublished", article.publishedAt().toString());
        }
        node.put("dateModified", article.updatedAt().toString());
        if (article.leadAsset() != null && article.image() != null) {
            // Google asks for 16x9, 4x3 and 1x1 versions at least 1200 px wide for article rich results
            String base = site.apiBase();
            ArrayNode images = node.putArray("image");
            for (EmbeddedAsset.ImageFile file : article.leadAsset().crops(1200)) {
                ObjectNode image = images.addObject();
                image.put("@type", "ImageObject");
                image.put("url", base + file.path());
                image.put("contentUrl", base + file.path());
                image.put("width", file.width());
                image.put("height", file.height());
                image.put("encodingFormat", file.mediaType());
                putIfPresent(image, "caption", article.image().caption());
                putIfPresent(image, "creditText", article.image().credit());
            }
        }
        node.put("inLanguage", site.language());
        node.put("wordCount", article.wordCount());
        node.put("isAccessibleForFree", true);
        if (article.section() != null) {
            node.put("articleSection", article.section().name());
        }
        ArrayNode keywords = node.putArray("keywords");
        article.tags().forEach(tag -> keywords.add(tag.name()));
        ArrayNode authors = node.putArray("author");
        for (ArticleAuthor author : article.authors()) {
            ObjectNode person = authors.addObject();
            person.put("@type", "Person");
            person.put("name", author.name());
            person.put("url", site.authorUrl().replace("{slug}", author.slug()));
            putIfPresent(person, "jobTitle", author.role());
            putIfPresent(person, "description", author.bio());
            putIfPresent(person, "image", author.avatarUrl());
            if (!author.links().isEmpty()) {
                ArrayNode sameAs = person.putArray("sameAs");
                author.links().stream().map(AuthorLink::url).forEach(sameAs::add);
            }
        }
        credits(node, article.contributors());
        ObjectNode publisher = node.putObject("publisher");
        publisher.put("@type", "Organization");
        publisher.put("name", site.name());
        publisher.put("url", site.url());
        // the corrections that stand, as schema.org asks (withdrawn ones no longer say anything of the article)
        if (article.corrections() != null && article.corrections().stream().anyMatch(c -> !c.withdrawn())) {
            ArrayNode corrections = node.putArray("correction");
            for (Correction correction : article.corrections()) {
                if (!correction.withdrawn()) {
                    ObjectNode comment = corrections.addObject();
                    comment.put("@type", "CorrectionComment");
                    comment.put("text", correction.type().label() + ": " + correction.text());
                    comment.put("datePublished", correction.at().toString());
                }
            }
        }
        ArrayNode citations = node.putArray("citation");
        if (article.body() != null) {
            for (Block block : article.body()) {
                if (block instanceof Block.Quote quote && quote.quotation() != null) {
                    citations.add(quotation(quote.quotation()));
                }
            }
        }
        return node;
    }

    /**
     * The credits in schema.org's own properties where CreativeWork has one (editor, translator); the others as
     * contributor Roles (schema.org's pattern for a role on a property), e.g. the photographer.
     */
    private static void credits(ObjectNode node, List<ArticleContributor> credits) {
        for (ArticleContributor credit : credits) {
            ObjectNode person = JsonNodeFactory.instance.objectNode();
            person.put("@type", "Person");
            person.put("name", credit.name());
            putIfPresent(person, "url", credit.url());
            switch (credit.role()) {
                case editor -> array(node, "editor").add(person);
                case translator -> array(node, "translator").add(person);
                default -> {
                    ObjectNode role = array(node, "contributor").addObject();
                    role.put("@type", "Role");
                    role.put("roleName", credit.role().name());
                    role.set("contributor", person);
                }
            }
        }
    }

    private static ArrayNode array(ObjectNode node, String name) {
        return node.has(name) ? (ArrayNode) node.get(name) : node.putArray(name);
    }

    private ObjectNode quotation(QuotationEmbed quotation) {
        ObjectNode node = json.createObjectNode();
        node.put("@type", "Quotation");
        node.put("text", quotation.text());
        ObjectNode creator = node.putObject("creator");
        creator.put("@type", "Person");
        creator.put("name", quotation.speaker());
        putIfPresent(creator, "description", quotation.speakerDescription());
        if (quotation.sourceTitle() != null) {
            ObjectNode work = node.putObject("isPartOf");
            work.put("@type", WORK_TYPES.getOrDefault(quotation.sourceKind(), "CreativeWork"));
            work.put("name", quotation.sourceTitle());
            putIfPresent(work, "url", quotation.url());
        }
        putIfPresent(node, "url", quotation.url());
        node.put("citation", quotation.attribution());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
