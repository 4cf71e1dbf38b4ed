package com.magazine.content.asset;

import com.magazine.content.common.text.Digests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The renditions an image offers: a fixed ladder of widths, never wider than the image, uncropped or in named
 * proportions centred on the focal point, as JPEG and (where smaller) WebP. Their URLs name the asset, a tag of its
 * bytes and focal point, the crop and the width: a URL always shows the same pixels, so it is cached for a year and
 * never purged; a new focal point makes new URLs. Anything off the ladder is refused (arbitrary sizes are a known
 * way to exhaust a server).
 */
final class Renditions {

    /** The widths offered, in pixels. */
    static final List<Integer> LADDER = List.of(320, 480, 640, 960, 1280, 1600, 1920, 2560);
    /** The width of the {@code src} that goes with a srcset, for clients that read no srcset. */
    static final int DEFAULT_WIDTH = 1280;
    /** Renditions are made from a master copy at most this wide, made once at upload. */
    static final int MASTER_WIDTH = 2560;
    static final String PREFIX = "/media/";

    /**
     * The proportions offered besides the image's own: three for responsive images, and the social card's (1200 x 630,
     * what Open Graph and X cards ask for), offered at that one width.
     */
    enum Crop {
        WIDE("16x9", 16, 9, 0), CLASSIC("4x3", 4, 3, 0), SQUARE("1x1", 1, 1, 0), SOCIAL("40x21", 40, 21, 1200);

        /** The crops a responsive image offers, with srcsets. */
        static final List<Crop> RESPONSIVE = List.of(WIDE, CLASSIC, SQUARE);

        final String name;
        final int ratioWidth;
        final int ratioHeight;
        /** The one width it is offered at (or the image's, when narrower); 0 for the whole ladder. */
        final int onlyWidth;

        Crop(String name, int ratioWidth, int ratioHeight, int onlyWidth) {
            this.name = name;
            this.ratioWidth = ratioWidth;
            this.ratioHeight = ratioHeight;
            this.onlyWidth = onlyWidth;
        }

        static Optional<Crop> named(String name) {
            for (Crop crop : values()) {
                if (crop.name.equals(name)) {
                    return Optional.of(crop);
                }
            }
            return Optional.empty();
        }

        static String names() {
            return java.util.Arrays.stream(values()).map(c -> c.name).collect(Collectors.joining(", "));
        }
    }

    /** The formats renditions are made in, by file extension. */
    enum Encoding {
        JPEG("jpg", "image/jpeg"), WEBP("webp", "image/webp");

        final String extension;
        final String mediaType;

        Encoding(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        static Optional<Encoding> ofExtension(String extension) {
            for (Encoding encoding : values()) {
                if (encoding.extension.equals(extension)) {
                    return Optional.of(encoding);
                }
            }
            return Optional.empty();
        }
    }

    /** The geometry of one asset's renditions: its master's size, its focal point, and what it is tagged with. */
    record Source(UUID id, String tag, int width, int height, double focalX, double focalY, boolean webp) {

        static Source of(UUID id, String sha256, int width, int height, double focalX, double focalY,
                boolean webp) {
            int masterWidth = Math.min(width, MASTER_WIDTH);
            int masterHeight = Math.max(1, (int) Math.round((double) height * masterWidth / width));
            return new Source(id, Renditions.tag(sha256, focalX, focalY), masterWidth, masterHeight, focalX, focalY,
                    webp);
        }

        /** The size of the crop (or of the whole master when {@code crop} is null). */
        int[] size(Crop crop) {
            if (crop == null) {
                return new int[] {width, height};
            }
            int cropWidth = width;
            int cropHeight = (int) Math.round((double) width * crop.ratioHeight / crop.ratioWidth);
            if (cropHeight > height) {
                cropHeight = height;
                cropWidth = (int) Math.round((double) height * crop.ratioWidth / crop.ratioHeight);
            }
            return new int[] {Math.max(1, cropWidth), Math.max(1, cropHeight)};
        }

        /** The widths of the ladder this crop offers: those it is at least as wide as, or its own if narrower. */
        List<Integer> widths(Crop crop) {
            return widths(crop, Integer.MAX_VALUE);
        }

        /** The widths offered up to {@code most} (at least the narrowest, whatever {@code most} is). */
        List<Integer> widths(Crop crop, int most) {
            int available = size(crop)[0];
            if (crop != null && crop.onlyWidth > 0) {
                return List.of(Math.min(crop.onlyWidth, available));
            }
            List<Integer> widths = new ArrayList<>();
            for (int width : LADDER) {
                if (width <= available && (width <= most || widths.isEmpty())) {
                    widths.add(width);
                }
            }
            if (widths.isEmpty()) {
                widths.add(available);
            }
            return widths;
        }

        /** The width the src of a crop has: the default, or the widest offered below it. */
        int defaultWidth(Crop crop) {
            return defaultWidth(crop, DEFAULT_WIDTH);
        }

        /** The widest offered up to {@code most}, or the narrowest offered. */
        int defaultWidth(Crop crop, int most) {
            List<Integer> widths = widths(crop, most);
            return widths.get(widths.size() - 1);
        }

        /** The narrowest offered at least {@code least} wide, or the widest offered. */
        int atLeast(Crop crop, int least) {
            List<Integer> widths = widths(crop);
            return widths.stream().filter(width -> width >= least).findFirst()
                    .orElse(widths.get(widths.size() - 1));
        }

        /** The height of a rendition of this crop at {@code width}. */
        int heightAt(Crop crop, int width) {
            int[] size = size(crop);
            return Math.max(1, (int) Math.round((double) size[1] * width / size[0]));
        }

        String path(Crop crop, int width, Encoding encoding) {
            return PREFIX + id + "/" + tag + "/" + (crop == null ? "" : crop.name + "/") + width + "."
                    + encoding.extension;
        }

        String srcset(Crop crop, Encoding encoding) {
            return srcset(crop, encoding, Integer.MAX_VALUE);
        }

        String srcset(Crop crop, Encoding encoding, int most) {
            return widths(crop, most).stream().map(width -> path(crop, width, encoding) + " " + width + "w")
                    .collect(Collectors.joining(", "));
        }

        /** Where the rendition is kept in the media store. */
        String storageKey(Crop crop, int width, Encoding encoding) {
            return "renditions/" + id + "/" + tag + "/" + (crop == null ? "full" : crop.name) + "/" + width + "."
                    + encoding.extension;
        }
    }

    private Renditions() {
    }

    /** A short tag of the bytes and the focal point: what the pixels of every rendition depend on. */
    static String tag(String sha256, double focalX, double focalY) {
        byte[] digest = Digests.sha256((sha256 + ":" + focalX + ":" + focalY).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 6);
    }

    static String masterKey(String sha256) {
        return "masters/" + sha256 + ".jpg";
    }

    static String originalKey(String sha256) {
        return "originals/" + sha256;
    }
}
