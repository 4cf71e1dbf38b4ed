package com.magazine.content.common.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bean Validation failures of a request: a 400 problem whose {@code violations} name each field as the client wrote
 * it ({@code links[0].url} in the body, {@code limit} in the query) with where it was ({@code body}, {@code query},
 * {@code path}, {@code header}). The same shape as {@link Problems#invalidBody}.
 */
public class ValidationProblems {

    @ServerExceptionMapper(priority = 1)
    Response invalid(ConstraintViolationException e, ResourceInfo resource, UriInfo uri) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .map(violation -> describe(violation, resource.getResourceMethod()))
                .sorted(Comparator.comparing((Map<String, String> v) -> v.get("field")))
                .toList();
        return Problems.respond(Problems.invalid(violations), uri);
    }

    private static Map<String, String> describe(ConstraintViolation<?> violation, Method method) {
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        List<Path.Node> rest = new ArrayList<>();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && method != null) {
                Parameter parameter = method.getParameters()[node.as(Path.ParameterNode.class).getParameterIndex()];
                String name = paramName(parameter.getAnnotation(QueryParam.class),
                        parameter.getAnnotation(PathParam.class), parameter.getAnnotation(HeaderParam.class));
                if (name != null) {
                    return Map.of("field", name, "in", placeOf(parameter.getAnnotations()), "message",
                            violation.getMessage());
                }
                if (parameter.isAnnotationPresent(BeanParam.class) && nodes.hasNext()) {
                    Path.Node field = nodes.next();
                    Field declared = findField(parameter.getType(), field.getName());
                    if (declared != null) {
                        String fieldName = paramName(declared.getAnnotation(QueryParam.class),
                                declared.getAnnotation(PathParam.class), declared.getAnnotation(HeaderParam.class));
                        return Map.of("field", fieldName != null ? fieldName : field.getName(),
                                "in", placeOf(declared.getAnnotations()), "message", violation.getMessage());
                    }
                }
                continue;
            }
            rest.add(node);
        }
        return Map.of("field", render(rest), "in", "body", "message", violation.getMessage());
    }

    /** A path in the body as written in JSON: {@code links[0].url}. */
    private static String render(List<Path.Node> nodes) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getIndex() != null && path.length() > 0) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                path.append(path.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String paramName(QueryParam query, PathParam path, HeaderParam header) {
        return query != null ? query.value() : path != null ? path.value() : header != null ? header.value() : null;
    }

    private static String placeOf(java.lang.annotation.Annotation[] annotations) {
        for (var annotation : annotations) {
            if (annotation instanceof QueryParam) {
                return "query";
            }
            if (annotation instanceof PathParam) {
                return "path";
            }
            if (annotation instanceof HeaderParam) {
                return "header";
            }
        }
        return "body";
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }
}
