package com.magazine.content.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One block of an article's body. Text may hold a small inline markup (links, emphasis, strong, code, line breaks),
 * sanitised against an allow-list when written; everything else is removed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
        @JsonSubTypes.Type(value = Block.Heading.class, name = "heading"),
        @JsonSubTypes.Type(value = Block.ListBlock.class, name = "list"),
        @JsonSubTypes.Type(value = Block.Quote.class, name = "quote")})
@Schema(name = "Block", description = "A block of the body; `type` says which.",
        oneOf = {Block.Paragraph.class, Block.Heading.class, Block.ListBlock.class, Block.Quote.class})
public sealed interface Block {

    String type();

    @Schema(name = "ParagraphBlock", description = "A paragraph of text with inline markup.")
    record Paragraph(
            @Schema(required = true, enumeration = "paragraph") String type,
            @NotBlank @Size(max = 20000)
            @Schema(required = true, description = "Text with inline markup: a[href], em, strong, i, b, code, br.",
                    example = "A <em>window</em> is closing, <a href=\"https://example.org/talks\">they say</a>.")
            String text) implements Block {

        public Paragraph {
            type = "paragraph";
        }
    }

    @Schema(name = "HeadingBlock", description = "A section heading, level 2 to 4 (the title is level 1).")
    record Heading(
            @Schema(required = true, enumeration = "heading") String type,
            @Min(2) @Max(4) @Schema(required = true, minimum = "2", maximum = "4", example = "2") int level,
            @NotBlank @Size(max = 500) @Schema(required = true, example = "What the talks missed") String text)
            implements Block {

        public Heading {
            type = "heading";
        }
    }

    @Schema(name = "ListBlock", description = "A bulleted or numbered list; each item with inline markup.")
    record ListBlock(
            @Schema(required = true, enumeration = "list") String type,
            @Schema(description = "Numbered when true.") boolean ordered,
            @NotEmpty @Size(max = 200) @Schema(required = true)
            List<@NotBlank @Size(max = 5000) String> items) implements Block {

        public ListBlock {
            type = "list";
        }
    }

    @Schema(name = "QuoteBlock", description = """
            A quotation, by reference to a quotation resource. When an article is read, `quotation` carries its \
            text and attribution so that one request renders the page; it is ignored when written.""")
    record Quote(
            @Schema(required = true, enumeration = "quote") String type,
            @NotNull @Schema(required = true, description = "The id of the quotation.") UUID quotationId,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The quotation itself, filled in when read.", readOnly = true)
            QuotationEmbed quotation) implements Block {

        public Quote {
            type = "quote";
        }

        Quote withQuotation(QuotationEmbed embed) {
            return new Quote(type, quotationId, embed);
        }
    }
}
