package com.magazine.content.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of {@code getArticleJsonLd}'s answer, for the OpenAPI document only ({@link ArticleJsonLd} writes it): a
 * schema.org NewsArticle. Open to further schema.org members, as JSON-LD is.
 */
@Schema(name = "NewsArticle", description = "The article as a schema.org NewsArticle (JSON-LD).",
        additionalProperties = Schema.True.class)
record NewsArticle(
        @Schema(name = "@context", required = true, example = "https://schema.org") String context,
        @Schema(name = "@type", required = true, enumeration = "NewsArticle") String type,
        @Schema(name = "@id", required = true, example = "https://magazine.example/the-long-thaw") String id,
        @Schema(required = true, example = "https://magazine.example/the-long-thaw") String url,
        @Schema(required = true) String mainEntityOfPage,
        @Schema(description = "The title; left out when the article has none.") String headline,
        String alternativeHeadline,
        String description,
        Instant datePublished,
        @Schema(required = true) Instant dateModified,
        @Schema(required = true, example = "en") String inLanguage,
        @Schema(required = true) int wordCount,
        @Schema(required = true) boolean isAccessibleForFree,
        @Schema(description = "The primary section's name; left out when there is none.") String articleSection,
        @Schema(required = true) List<String> keywords,
        @Schema(required = true, description = "Each author as a schema.org Person.") List<Map<String, Object>> author,
        @Schema(description = "Editors credited beside the byline, as Person.") List<Map<String, Object>> editor,
        @Schema(description = "Translators credited beside the byline, as Person.") List<Map<String, Object>> translator,
        @Schema(description = "Other credits (photographer, illustrator, reporting, research) as schema.org Role: "
                + "roleName and the contributor Person.") List<Map<String, Object>> contributor,
        @Schema(required = true, description = "The magazine as a schema.org Organization.") Map<String, Object> publisher,
        @Schema(description = "Its corrections that stand (withdrawn ones left out), oldest first, as schema.org "
                + "CorrectionComment with text (\"Correction: …\") and datePublished; left out when there are none.")
        List<Map<String, Object>> correction,
        @Schema(required = true, description = "The quotations the article cites, as schema.org Quotation.")
        List<Map<String, Object>> citation) {
}
