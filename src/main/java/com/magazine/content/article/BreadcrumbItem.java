package com.magazine.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of an article's breadcrumb, as its page shows it. */
@Schema(name = "BreadcrumbItem", description = "One step of the breadcrumb: a name and the website's page for it.")
public record BreadcrumbItem(
        @Schema(required = true, example = "Helen Varga") String name,
        @Schema(required = true, example = "https://magazine.example/authors/helen-varga") String url) {
}
