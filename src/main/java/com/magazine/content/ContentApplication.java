package com.magazine.content;

import com.magazine.content.common.error.ProblemDetail;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        info = @Info(
                title = "Magazine content API",
                version = "1.0",
                description = """
                        Articles, authors, quotations and comments of the magazine as JSON, for its website, its apps \
                        and its syndication partners. Published content is public; writes need an API key sent as \
                        `Authorization: Bearer <key>`. Lists are keyset-paged (`limit`, `cursor`, `Link: rel="next"`); \
                        every GET carries `ETag` and `Last-Modified` and answers 304 to a matching `If-None-Match`; \
                        writes honour `If-Match` (412 when stale). Errors are RFC 9457 `application/problem+json`."""),
        components = @Components(schemas = @Schema(name = "Problem", implementation = ProblemDetail.class)))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key: `Authorization: Bearer <key>`. Keys are issued by an admin at /api/v1/keys.")
public class ContentApplication extends Application {
}
