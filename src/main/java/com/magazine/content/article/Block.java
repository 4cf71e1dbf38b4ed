package com.magazine.content.article;

import com.magazine.content.asset.ImageUse;
import com.magazine.content.asset.ResponsiveImage;

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
        @JsonSubTypes.Type(value = Block.Quote.class, name = "quote"),
        @JsonSubTypes.Type(value = Block.Image.class, name = "image")})
@Schema(name = "Block", description = "A block of the body; `type` says which.",
        oneOf = {Block.Paragraph.class, Block.Heading.class, Block.ListBlock.class, Block.Quote.class,
                Block.Image.class})
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

    /** The assets the image blocks of {@code body} show, in order. */
    static java.util.stream.Stream<UUID> imageAssetIds(List<Block> body) {
        return body.stream().filter(Image.class::isInstance).map(block -> ((Image) block).assetId());
    }

    /** How wide a frontend shows an image block: in the text column, wider than it, or the whole window. */
    enum Layout { inline, wide, full }

    @Schema(name = "ImageBlock", description = """
            An image, by reference to an asset. When an article is read, `image` carries everything needed to render \
            it (srcset, size, placeholder, alt text and caption: this block's where given, else the asset's); it is \
            ignored when written. A block whose asset's rights have expired is left out of answers.""")
    record Image(
            @Schema(required = true, enumeration = "image") String type,
            @NotNull @Schema(required = true, description = "The id of the asset.") UUID assetId,
            @Size(max = 1000) @Schema(nullable = true,
                    description = "Alt text for this use; the asset's when null. An article is published only when "
                            + "every image it shows has one.") String alt,
            @Size(max = 2000) @Schema(nullable = true,
                    description = "Caption for this use, plain text; the asset's when null.") String caption,
            @Schema(description = "How wide to show it; inline when left out (always sent when read).") Layout layout,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The image itself, filled in when read.", readOnly = true)
            ResponsiveImage image) implements Block {

        public Image {
            type = "image";
            layout = layout == null ? Layout.inline : layout;
        }

        Image withImage(ResponsiveImage embed) {
            return new Image(type, assetId, alt, caption, layout, embed);
        }

        /** This block as the use of an asset it is. */
        ImageUse use() {
            return new ImageUse(assetId, alt, caption);
        }
    }
}
