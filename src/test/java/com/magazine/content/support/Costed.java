package com.magazine.content.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test that asserts the statement count of these documented GET routes (paths as openapi/openapi.yaml spells
 * them, such as {@code /api/v1/authors/{slug}}). {@code EveryReadIsCostedTest} fails for a documented GET that no
 * test is marked for, so that a new route cannot be left without one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Costed {

    String[] value();
}
