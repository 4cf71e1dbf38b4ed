package com.magazine.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new preview token: the only time the token is shown. */
@Schema(name = "PreviewCreated", description = "A new preview: the token is shown this once. Send it as the "
        + "Preview-Token header, or as ?preview= on the article's URL in a link.")
public record PreviewCreated(
        @Schema(required = true) PreviewView preview,
        @Schema(required = true, example = "prv_Zk9o2m1Qx0b3JtYWwgcHJldmlldyB0b2tlbiBleGFtcGxl") String token) {
}
