package com.magazine.content.article;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a correction is withdrawn: required, as a withdrawal is itself said in the open. */
@Schema(name = "WithdrawCorrection", description = "Why a correction is withdrawn.")
public record WithdrawCorrection(
        @Size(max = 1000) @Schema(required = true, description = "Plain text (markup is taken out); 422 when "
                + "nothing is left.", example = "Appended to the wrong article.")
        String reason) {
}
