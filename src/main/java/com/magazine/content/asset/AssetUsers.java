package com.magazine.content.asset;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What uses assets, told by the features that do (articles, authors): the asset feature does not know them. Asked for
 * assets' {@code usedIn}, before one is deleted, and before its alt text is removed.
 */
public interface AssetUsers {

    /** Everything of this feature that shows one of these assets, by asset; one query for them all. */
    Map<UUID, List<AssetUse>> usesOf(Collection<UUID> assetIds);
}
