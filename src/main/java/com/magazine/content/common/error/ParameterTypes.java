package com.magazine.content.common.error;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which query parameters of a request cannot be converted to the type the resource method declares (a {@code limit}
 * of {@code abc} or {@code 99999999999}), each as a violation, so that the answer names them. (A path that does not
 * convert, an id that is no UUID, names nothing: that stays a 404.)
 */
final class ParameterTypes {

    private ParameterTypes() {
    }

    static List<Map<String, String>> unconvertible(Method method, UriInfo uri) {
        List<Map<String, String>> violations = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            check(parameter.getType(), parameter.getAnnotations(), uri, violations);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        check(field.getType(), field.getAnnotations(), uri, violations);
                    }
                }
            }
        }
        return violations;
    }

    private static void check(Class<?> type, Annotation[] annotations, UriInfo uri,
            List<Map<String, String>> violations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                check(type, query.value(), "query", uri.getQueryParameters().getFirst(query.value()), violations);
            }
        }
    }

    private static void check(Class<?> type, String name, String in, String value,
            List<Map<String, String>> violations) {
        if (value == null) {
            return;
        }
        String message = null;
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!value.equals("true") && !value.equals("false")) {
                    message = "must be true or false";
                }
            }
        } catch (IllegalArgumentException e) {
            message = type == UUID.class ? "must be a UUID" : "must be a whole number within range";
        }
        if (message != null) {
            violations.add(Map.of("field", name, "in", in, "message", message));
        }
    }
}
