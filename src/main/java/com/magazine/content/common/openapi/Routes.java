package com.magazine.content.common.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Every route of the application as the build's class index shows it: its method and path (as the OpenAPI document
 * keys it), the resource method behind it and whether {@code @RolesAllowed} guards it. What the document's
 * conventions are derived from, so that a new route follows them without anyone remembering to.
 */
record Routes(Map<String, Route> byKey) {

    /** One route: {@code GET /api/v1/articles/{slug}} served by {@code getArticle}, open or guarded by roles. */
    record Route(String method, String path, String javaMethod, String resource, List<String> roles) {

        boolean secured() {
            return !roles.isEmpty();
        }
    }

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    private static final DotName OPERATION = DotName.createSimple(
            "org.eclipse.microprofile.openapi.annotations.Operation");
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    static Routes scan(IndexView index) {
        Map<String, Route> routes = new LinkedHashMap<>();
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() != org.jboss.jandex.AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = path.target().asClass();
            for (MethodInfo method : resource.methods()) {
                String verb = verbOf(method);
                if (verb == null || hidden(method)) {
                    continue;
                }
                AnnotationInstance sub = method.annotation(PATH);
                String full = join(path.value().asString(), sub == null ? "" : sub.value().asString());
                Route route = new Route(verb, full, method.name(), resource.simpleName(), roles(resource, method));
                Route clash = routes.put(key(verb, full), route);
                if (clash != null && !clash.equals(route)) {
                    throw new IllegalStateException("Two documented resource methods for " + key(verb, full) + ": "
                            + clash.resource() + "." + clash.javaMethod() + " and " + resource.simpleName() + "."
                            + method.name() + " (hide one with @Operation(hidden = true), or give it its own path)");
                }
            }
        }
        return new Routes(routes);
    }

    private static String verbOf(MethodInfo method) {
        for (String verb : HTTP_METHODS) {
            if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + verb))) {
                return verb;
            }
        }
        return null;
    }

    private static boolean hidden(MethodInfo method) {
        AnnotationInstance operation = method.declaredAnnotation(OPERATION);
        AnnotationValue hidden = operation == null ? null : operation.value("hidden");
        return hidden != null && hidden.asBoolean();
    }

    private static List<String> roles(ClassInfo resource, MethodInfo method) {
        if (method.hasDeclaredAnnotation(PERMIT_ALL)) {
            return List.of();
        }
        AnnotationInstance roles = method.declaredAnnotation(ROLES_ALLOWED);
        if (roles == null) {
            roles = resource.declaredAnnotation(ROLES_ALLOWED);
        }
        return roles == null ? List.of() : List.of(roles.value().asStringArray());
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
