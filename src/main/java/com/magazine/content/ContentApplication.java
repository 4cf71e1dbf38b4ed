package com.magazine.content;

import com.magazine.content.common.error.ProblemDetail;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
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
                        writes honour `If-Match` (412 when stale). Errors are RFC 9457 `application/problem+json`.""",
                contact = @Contact(name = "The magazine's platform team", email = "platform@magazine.example",
                        url = "https://magazine.example/developers"),
                license = @License(name = "Proprietary: for the magazine and its syndication partners",
                        url = "https://magazine.example/developers/terms")),
        servers = @Server(url = "https://api.magazine.example", description = """
                Production. Generated clients take the base URL as a setting: `http://localhost:8080` for \
                `./mvnw quarkus:dev` or `java -jar`."""),
        components = @Components(schemas = {
                @Schema(name = "Problem", implementation = ProblemDetail.class),
                @Schema(name = "WebhookPayload", implementation = com.magazine.content.feed.WebhookPayload.class)}))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key: `Authorization: Bearer <key>`. Keys are issued by an admin at /api/v1/keys.")
public class ContentApplication extends Application {
}
