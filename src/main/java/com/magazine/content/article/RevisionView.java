package com.magazine.content.article;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.common.http.Cacheable;
import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Revision", description = "One write of an article. In lists `article` is left out.")
public record RevisionView(
        @Schema(required = true, description = "1 for the creation, then one more per write.", example = "3")
        int number,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "Who wrote it: the id of the API key, or config:admin-key.")
        String actor,
        @Schema(required = true, description = "What the write was.", enumeration = {"create", "update",
                "publish", "unpublish", "archive", "restore", "correct", "withdraw-correction"},
                example = "update") String action,
        @Schema(required = true, description = "The fields this write changed.", example = "[\"title\", \"body\"]")
        List<String> changes,
        @Schema(nullable = true, description = "The article as this revision left it; restore it with "
                + "POST …/revisions/{number}/restore.") RevisionContent article,
        @JsonIgnore @Schema(hidden = true) UUID articleId) implements Cacheable {

    /** The article's content and lifecycle at a revision. */
    @Schema(name = "RevisionContent")
    public record RevisionContent(
            @Schema(required = true) ArticleInput content,
            @Schema(required = true) ArticleStatus status,
            @Schema(nullable = true) Instant publishedAt,
            @Schema(description = "Its corrections as they then were, withdrawn ones marked.")
            List<Correction> corrections) {
    }

    static RevisionView of(ArticleRevision revision, boolean withArticle) {
        ArticleRevision.Snapshot snapshot = revision.snapshot();
        return new RevisionView(revision.number(), revision.createdAt(), revision.actor(), revision.action(),
                revision.changes(),
                withArticle ? new RevisionContent(snapshot.content(), snapshot.status(), snapshot.publishedAt(),
                        snapshot.corrections()) : null,
                revision.articleId());
    }

    /** A revision never changes. */
    @Override
    public EntityTag etag() {
        return HttpCaching.etag(articleId, number);
    }

    @Override
    public Instant lastModified() {
        return createdAt;
    }

}
