package com.magazine.content.common.paging;

import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.error.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque keyset cursors: the sort keys of the last row of a page, bound to the list they came from and signed, so a
 * cursor from another list or one edited by hand is refused with a 400 problem instead of giving a wrong page.
 */
@ApplicationScoped
public class Cursors {

    private static final char SEPARATOR = '\u001f';
    private static final int SIGNATURE_BYTES = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    Cursors(ContentConfig config) {
        // without a configured secret (dev mode, tests; the prod profile refuses to start): one of this process
        byte[] secret = config.paging().cursorSecret().filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    byte[] random = new byte[32];
                    new java.security.SecureRandom().nextBytes(random);
                    return random;
                });
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * @param list names the list and its order (e.g. {@code authors:name}); a cursor only opens the list it was made for
     * @param keys the sort keys of the last row served, in order
     */
    public String encode(String list, String... keys) {
        String payload = list + SEPARATOR + String.join(String.valueOf(SEPARATOR), keys);
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The sort keys inside {@code cursor}, or a 400 problem when it was not made by us for {@code list}. */
    public List<String> decode(String list, String cursor, int keyCount) {
        try {
            int dot = cursor.indexOf('.');
            if (dot < 0) {
                throw invalid();
            }
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                throw invalid();
            }
            List<String> parts = Arrays.asList(
                    new String(payload, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != keyCount + 1 || !parts.get(0).equals(list)) {
                throw invalid();
            }
            return parts.subList(1, parts.size());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A UUID key read from a cursor. */
    public static java.util.UUID uuid(String key) {
        try {
            return java.util.UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /**
     * An instant key read from a cursor: a 400 unless it is an ISO-8601 instant between the years 1 and 9999 (a
     * cursor signed with a leaked secret could carry any instant; the database could not compare one far out).
     */
    public static java.time.Instant instant(String key) {
        try {
            java.time.Instant instant = java.time.Instant.parse(key);
            if (instant.isBefore(java.time.Instant.parse("0001-01-01T00:00:00Z"))
                    || instant.isAfter(java.time.Instant.parse("9999-12-31T23:59:59.999999Z"))) {
                throw invalid();
            }
            return instant;
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid();
        }
    }

    public static RuntimeException invalid() {
        return Problems.badRequest("invalid-cursor",
                "The cursor is not valid for this list; start again without a cursor or use the `next` value as given.");
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
