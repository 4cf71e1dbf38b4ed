package com.magazine.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an article is in its life. Only published articles are public. */
@Schema(description = """
        draft: being written; scheduled: published at a future instant, public from then on by itself; \
        published: public; expired: was published, left public view by itself at its unpublishAt; archived: out of \
        the lists, readable by editors only.""")
public enum ArticleStatus {
    draft, scheduled, published, expired, archived
}
