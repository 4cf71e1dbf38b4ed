package com.magazine.content.author;

import com.magazine.content.asset.AssetUse;
import com.magazine.content.asset.AssetUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Which authors show an asset as their avatar, for the asset library. Avatars fall back to the name for alt text. */
@ApplicationScoped
class AuthorAssetUses implements AssetUsers {

    private final EntityManager entityManager;

    AuthorAssetUses(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @Transactional
    public Map<UUID, List<AssetUse>> usesOf(Collection<UUID> assetIds) {
        Map<UUID, List<AssetUse>> uses = new LinkedHashMap<>();
        if (assetIds.isEmpty()) {
            return uses;
        }
        List<?> rows = entityManager.createNativeQuery("""
                        select avatar_asset_id, id, slug, name from author where avatar_asset_id = any(?1)
                        order by sort_name, id""")
                .setParameter(1, assetIds.toArray(UUID[]::new))
                .getResultList();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            uses.computeIfAbsent((UUID) c[0], k -> new ArrayList<>())
                    .add(new AssetUse("author", (UUID) c[1], (String) c[2], (String) c[3], true, true));
        }
        return uses;
    }
}
