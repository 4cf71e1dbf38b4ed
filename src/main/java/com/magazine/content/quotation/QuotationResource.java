package com.magazine.content.quotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.magazine.content.access.Role;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.http.IfMatch;
import com.magazine.content.common.json.MergePatch;
import com.magazine.content.common.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/quotations")
@Tag(name = "Quotations", description = "Citable quotations with their attribution, embedded by articles' quote blocks.")
@Produces(MediaType.APPLICATION_JSON)
public class QuotationResource {

    private static final String ID = "The quotation's id.";
    private static final String IF_MATCH = "The ETag you last read; a stale one is refused with 412.";

    private final QuotationService quotations;

    QuotationResource(QuotationService quotations) {
        this.quotations = quotations;
    }

    @GET
    @Operation(summary = "List quotations", description = "Newest first; filters combine.")
    @APIResponse(responseCode = "200", description = "A page of quotations.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "A parameter is invalid.")
    public RestResponse<Page<QuotationView>> listQuotations(@Valid @BeanParam QuotationQuery query, UriInfo uri,
            Request request) {
        return HttpCaching.page(request, uri, quotations.list(query.toListRequest(), query));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a quotation",
            description = "The quotation with its speaker, its source and the articles that embed it.")
    @APIResponse(responseCode = "200", description = "The quotation.")
    @APIResponse(responseCode = "404", description = "No quotation has this id.")
    public RestResponse<QuotationView> getQuotation(@Parameter(description = ID) @PathParam("id") UUID id, Request request) {
        return HttpCaching.item(request, quotations.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Create a quotation", description = "Editors and authors. Its text is kept as plain text.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = "Location", description = "The quotation's URL."),
            content = @Content(schema = @Schema(implementation = QuotationView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not write quotations, or (an author key) may not "
            + "attribute one to another of our authors.")
    @APIResponse(responseCode = "422", description = "The speaker's author does not exist, or a text is empty once "
            + "markup is removed.")
    public RestResponse<QuotationView> createQuotation(@Valid @NotNull QuotationInput input, UriInfo uri) {
        QuotationView created = quotations.create(input);
        return RestResponse.ResponseBuilder
                .<QuotationView>created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created)
                .tag(created.etag())
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Replace a quotation", description = "Articles that embed it show the new version.")
    @APIResponse(responseCode = "200", description = "Updated.")
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not write this quotation: an author key writes only "
            + "quotations that no other author's article embeds and that are not attributed to another of our authors.")
    @APIResponse(responseCode = "404", description = "No quotation has this id.")
    @APIResponse(responseCode = "422", description = "The speaker's author does not exist.")
    public RestResponse<QuotationView> replaceQuotation(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull QuotationInput input) {
        return written(quotations.replace(id, input, IfMatch.parse(ifMatch)));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
    @Operation(summary = "Update a quotation in part", description = "JSON merge patch (RFC 7396).")
    @RequestBody(required = true, description = "The fields to change, as in QuotationInput.",
            content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = QuotationInput.class)))
    @APIResponse(responseCode = "200", description = "Updated.")
    @APIResponse(responseCode = "400", description = "The patch is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "The key may not write this quotation: an author key writes only "
            + "quotations that no other author's article embeds and that are not attributed to another of our authors.")
    @APIResponse(responseCode = "404", description = "No quotation has this id.")
    @APIResponse(responseCode = "422", description = "The speaker's author does not exist.")
    public RestResponse<QuotationView> updateQuotation(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch, @NotNull JsonNode patch) {
        return written(quotations.patch(id, patch, IfMatch.parse(ifMatch)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Role.ADMIN, Role.EDITOR})
    @Operation(summary = "Delete a quotation", description = "Only one no article embeds. Admins and editors.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "403", description = "The key may not delete quotations.")
    @APIResponse(responseCode = "404", description = "No quotation has this id.")
    @APIResponse(responseCode = "409", description = "Articles embed it (named in the problem).")
    public void deleteQuotation(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        quotations.delete(id, IfMatch.parse(ifMatch));
    }

    private static RestResponse<QuotationView> written(QuotationView quotation) {
        return RestResponse.ResponseBuilder.ok(quotation).tag(quotation.etag()).build();
    }
}
