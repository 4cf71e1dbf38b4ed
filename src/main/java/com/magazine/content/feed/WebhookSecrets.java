package com.magazine.content.feed;

import com.magazine.content.common.ContentConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Webhook signing secrets sealed at rest with AES-256-GCM: stored as {@code gcm1:<key id>:<base64url(nonce ‖
 * ciphertext ‖ tag)>}, the key id bound in as associated data. The key comes from the environment
 * ({@code CONTENT_WEBHOOKS_SECRET_KEY}); old keys ({@code CONTENT_WEBHOOKS_OLD_SECRET_KEYS}) still open what they
 * sealed, and {@link #resealStale()} moves every stored secret to the current key (and seals rows from before
 * sealing), so that a key can be rotated without downtime.
 */
@ApplicationScoped
class WebhookSecrets {

    static final String PREFIX = "gcm1:";
    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int BATCH = 100;

    private final String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final WebhookRepository webhooks;

    @Inject
    WebhookSecrets(ContentConfig config, WebhookRepository webhooks) {
        this(config.webhooks().secretKey().orElseGet(() -> generatedKey(LaunchMode.current())),
                config.webhooks().oldSecretKeys().orElse(List.of()), webhooks);
    }

    WebhookSecrets(String current, List<String> old, WebhookRepository webhooks) {
        this.webhooks = webhooks;
        this.currentId = add(current);
        old.stream().filter(key -> !key.isBlank()).forEach(this::add);
    }

    /** A key of this process alone, outside the prod profile; what it sealed cannot be opened after a restart. */
    private static String generatedKey(LaunchMode mode) {
        if (mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("CONTENT_WEBHOOKS_SECRET_KEY is not set"); // ProductionSecrets says more
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        LOG.info("No CONTENT_WEBHOOKS_SECRET_KEY: webhook secrets are sealed with a random key of this process");
        return "process:" + Base64.getEncoder().encodeToString(bytes);
    }

    /** Checks {@code <id>:<base64 of 32 bytes>}; answers why not, or null. */
    static String problemWith(String key) {
        int colon = key.indexOf(':');
        if (colon < 1 || key.substring(0, colon).contains(":")) {
            return "must be <id>:<base64 of 32 bytes>";
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(key.substring(colon + 1).strip());
            return bytes.length == 32 ? null : "must hold 32 bytes (AES-256), not " + bytes.length;
        } catch (IllegalArgumentException e) {
            return "must be <id>:<base64 of 32 bytes>";
        }
    }

    private String add(String key) {
        String problem = problemWith(key);
        if (problem != null) {
            throw new IllegalArgumentException("webhook secret key " + problem);
        }
        int colon = key.indexOf(':');
        String id = key.substring(0, colon);
        keys.putIfAbsent(id, new SecretKeySpec(Base64.getDecoder().decode(key.substring(colon + 1).strip()), "AES"));
        return id;
    }

    /** The secret sealed with the current key, for storing. */
    String seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + currentId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret in clear, from what is stored (sealed with any known key, or from before sealing). */
    String open(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String id = rest.substring(0, colon);
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("a webhook secret is sealed with key '" + id + "', which is not configured"
                    + " (CONTENT_WEBHOOKS_OLD_SECRET_KEYS)");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(rest.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a webhook secret sealed with key '" + id + "' cannot be opened", e);
        }
    }

    /** Whether {@code stored} is sealed with the current key already. */
    boolean current(String stored) {
        return stored.startsWith(PREFIX + currentId + ":");
    }

    void resealAtStart(@Observes StartupEvent start) {
        try {
            resealStale();
        } catch (RuntimeException e) {
            LOG.warn("Could not re-seal webhook secrets at start-up; the hourly job tries again", e);
        }
    }

    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resealScheduled() {
        resealStale();
    }

    /** Seals with the current key every stored secret that is not yet, a batch at a time; answers how many. */
    int resealStale() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::resealBatch);
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            LOG.infof("Re-sealed %d webhook secrets with key '%s'", total, currentId);
        }
        return total;
    }

    private int resealBatch() {
        List<Webhook> stale = webhooks.find("secret not like ?1", PREFIX + currentId + ":%").page(0, BATCH).list();
        for (Webhook webhook : stale) {
            webhook.resealSecret(seal(open(webhook.secret())));
        }
        return stale.size();
    }
}
