package com.magazine.content.comment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.article.ArticleRef;
import com.magazine.content.common.http.Cacheable;
import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment as moderators see it: with the email and address of its poster. */
@Schema(description = "A comment as moderators see it, email and IP address included.")
public record ModeratedComment(
        @Schema(required = true) UUID id,
        @Schema(required = true, nullable = true) ArticleRef article,
        @Schema(required = true, nullable = true) UUID parentId,
        @Schema(required = true) int depth,
        @Schema(required = true) CommentStatus status,
        @Schema(required = true) String authorName,
        @Schema(required = true) String authorEmail,
        @Schema(required = true, nullable = true) String authorUrl,
        @Schema(required = true) String body,
        @Schema(required = true) String bodyHtml,
        @Schema(required = true, nullable = true, description = "The poster's IP address; erased after the "
                + "retention period.") String ip,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, nullable = true) String moderatedBy,
        @Schema(required = true, nullable = true) Instant moderatedAt,
        @Schema(required = true) long version) implements Cacheable {

    static ModeratedComment from(Comment comment, ArticleRef article) {
        return new ModeratedComment(comment.id(), article, comment.parentId(), comment.depth(), comment.status(),
                comment.authorName(), comment.authorEmail(), comment.authorUrl(), comment.body(),
                CommentText.html(comment.body()), comment.ip(), comment.createdAt(), comment.updatedAt(),
                comment.moderatedBy(), comment.moderatedAt(), comment.version());
    }

    @JsonIgnore
    @Override
    public EntityTag etag() {
        return HttpCaching.etagOf(java.util.List.of(HttpCaching.etag(id, version).getValue(), String.valueOf(ip)));
    }

    @JsonIgnore
    @Override
    public Instant lastModified() {
        return updatedAt;
    }

}
