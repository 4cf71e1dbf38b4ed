package com.magazine.content.article;

import com.magazine.content.common.http.HttpCaching;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/redirects")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
public class RedirectResource {

    private final LegacyPaths paths;

    RedirectResource(LegacyPaths paths) {
        this.paths = paths;
    }

    @GET
    @Operation(summary = "Find where an old path lives now", description = """
            For a frontend that took over a site: the article an old path (a WordPress permalink such as \
            `/2019/12/03/a-title/`, or `/?p=123`) was imported from, so that it answers 301 to its own page of it. \
            The path may be given with or without its host and trailing slash.""")
    @APIResponse(responseCode = "200", description = "The article's slug now.")
    @APIResponse(responseCode = "400", description = "No path, or one longer than 2000 characters.")
    @APIResponse(responseCode = "404", description = "No article the caller may see had this path.")
    public RestResponse<LegacyPaths.Redirect> getRedirect(
            @Parameter(description = "The old path, or the whole old URL.", required = true,
                    example = "/2019/12/03/a-window-closes/")
            @QueryParam("path") @NotBlank @Size(max = LegacyPaths.MAX_LENGTH) String path,
            Request request) {
        return HttpCaching.item(request, paths.resolve(path));
    }
}
