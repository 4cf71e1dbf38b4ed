package com.magazine.content.asset;

import com.magazine.content.common.http.KeptInMemory;
import jakarta.enterprise.context.ApplicationScoped;

/** Assets as content embeds them (lead images, body images, avatars), kept in memory by id. */
@ApplicationScoped
class AssetsInMemory extends KeptInMemory<EmbeddedAsset> {

    AssetsInMemory() {
        super("assets", 20_000);
    }
}
