package com.magazine.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What kind of note a correction is. */
@Schema(description = """
        correction: something was wrong and is now right; clarification: it was right but could be misread; \
        update: something new is known since; retraction: the article, or a claim in it, no longer stands.""")
public enum CorrectionType {
    correction, clarification, update, retraction;

    /** As a reader sees it in the notice: Correction, Clarification, … */
    String label() {
        return Character.toUpperCase(name().charAt(0)) + name().substring(1);
    }
}
