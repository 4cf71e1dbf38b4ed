package com.magazine.content.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.LaunchMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The prod profile's refusal to start without the shared secrets; dev mode and tests need none. */
class ProductionSecretsTest {

    private static final Optional<String> KEY = Optional.of("k1:" + "A".repeat(43) + "=");
    private static final Optional<String> NONE = Optional.empty();

    @Test
    void prodWithoutTheCursorSecretOrTheWebhookKeyIsRefused() {
        List<String> problems = ProductionSecrets.problems(LaunchMode.NORMAL, NONE, NONE);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("CONTENT_PAGING_CURSOR_SECRET is not set");
        assertThat(problems.get(1)).contains("CONTENT_WEBHOOKS_SECRET_KEY is not set");
        assertThat(ProductionSecrets.problems(LaunchMode.NORMAL, NONE, KEY)).singleElement().asString()
                .contains("CONTENT_PAGING_CURSOR_SECRET");
    }

    @Test
    void prodWithWeakOrMalformedSecretsIsRefused() {
        List<String> problems = ProductionSecrets.problems(LaunchMode.NORMAL, Optional.of("change-me"),
                Optional.of("k1:c2hvcnQ="));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("shorter than 32");
        assertThat(problems.get(1)).contains("32 bytes");
    }

    @Test
    void prodWithBothStartsAndDevModeAndTestsNeedNeither() {
        assertThat(ProductionSecrets.problems(LaunchMode.NORMAL, Optional.of("x".repeat(64)), KEY)).isEmpty();
        assertThat(ProductionSecrets.problems(LaunchMode.DEVELOPMENT, NONE, NONE)).isEmpty();
        assertThat(ProductionSecrets.problems(LaunchMode.TEST, NONE, NONE)).isEmpty();
    }
}
