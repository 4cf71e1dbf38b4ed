package com.magazine.content.author;

import com.magazine.content.access.ApiKeyService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** An author with active API keys is still in use: the keys are revoked before the author goes. */
@ApplicationScoped
class ActiveKeys implements AuthorReferences {

    private final ApiKeyService keys;

    ActiveKeys(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Optional<String> describe(UUID authorId) {
        long count = keys.activeKeysOf(authorId);
        return count == 0 ? Optional.empty()
                : Optional.of(count + (count == 1 ? " active API key" : " active API keys"));
    }
}
