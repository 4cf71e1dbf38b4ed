package com.magazine.content.comment;

import com.magazine.content.access.Role;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/comments")
@Tag(name = "Comment moderation", description = "The queue and decisions. Editors moderate every article; an author "
        + "key the comments on its own author's articles.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.EDITOR, Role.AUTHOR})
@APIResponse(responseCode = "403", description = "The key may not moderate (this comment).")
public class CommentModerationResource {

    private static final String ID = "The comment's id.";

    private final CommentService comments;

    CommentModerationResource(CommentService comments) {
        this.comments = comments;
    }

    @GET
    @Operation(summary = "The moderation queue", description = "Oldest first, with emails and IP addresses.")
    @APIResponse(responseCode = "200", description = "A page of comments.",
            headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"."))
    @APIResponse(responseCode = "400", description = "Invalid status, limit or cursor.")
    @APIResponse(responseCode = "404", description = "No article has the slug given in article.")
    public RestResponse<Page<ModeratedComment>> listComments(
            @Parameter(description = "Statuses, comma-separated; pending by default.", example = "pending,spam")
            @QueryParam("status") @DefaultValue("pending")
            @Pattern(regexp = "^(pending|approved|rejected|spam)(,(pending|approved|rejected|spam))*$",
                    message = "must be pending, approved, rejected or spam, or several of them comma-separated")
            String status,
            @Parameter(description = "Only the comments on this article (slug).") @QueryParam("article")
            @Size(max = 120) String article,
            @Valid @BeanParam PageRequest page, UriInfo uri, Request request) {
        List<CommentStatus> statuses = Arrays.stream(status.split(",")).map(CommentStatus::valueOf).distinct().toList();
        return HttpCaching.page(request, uri, comments.queue(statuses, article, page));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a comment", description = "As moderators see it.")
    @APIResponse(responseCode = "200", description = "The comment.")
    @APIResponse(responseCode = "404", description = "No comment has this id.")
    public RestResponse<ModeratedComment> getComment(@Parameter(description = ID) @PathParam("id") UUID id,
            Request request) {
        return HttpCaching.item(request, comments.get(id));
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve a comment", description = "It becomes public and counts in commentCount.")
    @APIResponse(responseCode = "200", description = "Approved.")
    @APIResponse(responseCode = "404", description = "No comment has this id.")
    @APIResponse(responseCode = "409", description = "Another moderator decided at the same moment; read it again.")
    public ModeratedComment approveComment(@Parameter(description = ID) @PathParam("id") UUID id) {
        return comments.moderate(id, CommentStatus.approved);
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject a comment", description = "It is not (or no longer) public.")
    @APIResponse(responseCode = "200", description = "Rejected.")
    @APIResponse(responseCode = "404", description = "No comment has this id.")
    @APIResponse(responseCode = "409", description = "Another moderator decided at the same moment; read it again.")
    public ModeratedComment rejectComment(@Parameter(description = ID) @PathParam("id") UUID id) {
        return comments.moderate(id, CommentStatus.rejected);
    }

    @POST
    @Path("{id}/spam")
    @Operation(summary = "Mark a comment as spam", description = "It is not (or no longer) public.")
    @APIResponse(responseCode = "200", description = "Marked as spam.")
    @APIResponse(responseCode = "404", description = "No comment has this id.")
    @APIResponse(responseCode = "409", description = "Another moderator decided at the same moment; read it again.")
    public ModeratedComment markCommentAsSpam(@Parameter(description = ID) @PathParam("id") UUID id) {
        return comments.moderate(id, CommentStatus.spam);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a comment", description = "With its replies.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No comment has this id.")
    public void deleteComment(@Parameter(description = ID) @PathParam("id") UUID id) {
        comments.delete(id);
    }

    @POST
    @Path("moderation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Moderate many comments", description = """
            One decision (approve, reject, spam, delete) for up to 100 comments; each comes back with what became \
            of it (done, not-found, forbidden).""")
    @APIResponse(responseCode = "200", description = "What became of each comment.")
    @APIResponse(responseCode = "400", description = "The body is malformed: an unknown action, no ids, too many.")
    @APIResponse(responseCode = "409", description = "Another moderator decided at the same moment; read again.")
    public Moderation.Results moderateComments(@Valid @NotNull Moderation moderation) {
        return comments.moderate(moderation);
    }
}
