package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * Near-duplicates stay within {@link MediaFingerprints#NEAR} bits, different pictures do not: also smooth ones whose
 * brightness runs the same way, which a difference hash could not tell apart.
 */
class PHashTest {

    static final int WIDTH = 480;
    static final int HEIGHT = 320;

    @Test
    void aRecompressedBrightenedOrCroppedCopyStaysNear() throws IOException {
        for (int picture = 0; picture < 10; picture++) {
            BufferedImage original = picture(picture);
            long hash = PHash.of(original);

            assertThat(PHash.distance(hash, PHash.of(jpeg(noisy(original, picture))))).isLessThanOrEqualTo(MediaFingerprints.NEAR);
            assertThat(PHash.distance(hash, PHash.of(brighter(original)))).isLessThanOrEqualTo(MediaFingerprints.NEAR);
            assertThat(PHash.distance(hash, PHash.of(cropped(original)))).isLessThanOrEqualTo(MediaFingerprints.NEAR);
        }
    }

    @Test
    void smoothPicturesWhoseBrightnessRunsTheSameWayAreToldApart() {
        for (int a = 0; a < 10; a++) {
            for (int b = a + 1; b < 10; b++) {
                assertThat(PHash.distance(PHash.of(picture(a)), PHash.of(picture(b))))
                        .as("pictures %d and %d", a, b).isGreaterThan(MediaFingerprints.NEAR);
            }
        }
    }

    @Test
    void theSamePictureHasTheSameHash() {
        assertThat(PHash.of(picture(3))).isEqualTo(PHash.of(picture(3)));
    }

    /** A light-to-dark diagonal gradient, the same way for all, with a few flat shapes of their own. */
    private static BufferedImage picture(int seed) {
        Random random = new Random(1000 + seed);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int grey = 230 - 180 * (x + y) / (WIDTH + HEIGHT);
                image.setRGB(x, y, new Color(grey, grey, Math.min(255, grey + 20)).getRGB());
            }
        }
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 5; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            int w = 40 + random.nextInt(WIDTH / 2);
            int h = 30 + random.nextInt(HEIGHT / 2);
            g.fillOval(random.nextInt(WIDTH - w / 2), random.nextInt(HEIGHT - h / 2), w, h);
        }
        g.dispose();
        return image;
    }

    private static BufferedImage noisy(BufferedImage original, int seed) {
        Random random = new Random(seed);
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                Color c = new Color(original.getRGB(x, y));
                out.setRGB(x, y, new Color(clamp(c.getRed() + random.nextInt(21) - 10),
                        clamp(c.getGreen() + random.nextInt(21) - 10), clamp(c.getBlue() + random.nextInt(21) - 10))
                        .getRGB());
            }
        }
        return out;
    }

    private static BufferedImage brighter(BufferedImage original) {
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                Color c = new Color(original.getRGB(x, y));
                out.setRGB(x, y, new Color(clamp(c.getRed() + 14), clamp(c.getGreen() + 14), clamp(c.getBlue() + 14))
                        .getRGB());
            }
        }
        return out;
    }

    /** Three percent off each edge, scaled back up: a screenshot of the picture. */
    private static BufferedImage cropped(BufferedImage original) {
        int dx = WIDTH * 3 / 100;
        int dy = HEIGHT * 3 / 100;
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(original, 0, 0, WIDTH, HEIGHT, dx, dy, WIDTH - dx, HEIGHT - dy, null);
        g.dispose();
        return out;
    }

    private static BufferedImage jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
