package com.magazine.content.asset;

import com.magazine.content.common.ContentConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The media store the configuration names ({@code content.assets.storage}: local or s3), checked at start-up: a
 * store that cannot be used stops the start with a message that says why, rather than failing uploads later.
 */
@ApplicationScoped
class MediaStores {

    private static final Logger LOG = Logger.getLogger(MediaStores.class);

    @Produces
    @ApplicationScoped
    @Startup
    MediaStore store(ContentConfig config) {
        ContentConfig.Assets assets = config.assets();
        MediaStore store = switch (assets.storage()) {
            case "local" -> new LocalMediaStore(Path.of(assets.localDir()));
            case "s3" -> new S3MediaStore(assets.s3());
            default -> throw new IllegalStateException("content.assets.storage must be local or s3, not '"
                    + assets.storage() + "'");
        };
        try {
            store.check();
        } catch (MediaStoreUnavailable e) {
            throw new IllegalStateException("The media store cannot be used: " + e.getMessage(), e);
        }
        LOG.infof("Assets are kept in the %s", store.describe());
        return store;
    }
}
