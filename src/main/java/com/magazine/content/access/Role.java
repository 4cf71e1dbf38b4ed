package com.magazine.content.access;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an API key may do. Published content needs no key at all. */
@Schema(description = """
        admin: everything, including API keys; editor: all content; author: the content of one author \
        (the key's `author`); partner: read-only access for syndication.""")
public enum Role {
    admin, editor, author, partner;

    /** Role names as {@code @RolesAllowed} takes them. */
    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String AUTHOR = "author";
    public static final String PARTNER = "partner";
}
