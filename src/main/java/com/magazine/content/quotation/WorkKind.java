package com.magazine.content.quotation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What kind of work a source is.")
public enum WorkKind {
    book, article, speech, interview, testimony, report, post, other
}
