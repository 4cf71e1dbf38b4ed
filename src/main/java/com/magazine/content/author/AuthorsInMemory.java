package com.magazine.content.author;

import com.magazine.content.common.http.KeptInMemory;
import jakarta.enterprise.context.ApplicationScoped;

/** Authors as bylines and author boxes show them, kept in memory by id: every article view shows some. */
@ApplicationScoped
class AuthorsInMemory extends KeptInMemory<AuthorView> {

    AuthorsInMemory() {
        super("authors", 10_000);
    }
}
