package com.magazine.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What kind of tag it is: how a frontend groups and shows it. */
@Schema(description = """
        section: a part of the magazine (Politics, Culture), what an article's breadcrumb shows; series: articles \
        published as a run; topic: what an article is about (every tag until given another type); tone: opinion, \
        analysis, review.""")
public enum TagType {
    section, series, topic, tone
}
