package com.magazine.content.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.magazine.content.common.events.ChangeRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/**
 * The transactional outbox: for each public change, one delivery per webhook that wants it, written in the
 * transaction of the change. A change that rolls back sends nothing; one that commits is sent, even after a restart.
 */
@ApplicationScoped
class WebhookFanout {

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final ObjectMapper json;

    WebhookFanout(WebhookRepository webhooks, DeliveryRepository deliveries, ObjectMapper json) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.json = json;
    }

    void fanOut(@Observes ChangeRecorded recorded) {
        if (recorded.change().partnerOp() == null) {
            return; // webhooks tell partners what they may see (an embargoed article early, none not for syndication)
        }
        String event = recorded.change().event();
        for (Webhook webhook : webhooks.active()) {
            if (webhook.wants(event)) {
                UUID id = UUID.randomUUID();
                deliveries.persist(new Delivery(id, webhook.id(), recorded.seq(), event, payload(id, recorded)));
            }
        }
    }

    private String payload(UUID id, ChangeRecorded recorded) {
        WebhookPayload payload = new WebhookPayload(id, recorded.change().event(), recorded.change().type(),
                recorded.change().partnerOp().name(),
                new WebhookPayload.Entity(recorded.change().id(), recorded.change().slug(), recorded.change().version()),
                recorded.at(),
                recorded.change().purges().stream().map(com.magazine.content.common.http.SurrogateKey::value)
                        .sorted().toList());
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
