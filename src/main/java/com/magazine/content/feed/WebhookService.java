package com.magazine.content.feed;

import com.magazine.content.access.Caller;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.paging.Cursors;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Webhooks: admins manage all of them, a partner key its own. */
@ApplicationScoped
public class WebhookService {

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final TargetGuard guard;
    private final WebhookSecrets secrets;
    private final Cursors cursors;
    private final Instance<Caller> caller;
    private final SecureRandom random = new SecureRandom();

    WebhookService(WebhookRepository webhooks, DeliveryRepository deliveries, TargetGuard guard, Cursors cursors,
            Instance<Caller> caller, WebhookSecrets secrets) {
        this.secrets = secrets;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.guard = guard;
        this.cursors = cursors;
        this.caller = caller;
    }

    @Transactional
    public CreatedWebhook create(WebhookInput input) {
        guard.refusal(input.url()).ifPresent(reason -> {
            throw Problems.unprocessable("url", reason);
        });
        String secret = input.secret();
        if (secret == null) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        Webhook webhook = new Webhook(input.url().strip(), secrets.seal(secret), List.copyOf(input.events()), caller.get().name());
        webhooks.persistAndFlush(webhook);
        return new CreatedWebhook(WebhookView.from(webhook), secret);
    }

    @Transactional
    public Page<WebhookView> list(PageRequest page) {
        UUID before = page.first() ? null : Cursors.uuid(cursors.decode("webhooks", page.cursor(), 1).get(0));
        return Page.of(webhooks.page(ownerFilter(), before, page.limit() + 1), page.limit(), WebhookView::from,
                webhook -> cursors.encode("webhooks", webhook.id().toString()));
    }

    @Transactional
    public WebhookView get(UUID id) {
        return WebhookView.from(find(id));
    }

    @Transactional
    public void delete(UUID id) {
        webhooks.delete(find(id));
        webhooks.flush();
    }

    @Transactional
    public Page<DeliveryView> deliveries(UUID webhookId, PageRequest page) {
        Webhook webhook = find(webhookId);
        String list = "deliveries:" + webhook.id();
        Instant beforeAt = null;
        UUID beforeId = null;
        if (!page.first()) {
            List<String> keys = cursors.decode(list, page.cursor(), 2);
            beforeAt = Cursors.instant(keys.get(0));
            beforeId = Cursors.uuid(keys.get(1));
        }
        return Page.of(deliveries.page(webhook.id(), beforeAt, beforeId, page.limit() + 1), page.limit(),
                DeliveryView::from,
                delivery -> cursors.encode(list, delivery.createdAt().toString(), delivery.id().toString()));
    }

    /**
     * A new random secret, sealed for storing, that nobody is told: what a webhook restored from an archive (which
     * never holds secrets) is given until its owner makes it anew.
     */
    public String newSealedSecret() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return secrets.seal(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** Admins see every webhook; anyone else only their own (a 404 for others', as if they did not exist). */
    private Webhook find(UUID id) {
        String owner = ownerFilter();
        return webhooks.findByIdOptional(id)
                .filter(webhook -> owner == null || webhook.owner().equals(owner))
                .orElseThrow(() -> Problems.notFound("webhook", id.toString()));
    }

    private String ownerFilter() {
        Caller who = caller.get();
        return who.has(com.magazine.content.access.Role.admin) ? null : who.name();
    }
}
