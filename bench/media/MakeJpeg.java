import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/** java bench/media/MakeJpeg.java <width> <height> <file>: a photo-like JPEG (gradient, shapes, noise) to upload. */
public class MakeJpeg {
    public static void main(String[] args) throws Exception {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(24);
        g.setPaint(new GradientPaint(0, 0, new Color(0x2a4d69), width, height, new Color(0xe8d5b7)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 10 + random.nextInt(width / 8),
                    10 + random.nextInt(height / 8));
        }
        g.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) { // grain, as a camera's sensor gives
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int n = random.nextInt(17) - 8;
                int r = Math.max(0, Math.min(255, ((row[x] >> 16) & 0xff) + n));
                int gr = Math.max(0, Math.min(255, ((row[x] >> 8) & 0xff) + n));
                int b = Math.max(0, Math.min(255, (row[x] & 0xff) + n));
                row[x] = (r << 16) | (gr << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageIO.write(image, "jpeg", new File(args[2]));
    }
}
