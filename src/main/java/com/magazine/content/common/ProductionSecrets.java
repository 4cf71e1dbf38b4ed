package com.magazine.content.common;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Refuses to start in the prod profile without the secrets that every instance must share and that no one may guess:
 * the paging cursors' signing secret and the key that seals webhook secrets. Dev mode and tests make random ones per
 * process (see Cursors, WebhookSecrets), so nothing has to be configured to try the service.
 */
@ApplicationScoped
public class ProductionSecrets {

    static final int MIN_CURSOR_SECRET_LENGTH = 32;

    void check(@Observes @Priority(1) StartupEvent start, ContentConfig config) {
        List<String> problems = problems(LaunchMode.current(), config.paging().cursorSecret(),
                config.webhooks().secretKey());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join("; ", problems));
        }
    }

    /** What is missing or unfit for {@code mode}; empty when the service may start. */
    public static List<String> problems(LaunchMode mode, Optional<String> cursorSecretSetting,
            Optional<String> webhookKeySetting) {
        List<String> problems = new ArrayList<>();
        if (mode != LaunchMode.NORMAL) {
            return problems;
        }
        String cursorSecret = cursorSecretSetting.orElse("");
        if (cursorSecret.isBlank()) {
            problems.add("CONTENT_PAGING_CURSOR_SECRET is not set (a random string of at least "
                    + MIN_CURSOR_SECRET_LENGTH + " characters shared by all instances, e.g. openssl rand -hex 32)");
        } else if (cursorSecret.length() < MIN_CURSOR_SECRET_LENGTH) {
            problems.add("CONTENT_PAGING_CURSOR_SECRET is shorter than " + MIN_CURSOR_SECRET_LENGTH + " characters");
        }
        String key = webhookKeySetting.orElse("");
        if (key.isBlank()) {
            problems.add("CONTENT_WEBHOOKS_SECRET_KEY is not set (<id>:<base64 of 32 bytes>, e.g. "
                    + "k1:$(openssl rand -base64 32))");
        } else if (!key.matches("[^:]+:.+") || decodedLength(key.substring(key.indexOf(':') + 1)) != 32) {
            problems.add("CONTENT_WEBHOOKS_SECRET_KEY must be <id>:<base64 of 32 bytes>");
        }
        return problems;
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip()).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
