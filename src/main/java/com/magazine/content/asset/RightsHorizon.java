package com.magazine.content.asset;

import com.magazine.content.common.http.VisibilityHorizon;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Instant;
import java.util.Optional;

/** Anonymous readers' view changes by itself when an asset's rights expire: its image leaves every answer. */
@ApplicationScoped
class RightsHorizon implements VisibilityHorizon {

    private final AssetRepository assets;

    RightsHorizon(AssetRepository assets) {
        this.assets = assets;
    }

    @Override
    @ActivateRequestContext
    public Optional<Instant> nextAfter(Instant after) {
        return assets.nextRightsExpiry(after);
    }
}
