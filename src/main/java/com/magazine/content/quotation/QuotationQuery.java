package com.magazine.content.quotation;

import com.magazine.content.common.paging.PageRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query of a quotation list. Use with {@code @BeanParam @Valid}. */
public class QuotationQuery extends PageRequest {

    @QueryParam("speaker")
    @Size(max = 200)
    @Parameter(description = "Only quotations of this speaker (the name, in any case and accents).")
    String speaker;

    @QueryParam("source")
    @Size(max = 300)
    @Parameter(description = "Only quotations from this work (its title, in any case and accents).")
    String source;

    @QueryParam("kind")
    @Pattern(regexp = "^(book|article|speech|interview|testimony|report|post|other)$",
            message = "must be book, article, speech, interview, testimony, report, post or other")
    @Parameter(description = "Only quotations whose source is of this kind.",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, enumeration = {"book", "article", "speech", "interview", "testimony", "report", "post",
                    "other"}))
    String kind;

    @QueryParam("article")
    @Size(max = 120)
    @Parameter(description = "Only quotations this article embeds (its slug). An unknown article gives an empty page.")
    String article;

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "Full-text search over the words and the attribution; web-search syntax.")
    String q;

    QuotationService.ListRequest toListRequest() {
        return new QuotationService.ListRequest(blankToNull(speaker), blankToNull(source),
                kind == null ? null : WorkKind.valueOf(kind), blankToNull(article), blankToNull(q));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
