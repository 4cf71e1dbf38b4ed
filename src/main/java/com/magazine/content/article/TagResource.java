package com.magazine.content.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.magazine.content.access.Role;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.json.MergePatch;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/tags")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
public class TagResource {

    private static final String SLUG = "The tag's slug.";

    private final ArticleQueryService articles;
    private final TagService tags;

    TagResource(ArticleQueryService articles, TagService tags) {
        this.articles = articles;
        this.tags = tags;
    }

    @GET
    @Operation(summary = "List tags", description = """
            By slug, each with its type and its number of published articles (editors: of all articles). Tags with no \
            published article are left out for the public. `type=section` lists the magazine's sections.""")
    @APIResponse(responseCode = "200", description = "A page of tags.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or type.")
    public RestResponse<Page<TagView>> listTags(@Valid @BeanParam PageRequest page,
            @Parameter(description = "Only tags of this type.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"section", "series", "topic", "tone"}))
            @QueryParam("type") @Pattern(regexp = "^(section|series|topic|tone)$",
                    message = "must be section, series, topic or tone") String type,
            UriInfo uri, Request request) {
        return HttpCaching.page(request, uri, articles.tags(type == null ? null : TagType.valueOf(type), page));
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Get a tag", description = "Its name, type and number of articles, as the list shows it: "
            + "what a section's or a series' page puts at its top.")
    @APIResponse(responseCode = "200", description = "The tag.")
    @APIResponse(responseCode = "404", description = "No tag has this slug, or it has no published article.")
    public RestResponse<TagView> getTag(@Parameter(description = SLUG) @PathParam("slug") String slug,
            Request request) {
        return HttpCaching.item(request, articles.tag(slug));
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN, Role.EDITOR})
    @Operation(summary = "Rename or retype a tag", description = """
            JSON merge patch (RFC 7396) of the name and type; the slug stays. Every article showing the tag shows the \
            change. Admins and editors.""")
    @RequestBody(required = true, description = "The fields to change, as in TagInput.",
            content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = TagInput.class)))
    @APIResponse(responseCode = "200", description = "Updated.")
    @APIResponse(responseCode = "400", description = "The patch is malformed or a field is invalid.")
    @APIResponse(responseCode = "404", description = "No tag has this slug.")
    @APIResponse(responseCode = "409", description = "Articles have the tag as their section, and the patch makes it "
            + "something else.")
    @APIResponse(responseCode = "422", description = "The name has no letter or digit.")
    public RestResponse<TagView> updateTag(@Parameter(description = SLUG) @PathParam("slug") String slug,
            @Parameter(description = "The ETag you last read; the update is refused (412) if it is stale.")
            @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch,
            @NotNull JsonNode patch) {
        TagView tag = tags.patch(slug, patch, com.magazine.content.common.http.IfMatch.parse(ifMatch));
        return RestResponse.ResponseBuilder.ok(tag).tag(tag.etag()).build();
    }
}
