package com.magazine.content.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Webhook secrets sealed at rest with AES-GCM, under a key that can be rotated. */
class WebhookSecretsTest {

    private static String key(String id, int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return id + ":" + Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aSealedSecretNamesItsKeyHidesTheSecretAndOpensAgain() {
        WebhookSecrets secrets = new WebhookSecrets(key("k1", 1), List.of(), null);
        String sealed = secrets.seal("whsec_partner-secret-1234567890");
        assertThat(sealed).startsWith("gcm1:k1:").doesNotContain("partner-secret");
        assertThat(secrets.seal("whsec_partner-secret-1234567890")).isNotEqualTo(sealed); // a fresh nonce each time
        assertThat(secrets.open(sealed)).isEqualTo("whsec_partner-secret-1234567890");
        assertThat(secrets.current(sealed)).isTrue();
    }

    @Test
    void afterRotationOldSecretsStillOpenAndAreKnownToNeedResealing() {
        String sealedBefore = new WebhookSecrets(key("k1", 1), List.of(), null).seal("whsec_old");
        WebhookSecrets rotated = new WebhookSecrets(key("k2", 2), List.of(key("k1", 1)), null);
        assertThat(rotated.open(sealedBefore)).isEqualTo("whsec_old");
        assertThat(rotated.current(sealedBefore)).isFalse();
        assertThat(rotated.seal("whsec_old")).startsWith("gcm1:k2:");
        assertThat(rotated.open("whsec_from_before_sealing")).isEqualTo("whsec_from_before_sealing");
    }

    @Test
    void aTamperedSecretOrAnUnknownKeyIsAnErrorNotAWrongSecret() {
        WebhookSecrets secrets = new WebhookSecrets(key("k1", 1), List.of(), null);
        String sealed = secrets.seal("whsec_x");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> secrets.open(tampered)).isInstanceOf(IllegalStateException.class);
        WebhookSecrets other = new WebhookSecrets(key("k9", 9), List.of(), null);
        assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("k1");
        assertThat(WebhookSecrets.problemWith("k1:c2hvcnQ=")).contains("32 bytes");
    }
}
