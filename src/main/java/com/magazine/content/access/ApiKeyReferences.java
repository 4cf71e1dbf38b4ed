package com.magazine.content.access;

import com.magazine.content.author.AuthorReferences;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** An author with active API keys is still in use: the keys must be revoked before the author goes. */
@ApplicationScoped
class ApiKeyReferences implements AuthorReferences {

    private final ApiKeyService keys;

    ApiKeyReferences(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Optional<String> describe(UUID authorId) {
        long count = keys.activeKeysOf(authorId);
        return count == 0 ? Optional.empty()
                : Optional.of(count + (count == 1 ? " active API key" : " active API keys"));
    }
}
