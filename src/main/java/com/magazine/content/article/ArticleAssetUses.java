package com.magazine.content.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.magazine.content.asset.AssetUse;
import com.magazine.content.asset.AssetUsers;
import com.magazine.content.asset.ImageUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Which articles show an asset (lead image or image block), for the asset library. */
@ApplicationScoped
class ArticleAssetUses implements AssetUsers {

    private static final TypeReference<List<Block>> BODY = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;

    ArticleAssetUses(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    @Override
    @Transactional
    public Map<UUID, List<AssetUse>> usesOf(Collection<UUID> assetIds) {
        Map<UUID, List<AssetUse>> uses = new LinkedHashMap<>();
        if (assetIds.isEmpty()) {
            return uses;
        }
        List<?> rows = entityManager.createNativeQuery("""
                        select distinct x.asset_id, a.id, a.slug, a.title, a.status, cast(a.image as text),
                               cast(a.body as text), a.updated_at
                        from article_asset x join article a on a.id = x.article_id
                        where x.asset_id = any(?1)
                        order by a.updated_at desc""")
                .setParameter(1, assetIds.toArray(UUID[]::new))
                .getResultList();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            UUID assetId = (UUID) c[0];
            boolean published = "published".equals(c[4]);
            uses.computeIfAbsent(assetId, k -> new ArrayList<>()).add(new AssetUse("article", (UUID) c[1],
                    (String) c[2], (String) c[3], published, altGiven(assetId, (String) c[5], (String) c[6])));
        }
        return uses;
    }

    /** Whether every use of the asset in this article gives an alt text of its own. */
    private boolean altGiven(UUID assetId, String image, String body) {
        try {
            ImageUse lead = image == null ? null : json.readValue(image, ImageUse.class);
            if (lead != null && assetId.equals(lead.assetId()) && lead.alt() == null) {
                return false;
            }
            for (Block block : json.readValue(body, BODY)) {
                if (block instanceof Block.Image use && assetId.equals(use.assetId()) && use.alt() == null) {
                    return false;
                }
            }
            return true;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An article's stored image or body is not JSON", e);
        }
    }
}
