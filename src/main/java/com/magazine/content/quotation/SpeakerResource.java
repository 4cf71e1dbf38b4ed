package com.magazine.content.quotation;

import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/speakers")
@Tag(name = "Quotations")
@Produces(MediaType.APPLICATION_JSON)
public class SpeakerResource {

    private final QuotationService quotations;

    SpeakerResource(QuotationService quotations) {
        this.quotations = quotations;
    }

    @GET
    @Operation(summary = "List speakers", description = """
            Everyone quoted, by name, with their number of quotations: for "what X has said" pages. Names that \
            differ only in case or accents count as one speaker.""")
    @APIResponse(responseCode = "200", description = "A page of speakers.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor.")
    public RestResponse<Page<SpeakerView>> listSpeakers(
            @Parameter(description = "Only speakers whose name contains this (any case and accents).")
            @QueryParam("q") @Size(max = 200) String q,
            @Valid @BeanParam PageRequest page, UriInfo uri, Request request) {
        return HttpCaching.page(request, uri, quotations.speakers(q, page));
    }
}
