package com.magazine.content.asset;

import com.magazine.content.common.http.SurrogateKey;
import java.util.Set;
import java.util.UUID;

/**
 * The surrogate keys of assets.
 *
 * <ul>
 * <li>{@code asset:<id>}: one asset as anything shows it: its renditions, its own read, and (once content embeds
 * images) every answer that shows it. Every change of the asset purges it.
 * <li>{@code assets}: which assets exist and in what order: the asset list. Every asset change purges it.
 * </ul>
 */
public final class AssetKeys {

    public static final SurrogateKey ASSETS = SurrogateKey.family("assets");
    static final String ASSET = "asset";

    private AssetKeys() {
    }

    public static SurrogateKey asset(UUID id) {
        return SurrogateKey.of(ASSET, id);
    }

    static Set<SurrogateKey> changed(UUID id) {
        return Set.of(asset(id), ASSETS);
    }
}
