package com.magazine.content.common.text;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.validator.constraints.URL;

/** An absolute http or https URL with a host, at most 2048 characters; {@code null} is valid. */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ReportAsSingleViolation
@URL
@Pattern(regexp = "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+\\S*$")
@Size(max = 2048)
public @interface WebUrl {

    String message() default "must be an absolute http(s) URL of at most 2048 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
