package com.magazine.content.access;

import com.magazine.content.common.error.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/** Who is calling, as the services need to know it: anonymous, or the holder of a key with a role. */
@RequestScoped
public class Caller {

    static final String AUTHOR_ID = "content.author-id";

    private final SecurityIdentity identity;
    /** {@link #staff()}, once known. */
    private Boolean staff;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Who to record as having made a change: the key's id, or the configured admin key. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean anonymous() {
        return identity.isAnonymous();
    }

    public boolean has(Role role) {
        return identity.hasRole(role.name());
    }

    /**
     * Admins and editors: may see and write all content. Asked many times per request (each article a read shows),
     * answered once: the first question is what authenticates an anonymous request.
     */
    public boolean staff() {
        Boolean known = staff;
        if (known == null) {
            known = has(Role.admin) || has(Role.editor);
            staff = known;
        }
        return known;
    }

    /** For an author key: the author it writes for. */
    public Optional<UUID> authorId() {
        return Optional.ofNullable(identity.<UUID>getAttribute(AUTHOR_ID));
    }

    /** Staff may write for any author; an author key only for its own author. */
    public boolean mayWriteFor(UUID authorId) {
        return staff() || (has(Role.author) && authorId().filter(authorId::equals).isPresent());
    }

    /** A 403 problem unless {@link #mayWriteFor(UUID)}. */
    public void requireWriteFor(UUID authorId) {
        if (!mayWriteFor(authorId)) {
            throw Problems.forbidden("This key may only write the content of its own author.");
        }
    }
}
