package com.magazine.content.asset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An asset as other features embed it: the responsive image a use shows (with the use's own alt text and caption),
 * the files feeds and structured data link to, and whether its rights allow showing it at a given instant. Paths are
 * on this API (prefix them with its public URL where an absolute one is needed).
 */
public final class EmbeddedAsset {

    /** How large a use shows the image: a page (up to 2560 px) or a list item or byline (up to 640 px). */
    public enum Size {
        PAGE(Integer.MAX_VALUE, Renditions.DEFAULT_WIDTH), SMALL(640, 640);

        final int most;
        final int src;

        Size(int most, int src) {
            this.most = most;
            this.src = src;
        }
    }

    /** One file of a rendition. */
    public record ImageFile(String path, int width, int height, String mediaType) {
    }

    private final Renditions.Source source;
    private final long version;
    private final String alt;
    private final String caption;
    private final String credit;
    private final String placeholder;
    private final String dominantColor;
    private final Instant rightsExpireAt;
    private final Instant updatedAt;

    private EmbeddedAsset(Renditions.Source source, long version, String alt, String caption, String credit,
            String placeholder, String dominantColor, Instant rightsExpireAt, Instant updatedAt) {
        this.updatedAt = updatedAt;
        this.source = source;
        this.version = version;
        this.alt = alt;
        this.caption = caption;
        this.credit = credit;
        this.placeholder = placeholder;
        this.dominantColor = dominantColor;
        this.rightsExpireAt = rightsExpireAt;
    }

    static EmbeddedAsset of(Asset asset) {
        return new EmbeddedAsset(AssetService.source(asset), asset.version(), asset.alt(), asset.caption(),
                asset.credit(), asset.placeholder(), asset.dominantColor(), asset.rightsExpireAt(),
                asset.updatedAt());
    }

    public UUID id() {
        return source.id();
    }

    /** The asset's own alt text (null when it has none). */
    public String alt() {
        return alt;
    }

    /** Whether it may be shown at {@code now}: its rights have not expired. */
    public boolean shownAt(Instant now) {
        return rightsExpireAt == null || now.isBefore(rightsExpireAt);
    }

    /** Until when what {@link #shownAt} answers stays as it is at {@code now}: its rights' expiry, or null (for good). */
    public Instant shownUntil(Instant now) {
        return shownAt(now) ? rightsExpireAt : null;
    }

    /** What an answer embedding it depends on, for its ETag: the asset's version and whether it is shown. */
    public String validator(Instant now) {
        return source.id() + ":" + version + ":" + shownAt(now);
    }

    /** When what an answer shows of it last changed at {@code now}: an edit, or its rights expiring. */
    public Instant changedAt(Instant now) {
        return shownAt(now) ? updatedAt : java.util.Collections.max(List.of(updatedAt, rightsExpireAt));
    }

    /** The image as {@code use} shows it (the asset's own texts where the use gives none). */
    public ResponsiveImage image(ImageUse use, Size size) {
        Map<String, ResponsiveImage.Crop> crops = new LinkedHashMap<>();
        for (Renditions.Crop crop : Renditions.Crop.RESPONSIVE) {
            int width = source.defaultWidth(crop, size.src);
            crops.put(crop.name, new ResponsiveImage.Crop(source.path(crop, width, Renditions.Encoding.JPEG), width,
                    source.heightAt(crop, width), source.srcset(crop, Renditions.Encoding.JPEG, size.most),
                    source.webp() ? source.srcset(crop, Renditions.Encoding.WEBP, size.most) : null));
        }
        int width = source.defaultWidth(null, size.src);
        String useAlt = use != null && use.alt() != null ? use.alt() : alt;
        String useCaption = use != null && use.caption() != null ? use.caption() : caption;
        return new ResponsiveImage(source.id(), source.path(null, width, Renditions.Encoding.JPEG), width,
                source.heightAt(null, width), source.srcset(null, Renditions.Encoding.JPEG, size.most),
                source.webp() ? source.srcset(null, Renditions.Encoding.WEBP, size.most) : null, useAlt, useCaption,
                credit, placeholder, dominantColor, new FocalPoint(source.focalX(), source.focalY()), crops);
    }

    /** The whole image at the default width, as a JPEG: what a feed's enclosure links to. */
    public ImageFile enclosure() {
        int width = source.defaultWidth(null);
        return new ImageFile(source.path(null, width, Renditions.Encoding.JPEG), width, source.heightAt(null, width),
                "image/jpeg");
    }

    /** Each crop (16x9, 4x3, 1x1) at least {@code least} wide where the image allows, else as wide as it allows. */
    public List<ImageFile> crops(int least) {
        List<ImageFile> files = new ArrayList<>();
        for (Renditions.Crop crop : Renditions.Crop.RESPONSIVE) {
            int width = source.atLeast(crop, least);
            files.add(new ImageFile(source.path(crop, width, Renditions.Encoding.JPEG), width,
                    source.heightAt(crop, width), "image/jpeg"));
        }
        return files;
    }

    /** The social card's crop (1200 x 630, or smaller when the image is): for Open Graph and X cards. */
    public ImageFile social() {
        int width = source.widths(Renditions.Crop.SOCIAL).get(0);
        return new ImageFile(source.path(Renditions.Crop.SOCIAL, width, Renditions.Encoding.JPEG), width,
                source.heightAt(Renditions.Crop.SOCIAL, width), "image/jpeg");
    }

    /** The square crop at the widest offered up to {@code most}: a portrait. */
    public ImageFile square(int most) {
        int width = source.defaultWidth(Renditions.Crop.SQUARE, most);
        return new ImageFile(source.path(Renditions.Crop.SQUARE, width, Renditions.Encoding.JPEG), width,
                source.heightAt(Renditions.Crop.SQUARE, width), "image/jpeg");
    }
}
