package com.magazine.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What someone credited beside the byline did for an article. */
@Schema(description = "What the person did: took the photographs, drew the illustrations, translated, edited, reported, "
        + "researched, or contributed otherwise.")
public enum ContributorRole {
    photographer, illustrator, translator, editor, reporting, research, contributor
}
