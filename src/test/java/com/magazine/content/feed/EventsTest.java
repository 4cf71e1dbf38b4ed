package com.magazine.content.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.magazine.content.common.events.Change;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook subscriptions are exactly what Change.Event makes of them: each event webhooks carry, type.*, and *. */
class EventsTest {

    private final Subscription.Validator validator = new Subscription.Validator();

    @ParameterizedTest
    @EnumSource(Change.Event.class)
    void everyEventWebhooksCarryIsASubscription(Change.Event event) {
        assertThat(validator.isValid(event.value(), null)).as(event.value()).isEqualTo(event.webhook());
        assertThat(validator.isValid(event.type() + ".*", null)).as(event.type() + ".*").isTrue();
    }

    @Test
    void aSchedulingIsASubscriptionForEmbargoedArticles() {
        // partners hear of an article scheduled under embargo before the public instant
        assertThat(validator.isValid("article.scheduled", null)).isTrue();
    }

    @Test
    void everythingIsASubscription() {
        assertThat(validator.isValid("*", null)).isTrue();
        assertThat(validator.isValid(null, null)).as("null is @NotNull's to refuse").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"article.nope", "nope.*", "nope.published", "article.created",
            "article", "article.", ".*", "**", "*.*", "", " article.published", "article.published ",
            "Article.published", "article.PUBLISHED", "article.*.published", "comment.pending", "asset.posted"})
    void anythingElseIsRefused(String name) {
        assertThat(validator.isValid(name, null)).isFalse();
    }

    @Test
    void subscriptionsAreAllThenTypesThenEventsInOrder() {
        assertThat(Events.SUBSCRIPTIONS).startsWith("*", "article.*", "author.*")
                .containsSubsequence("asset.*", "article.published", "article.updated", "article.corrected")
                .endsWith(Events.DELIVERED.toArray(String[]::new))
                .doesNotHaveDuplicates();
        assertThat(Events.DELIVERED).noneMatch(name -> name.endsWith("*"));
    }

    @Test
    void eventsHaveUniqueNamesAndAreFoundByTypeAndAction() {
        assertThat(Arrays.stream(Change.Event.values()).map(Change.Event::value)).doesNotHaveDuplicates();
        for (Change.Event event : Change.Event.values()) {
            assertThat(Change.Event.of(event.type(), event.action().name())).contains(event);
        }
    }

    @Test
    void aChangeOfNoKnownEventIsRefused() {
        assertThatThrownBy(() -> new Change("article", UUID.randomUUID(), "a", null, Change.Op.upsert, "exploded", 1L,
                Set.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("article.exploded");
        assertThat(new Change(Change.Event.ARTICLE_CORRECTED, UUID.randomUUID(), "a", Change.Op.upsert,
                Change.Op.upsert, 2L, Set.of()).event()).isEqualTo("article.corrected");
    }
}
