package com.magazine.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A tag as an article carries it.")
public record TagRef(
        @Schema(required = true, example = "north-korea") String slug,
        @Schema(required = true, example = "North Korea") String name) {

    static TagRef from(Tag tag) {
        return new TagRef(tag.slug(), tag.name());
    }
}
