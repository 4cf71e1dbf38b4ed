package com.magazine.content.quotation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.article.ArticleRef;
import com.magazine.content.common.http.Cacheable;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Quotation", description = "A citable quotation, with a ready attribution and the articles that use it.")
public record QuotationView(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "The words, plain text; a blank line separates paragraphs.") String text,
        @Schema(required = true) Speaker speaker,
        @Schema(required = true, nullable = true) Work source,
        @Schema(required = true, nullable = true) Work via,
        @Schema(required = true, example = "en") String language,
        @Schema(required = true, nullable = true) String note,
        @Schema(required = true, description = "A standard citation built from the fields, for crediting.",
                example = "Mara Quist, Tides of Policy, Harbor Press, p. 112") String attribution,
        @Schema(required = true, nullable = true, description = "Where the words can be read: the source's URL, else "
                + "the quoting work's.") String url,
        @Schema(required = true, description = "Articles that embed it, newest first: published ones (editors also "
                + "see drafts).") List<ArticleRef> usedIn,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "Grows by one with every change.") long version,
        @JsonIgnore @Schema(hidden = true) EntityTag etag,
        @JsonIgnore @Schema(hidden = true) Instant lastModified) implements Cacheable {

}
