package com.magazine.content.feed;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What a webhook subscribes to: an event, {@code type.*} or {@code *}, as {@link Events} names them; null is valid. */
@Documented
@Constraint(validatedBy = Subscription.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Subscription {

    String message() default "must be an event name, type.*, or *";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Subscription, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Events.isSubscription(value);
        }
    }
}
