package com.magazine.content.feed;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

    List<Webhook> active() {
        return list("active = true");
    }

    /** Newest first, of one owner or ({@code null}) of all. */
    List<Webhook> page(String owner, UUID before, int limit) {
        StringBuilder query = new StringBuilder("true = true");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        if (owner != null) {
            query.append(" and owner = :owner");
            parameters.put("owner", owner);
        }
        if (before != null) {
            query.append(" and id < :before");
            parameters.put("before", before);
        }
        return find(query + " order by id desc", parameters).page(0, limit).list();
    }
}
