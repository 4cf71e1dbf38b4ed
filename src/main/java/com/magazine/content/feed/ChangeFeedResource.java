package com.magazine.content.feed;

import com.magazine.content.common.error.ProblemDetail;

import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.paging.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/changes")
@Tag(name = "Syndication", description = "The change feed, feeds, sitemaps and webhooks: what partners sync from.")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    private final ChangeFeedService changes;

    ChangeFeedResource(ChangeFeedService changes) {
        this.changes = changes;
    }

    @GET
    @Operation(summary = "Read the change feed", description = """
            Every change the caller may see, oldest first: for the public (no key, partner keys) a publish, an update \
            of a published article, an unpublish or archive (op delete: it left public view), author and quotation \
            changes, comments approved or removed; editors also see drafts and moderation. Store `next` and pass it \
            as `since` to read on: no change is ever skipped, even when transactions commit out of order (the feed \
            numbers changes in the order they commit). A scheduled article appears when its instant passes. The feed \
            keeps 30 days of changes (configurable): a since from before that answers 410. When you are up to date, \
            items is empty and next stays where you are.""")
    @APIResponse(responseCode = "400", description = "A since that this feed did not issue, or a limit out of range.")
    @APIResponse(responseCode = "410", description = "The changes after this since are older than the feed keeps: read "
            + "the lists afresh, then follow the feed from its start.", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "200", description = "The next changes.",
            headers = @Header(name = "Link", description = "RFC 8288 link to read on from next, rel=\"next\"."))
    public RestResponse<Page<ChangeView>> listChanges(
            @Parameter(description = "The next of the previous read; leave out to read from the start.")
            @QueryParam("since") @Size(max = 512) String since,
            @Parameter(description = "Up to how many changes, 1 to 1000.") @QueryParam("limit") @DefaultValue("100")
            @Min(1) @Max(1000) int limit,
            UriInfo uri, Request request) {
        Page<ChangeView> page = changes.read(since, limit);
        return HttpCaching.page(request, uri, page, page, null, "since");
    }
}
