package com.magazine.content.comment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.common.http.Cacheable;
import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A public comment, with its approved replies nested: a thread renders in one pass. */
@Schema(name = "Comment", description = "An approved comment with its approved replies, nested in order.")
public record CommentView(
        @Schema(required = true) UUID id,
        @Schema(required = true, nullable = true) UUID parentId,
        @Schema(required = true, description = "0 for a top-level comment, then one more per level.") int depth,
        @Schema(required = true, example = "Jo Marsh") String authorName,
        @Schema(required = true, nullable = true) String authorUrl,
        @Schema(required = true, description = "Plain text, as written.") String body,
        @Schema(required = true, description = "The body as safe HTML: escaped, with paragraphs and line breaks.")
        String bodyHtml,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "Approved replies, oldest first.") List<CommentView> replies,
        @JsonIgnore @Schema(hidden = true) long version,
        @JsonIgnore @Schema(hidden = true) UUID articleId) implements Cacheable {

    static CommentView from(CommentRepository.ThreadRow comment) {
        return new CommentView(comment.id(), comment.parentId(), comment.depth(), comment.authorName(),
                comment.authorUrl(), comment.body(), CommentText.html(comment.body()), comment.createdAt(),
                new ArrayList<>(), comment.version(), comment.articleId());
    }

    /** Covers the replies too: a new approved reply changes the thread. */
    @Override
    public EntityTag etag() {
        List<String> parts = new ArrayList<>();
        parts.add(HttpCaching.etag(id, version).getValue());
        replies.forEach(reply -> parts.add(reply.etag().getValue()));
        return HttpCaching.etagOf(parts);
    }

    @Override
    public Instant lastModified() {
        Instant latest = createdAt;
        for (CommentView reply : replies) {
            latest = reply.lastModified().isAfter(latest) ? reply.lastModified() : latest;
        }
        return latest;
    }

}
