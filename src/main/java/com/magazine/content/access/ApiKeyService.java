package com.magazine.content.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.paging.Cursors;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import com.magazine.content.common.text.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Issues, lists, revokes and checks API keys. */
@ApplicationScoped
public class ApiKeyService {

    static final String SECRET_PREFIX = "cak_";
    private static final String LIST = "keys:newest";

    private final ApiKeyRepository keys;
    private final AuthorDirectory authors;
    private final Cursors cursors;
    private final Optional<byte[]> adminKeyHash;
    private final SecureRandom random = new SecureRandom();
    private final TransactionSynchronizationRegistry transactions;
    /** Keys checked lately, by the hash of their secret: a request with a known key asks the database nothing. */
    private final Cache<ByteBuffer, KeyHolder> known;
    /** Keys found unknown or revoked lately: made-up keys sent again and again cost no query either. */
    private final Cache<ByteBuffer, Boolean> unknown;

    ApiKeyService(ApiKeyRepository keys, AuthorDirectory authors, Cursors cursors, ContentConfig config,
            TransactionSynchronizationRegistry transactions) {
        this.keys = keys;
        this.authors = authors;
        this.cursors = cursors;
        this.transactions = transactions;
        this.adminKeyHash = config.adminKey().filter(k -> !k.isBlank()).map(ApiKeyService::hash);
        this.known = Caffeine.newBuilder().expireAfterWrite(config.limits().keyCacheTtl()).maximumSize(10_000).build();
        this.unknown = Caffeine.newBuilder().expireAfterWrite(config.limits().unknownKeyCacheTtl())
                .maximumSize(100_000).build();
    }

    /** The keys were replaced as a whole (a restore): what was checked before says nothing of them now. */
    void replaced(@jakarta.enterprise.event.Observes com.magazine.content.common.events.ContentReplaced replaced) {
        known.invalidateAll();
        unknown.invalidateAll();
    }

    /** The holder of {@code secret}, if it is the configured admin key or an active stored key. */
    @Transactional
    Optional<KeyHolder> authenticate(String secret) {
        byte[] hash = hash(secret);
        if (adminKeyHash.isPresent() && MessageDigest.isEqual(adminKeyHash.get(), hash)) {
            return Optional.of(new KeyHolder("config:admin-key", Role.admin, null));
        }
        ByteBuffer cacheKey = ByteBuffer.wrap(hash);
        KeyHolder cached = known.getIfPresent(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (unknown.getIfPresent(cacheKey) != null || !plausible(secret)) {
            return Optional.empty();
        }
        Optional<KeyHolder> holder = keys.findActiveBySecretHash(hash)
                .map(key -> new KeyHolder(key.id().toString(), key.role(), key.authorId()));
        holder.ifPresentOrElse(found -> known.put(cacheKey, found), () -> unknown.put(cacheKey, Boolean.TRUE));
        return holder;
    }

    /** Whether {@code secret} is a key this instance checked lately and found good: no query will be needed. */
    boolean knownGood(String secret) {
        byte[] hash = hash(secret);
        return adminKeyHash.isPresent() && MessageDigest.isEqual(adminKeyHash.get(), hash)
                || known.getIfPresent(ByteBuffer.wrap(hash)) != null;
    }

    /** Stored keys are {@code cak_} and 43 base64url characters: anything else is refused without a query. */
    private static boolean plausible(String secret) {
        return secret.length() == SECRET_PREFIX.length() + 43 && secret.startsWith(SECRET_PREFIX)
                && secret.substring(SECRET_PREFIX.length()).chars()
                        .allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                                || c == '-' || c == '_');
    }

    @Transactional
    public CreatedApiKey create(CreateApiKey request) {
        UUID authorId = null;
        if (request.role() == Role.author) {
            if (request.author() == null) {
                throw Problems.unprocessable("author", "is required for a key with the author role");
            }
            authorId = authors.idOf(request.author())
                    .orElseThrow(() -> Problems.unprocessable("author", "no author has the slug '" + request.author() + "'"));
        } else if (request.author() != null) {
            throw Problems.unprocessable("author", "is only for keys with the author role");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = new ApiKey(request.name().strip(), secret.substring(0, SECRET_PREFIX.length() + 8), hash(secret),
                request.role(), authorId);
        keys.persistAndFlush(key);
        return new CreatedApiKey(ApiKeyView.from(key, request.author()), secret);
    }

    @Transactional
    public Page<ApiKeyView> list(PageRequest page) {
        UUID before = page.first() ? null : Cursors.uuid(cursors.decode(LIST, page.cursor(), 1).get(0));
        List<ApiKey> rows = keys.page(before, page.limit() + 1);
        Map<UUID, String> slugs = authors.slugsOf(rows.stream().map(ApiKey::authorId).filter(Objects::nonNull).toList());
        return Page.of(rows, page.limit(), key -> ApiKeyView.from(key, slugs.get(key.authorId())),
                key -> cursors.encode(LIST, key.id().toString()));
    }

    @Transactional
    public ApiKeyView get(UUID id) {
        ApiKey key = find(id);
        return ApiKeyView.from(key, slugOf(key));
    }

    /** Revokes the key at once: it is refused from the next request on. Revoking twice is harmless. */
    @Transactional
    public void revoke(UUID id) {
        ApiKey key = find(id);
        key.revoke();
        ByteBuffer cacheKey = ByteBuffer.wrap(key.secretHash());
        known.invalidate(cacheKey);
        // and again once committed, in case a request read the key meanwhile and cached it as still active
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                known.invalidate(cacheKey);
            }
        });
    }

    /** How many unrevoked keys write for this author. */
    @Transactional
    public long activeKeysOf(UUID authorId) {
        return keys.countActiveForAuthor(authorId);
    }

    private ApiKey find(UUID id) {
        return keys.findByIdOptional(id).orElseThrow(() -> Problems.notFound("API key", id.toString()));
    }

    private String slugOf(ApiKey key) {
        return key.authorId() == null ? null : authors.slugsOf(List.of(key.authorId())).get(key.authorId());
    }


    static byte[] hash(String secret) {
        return Digests.sha256(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Who holds a key: its id (or the config admin key), role and, for the author role, the author. */
    record KeyHolder(String keyId, Role role, UUID authorId) {
    }
}
