package com.magazine.content.feed;

import com.magazine.content.common.events.Change;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The names of webhook events and of what a webhook subscribes to, all from {@link Change.Event}: an event webhooks
 * carry ({@code article.published}), every such event of a type ({@code article.*}), or every event ({@code *}).
 */
final class Events {

    static final String ALL = "*";

    /** The events webhooks carry, in {@link Change.Event}'s order. */
    static final List<String> DELIVERED = Arrays.stream(Change.Event.values()).filter(Change.Event::webhook)
            .map(Change.Event::value).toList();

    /** The types of every event, in order: article, author, … */
    static final List<String> TYPES = Arrays.stream(Change.Event.values()).map(Change.Event::type).distinct()
            .toList();

    /** What happens to them, in {@link Change.Action}'s order: created, updated, published, … */
    static final List<String> ACTIONS = Arrays.stream(Change.Event.values()).map(Change.Event::action).distinct()
            .sorted().map(Change.Action::name).toList();

    /** What a webhook may subscribe to: every event, each type's events, or one event. */
    static final List<String> SUBSCRIPTIONS = subscriptions();

    private static final Set<String> VALID = Set.copyOf(SUBSCRIPTIONS);

    private Events() {
    }

    static boolean isSubscription(String name) {
        return VALID.contains(name);
    }

    private static List<String> subscriptions() {
        List<String> names = new ArrayList<>();
        names.add(ALL);
        Arrays.stream(Change.Event.values()).filter(Change.Event::webhook).map(Change.Event::type).distinct()
                .map(type -> type + ".*").forEach(names::add);
        names.addAll(DELIVERED);
        return List.copyOf(names);
    }
}
