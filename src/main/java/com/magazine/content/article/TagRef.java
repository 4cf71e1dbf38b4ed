package com.magazine.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A tag as an article carries it.")
public record TagRef(
        @Schema(required = true, example = "north-korea") String slug,
        @Schema(required = true, example = "North Korea") String name,
        @Schema(required = true) TagType type,
        @com.fasterxml.jackson.annotation.JsonProperty(access = com.fasterxml.jackson.annotation.JsonProperty.Access.WRITE_ONLY)
        @Schema(hidden = true) java.util.UUID id) {

    static TagRef from(Tag tag) {
        return new TagRef(tag.slug(), tag.name(), tag.type(), tag.id());
    }
}
