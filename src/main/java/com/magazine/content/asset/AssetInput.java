package com.magazine.content.asset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssetInput", description = "What editors say about an image; absent fields are cleared by PUT and "
        + "kept by PATCH.")
public record AssetInput(
        @Size(max = 1000) @Schema(nullable = true, maxLength = 1000, description = "Plain text.",
                example = "A fishing boat at dawn in the harbour of Kessel") String alt,
        @Size(max = 2000) @Schema(nullable = true, maxLength = 2000, description = "Plain text.") String caption,
        @Size(max = 300) @Schema(nullable = true, maxLength = 300, example = "Photo: Ilse Brandt") String credit,
        @Size(max = 300) @Schema(nullable = true, maxLength = 300, example = "CC BY 4.0") String copyright,
        @Schema(nullable = true) Instant rightsExpireAt,
        @Valid @Schema(nullable = true, description = "Absent: the centre.") FocalPoint focalPoint) {
}
