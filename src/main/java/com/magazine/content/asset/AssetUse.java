package com.magazine.content.asset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something that shows an asset: an article (lead image or body) or an author (avatar). */
@Schema(name = "AssetUse", description = "An article or an author that shows the asset.")
public record AssetUse(
        @Schema(required = true, enumeration = {"article", "author"}) String kind,
        @Schema(required = true) UUID id,
        @Schema(required = true) String slug,
        @Schema(required = true, nullable = true, description = "The article's title or the author's name.")
        String title,
        @Schema(required = true, description = "Whether the public sees it (a published or scheduled article, any "
                + "author).") boolean published,
        @JsonIgnore @Schema(hidden = true) boolean altGiven) {
}
