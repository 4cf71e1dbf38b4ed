package com.magazine.content.asset;

import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.error.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Makes renditions on first request: one at a time per rendition, however many requests ask for it at once (they
 * all wait for the one being made), and at most {@code content.assets.parallel-encodes} images decoded at once in
 * the whole instance, so that memory stays within its budget under any load. What is made is kept in the media
 * store; later requests read it from there.
 */
@ApplicationScoped
class RenditionMaker {

    private static final Logger LOG = Logger.getLogger(RenditionMaker.class);
    private static final float JPEG_QUALITY = 0.82f;
    private static final int WEBP_QUALITY = 78;

    private final MediaStore store;
    private final Semaphore encoders;
    private final Map<String, CompletableFuture<byte[]>> making = new ConcurrentHashMap<>();
    private volatile boolean webpWorks;

    RenditionMaker(MediaStore store, ContentConfig config) {
        this.store = store;
        this.encoders = new Semaphore(Math.max(1, config.assets().parallelEncodes()), true);
        this.webpWorks = config.assets().webp();
    }

    /** The rendition's bytes: from the store, or made now (once, whoever else asks meanwhile). */
    byte[] rendition(Renditions.Source source, String sha256, Renditions.Crop crop, int width,
            Renditions.Encoding encoding) {
        String key = source.storageKey(crop, width, encoding);
        return store.read(key).orElseGet(() -> once(key, () -> {
            byte[] made = make(sha256, source, crop, width, encoding);
            store.put(key, made, encoding.mediaType);
            return made;
        }));
    }

    /** Runs {@code work} under the encoder limit: decoding and encoding of uploads are bounded too. */
    <T> T encoding(Supplier<T> work) {
        try {
            encoders.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaStoreUnavailable("interrupted while waiting to encode", e);
        }
        try {
            return work.get();
        } catch (OutOfMemoryError e) {
            // a raster that did not fit: nothing was allocated, the request is refused and the service carries on
            throw new EncoderBusy(e);
        } finally {
            encoders.release();
        }
    }

    /** WebP, unless the bundled encoder cannot run on this machine (then JPEG only, said once in the log). */
    byte[] webpOrNull(BufferedImage image) {
        if (!webpWorks) {
            return null;
        }
        try {
            return Images.webp(image, WEBP_QUALITY);
        } catch (IOException | RuntimeException | LinkageError e) {
            webpWorks = false;
            LOG.warnf("WebP renditions are off: the bundled libwebp encoder failed on this machine (%s)",
                    e.toString());
            return null;
        }
    }

    static byte[] jpeg(BufferedImage image) {
        return Images.jpeg(image, JPEG_QUALITY);
    }

    private byte[] once(String key, Supplier<byte[]> work) {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = making.putIfAbsent(key, mine);
        if (running == null) {
            try {
                mine.complete(encoding(work));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                making.remove(key, mine);
            }
            running = mine;
        }
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaStoreUnavailable("interrupted while a rendition was made", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private byte[] make(String sha256, Renditions.Source source, Renditions.Crop crop, int width,
            Renditions.Encoding encoding) {
        byte[] master = store.read(Renditions.masterKey(sha256)).orElseThrow(() -> Problems.gone("asset-missing",
                "The image of this asset is missing from the media store."));
        BufferedImage image;
        try {
            // decoded at twice the width made (or whole), so that resampling has pixels to average
            image = Images.decode(master, Images.probe(master, Long.MAX_VALUE), 2 * width);
        } catch (Images.Refused e) {
            throw new IllegalStateException("the master copy of " + source.id() + " cannot be read: " + e.getMessage());
        }
        if (crop != null) {
            image = Images.crop(image, crop.ratioWidth, crop.ratioHeight, source.focalX(), source.focalY());
        }
        BufferedImage sized = Images.resize(image, width);
        if (encoding == Renditions.Encoding.WEBP) {
            byte[] webp = webpOrNull(sized);
            if (webp != null) {
                return webp;
            }
        }
        return jpeg(sized);
    }
}
