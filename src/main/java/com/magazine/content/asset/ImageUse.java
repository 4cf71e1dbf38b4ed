package com.magazine.content.asset;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An image as content uses it, when written: which asset, and what this use says instead of the asset's own alt text
 * and caption (the same photograph may need other words in another article).
 */
@Schema(name = "ImageUse", description = "An asset as a piece of content uses it: alt and caption, when given, "
        + "replace the asset's own for this use only.")
public record ImageUse(
        @NotNull @Schema(required = true, description = "The id of the asset.",
                example = "01936f2e-7c1a-7d3e-9b1a-3c5d7e9f1a2b") UUID assetId,
        @Size(max = 1000) @Schema(nullable = true, description = "Alt text for this use; the asset's when left out.",
                example = "Fishing boats moored at dawn in a grey harbour") String alt,
        @Size(max = 2000) @Schema(nullable = true, description = "Caption for this use; the asset's when left out.")
        String caption) {

    /** This use with its texts cleaned (plain text, blanks as absent). */
    public ImageUse cleaned() {
        return new ImageUse(assetId, com.magazine.content.common.text.Text.plainLine(alt),
                com.magazine.content.common.text.Text.plain(caption));
    }
}
