package com.magazine.content.asset;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FocalPoint", description = "The point of the image that crops keep in view: 0,0 the top left corner, "
        + "1,1 the bottom right.")
public record FocalPoint(
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(required = true, minimum = "0", maximum = "1",
                example = "0.5") Double x,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(required = true, minimum = "0", maximum = "1",
                example = "0.35") Double y) {

    static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);
}
