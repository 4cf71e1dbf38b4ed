package com.magazine.content.comment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "pending: waiting for a moderator; approved: public; rejected: refused; spam: refused as spam.")
public enum CommentStatus {
    pending, approved, rejected, spam
}
