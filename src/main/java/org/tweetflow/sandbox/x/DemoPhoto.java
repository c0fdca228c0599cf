package org.tweetflow.sandbox.x;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * A generated picture of the search corpus: a motif (a gradient with a few shapes, the same for the same number)
 * drawn as it is or slightly changed. Posts that share a motif share a picture: the plain variant gives identical
 * bytes, the others near-duplicates that a perceptual hash still groups with it.
 */
record DemoPhoto(int motif, Variant variant) {

    static final int WIDTH = 480;
    static final int HEIGHT = 320;

    enum Variant {
        PLAIN, NOISY, CROPPED, BRIGHTER
    }

    /** The picture as a JPEG, the same bytes on every call and every start. */
    byte[] jpeg() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(), "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    BufferedImage image() {
        BufferedImage plain = motifImage();
        return switch (variant) {
            case PLAIN -> plain;
            case NOISY -> noisy(plain);
            case CROPPED -> cropped(plain);
            case BRIGHTER -> brighter(plain);
        };
    }

    private BufferedImage motifImage() {
        Random random = new Random(7919L * motif + 17);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Color top = color(random);
        Color bottom = color(random);
        // diagonal, so neighbouring areas differ both ways and a perceptual hash has something to compare
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.setRGB(x, y, blend(top, bottom, (double) (x + y) / (WIDTH + HEIGHT)).getRGB());
            }
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        int shapes = 4 + random.nextInt(5);
        for (int i = 0; i < shapes; i++) {
            g.setColor(color(random));
            int w = 40 + random.nextInt(WIDTH / 2);
            int h = 30 + random.nextInt(HEIGHT / 2);
            int x = random.nextInt(WIDTH - w / 2);
            int y = random.nextInt(HEIGHT - h / 2);
            if (random.nextBoolean()) {
                g.fillOval(x, y, w, h);
            } else {
                g.fillRect(x, y, w, h);
            }
        }
        g.dispose();
        return image;
    }

    /** Every channel moved by up to 10 either way: what recompression does to a re-shared picture. */
    private BufferedImage noisy(BufferedImage plain) {
        Random random = new Random(31L * motif + 1);
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                Color c = new Color(plain.getRGB(x, y));
                out.setRGB(x, y, new Color(clamp(c.getRed() + random.nextInt(21) - 10),
                        clamp(c.getGreen() + random.nextInt(21) - 10), clamp(c.getBlue() + random.nextInt(21) - 10))
                        .getRGB());
            }
        }
        return out;
    }

    /** Three percent cut off each edge and the rest scaled back up: a screenshot of the picture. */
    private static BufferedImage cropped(BufferedImage plain) {
        int dx = WIDTH * 3 / 100;
        int dy = HEIGHT * 3 / 100;
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(plain, 0, 0, WIDTH, HEIGHT, dx, dy, WIDTH - dx, HEIGHT - dy, null);
        g.dispose();
        return out;
    }

    private static BufferedImage brighter(BufferedImage plain) {
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                Color c = new Color(plain.getRGB(x, y));
                out.setRGB(x, y, new Color(clamp(c.getRed() + 14), clamp(c.getGreen() + 14), clamp(c.getBlue() + 14))
                        .getRGB());
            }
        }
        return out;
    }

    private static Color color(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
