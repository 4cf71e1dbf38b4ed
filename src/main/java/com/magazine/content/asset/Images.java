package com.magazine.content.asset;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.sksamuel.scrimage.ImmutableImage;
import com.sksamuel.scrimage.webp.WebpWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * What assets do with image bytes, through libraries (ImageIO with TwelveMonkeys' readers, metadata-extractor,
 * Thumbnailator, scrimage's bundled libwebp): sniff the format from the bytes, measure an image without decoding it,
 * decode it upright (EXIF orientation applied) and no larger than needed, resize, crop, and encode JPEG and WebP.
 * Every encoded image is written without metadata: nothing served carries the original's EXIF (GPS, camera serial).
 */
final class Images {

    /** The formats an upload may be, sniffed from their first bytes (the client's Content-Type is not trusted). */
    enum Format {
        JPEG("image/jpeg"), PNG("image/png"), GIF("image/gif"), WEBP("image/webp");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /** What an image is, read from its header: format, size as stored, and the EXIF orientation (1: upright). */
    record Probe(Format format, int storedWidth, int storedHeight, int orientation) {

        /** Orientations 5 to 8 turn the image a quarter: width and height trade places. */
        boolean turned() {
            return orientation >= 5 && orientation <= 8;
        }

        int width() {
            return turned() ? storedHeight : storedWidth;
        }

        int height() {
            return turned() ? storedWidth : storedHeight;
        }
    }

    /** An image that cannot be taken: why, for the problem answer. */
    static final class Refused extends Exception {
        final int status;
        final String type;

        Refused(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    private Images() {
    }

    static Optional<Format> sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of(Format.JPEG);
        }
        if (startsWith(bytes, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of(Format.PNG);
        }
        if (startsWith(bytes, 0, "GIF87a".getBytes()) || startsWith(bytes, 0, "GIF89a".getBytes())) {
            return Optional.of(Format.GIF);
        }
        if (startsWith(bytes, 0, "RIFF".getBytes()) && startsWith(bytes, 8, "WEBP".getBytes())) {
            return Optional.of(Format.WEBP);
        }
        return Optional.empty();
    }

    /**
     * The format, size and orientation, read from the header alone: a decompression bomb is refused before it is
     * decoded.
     */
    static Probe probe(byte[] bytes, long maxPixels) throws Refused {
        Format format = sniff(bytes).orElseThrow(() -> new Refused(415, "unsupported-media-type",
                "The body is not a JPEG, PNG, GIF or WebP image (judged from its bytes, not its Content-Type)."));
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(in, format);
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused(422, "invalid-image", "The " + format.name() + " image cannot be read: "
                    + reason(e));
        }
        if (width <= 0 || height <= 0) {
            throw new Refused(422, "invalid-image", "The image has no pixels.");
        }
        if ((long) width * height > maxPixels) {
            throw new Refused(422, "image-too-large", "The image is " + width + " x " + height + " pixels ("
                    + ((long) width * height / 1_000_000) + " MP); at most " + (maxPixels / 1_000_000)
                    + " MP are taken.");
        }
        return new Probe(format, width, height, format == Format.JPEG || format == Format.WEBP
                ? orientation(bytes) : 1);
    }

    /**
     * The image upright, in RGB over white (transparency flattened, CMYK converted), at least {@code minWidth} wide
     * where the original allows: large originals are decoded subsampled (every n-th pixel of every n-th row), so
     * that memory follows what is made, not what was uploaded.
     */
    static BufferedImage decode(byte[] bytes, Probe probe, int minWidth) throws Refused {
        BufferedImage decoded;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(in, probe.format());
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int factor = Math.max(1, probe.width() / Math.max(1, minWidth));
                if (factor > 1) {
                    param.setSourceSubsampling(factor, factor, 0, 0);
                }
                decoded = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused(422, "invalid-image", "The " + probe.format().name() + " image cannot be decoded: "
                    + reason(e));
        }
        BufferedImage rgb = rgb(decoded);
        return probe.orientation() == 1 ? rgb
                : ExifFilterUtils.getFilterForOrientation(Orientation.typeOf(probe.orientation())).apply(rgb);
    }

    /** The image scaled to {@code width} (never up), with Thumbnailator's progressive bilinear resampling. */
    static BufferedImage resize(BufferedImage image, int width) {
        if (image.getWidth() <= width) {
            return image;
        }
        try {
            return Thumbnails.of(image).width(width).imageType(BufferedImage.TYPE_INT_RGB).asBufferedImage();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The largest part of the image of the given proportions, centred on the focal point as far as the edges allow. */
    static BufferedImage crop(BufferedImage image, int ratioWidth, int ratioHeight, double focalX, double focalY) {
        int width = image.getWidth();
        int height = image.getHeight();
        int cropWidth = width;
        int cropHeight = (int) Math.round((double) width * ratioHeight / ratioWidth);
        if (cropHeight > height) {
            cropHeight = height;
            cropWidth = (int) Math.round((double) height * ratioWidth / ratioHeight);
        }
        int x = clamp((int) Math.round(focalX * width - cropWidth / 2.0), 0, width - cropWidth);
        int y = clamp((int) Math.round(focalY * height - cropHeight / 2.0), 0, height - cropHeight);
        return image.getSubimage(x, y, cropWidth, cropHeight);
    }

    /** A baseline JPEG without metadata. */
    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(rgb(image), null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A lossy WebP without metadata, by the libwebp encoder that scrimage bundles. */
    static byte[] webp(BufferedImage image, int quality) throws IOException {
        return ImmutableImage.fromAwt(rgb(image)).bytes(WebpWriter.DEFAULT.withQ(quality).withoutAlpha());
    }

    /** A tiny blurred stand-in (about 20 pixels wide) as a data URI, to show while the image loads. */
    static String placeholder(BufferedImage image) {
        BufferedImage tiny = resize(image, 20);
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg(tiny, 0.5f));
    }

    /** The average colour, as #rrggbb: a background while the image loads. */
    static String dominantColour(BufferedImage image) {
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = one.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(resize(image, 8), 0, 0, 1, 1, null);
        g.dispose();
        return String.format("#%06x", one.getRGB(0, 0) & 0xffffff);
    }

    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static ImageReader readerFor(ImageInputStream in, Format format) throws IOException {
        if (in == null) {
            throw new IOException("no input");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IOException("no reader for " + format.name());
        }
        return readers.next();
    }

    /** The EXIF orientation (1 to 8), or 1 when there is none or it cannot be read. */
    private static int orientation(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (Exception e) {
            // unreadable metadata: the image is taken as stored
        }
        return 1;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
