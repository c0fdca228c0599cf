package org.tweetflow.collect;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The perceptual hash of a picture (pHash): shrunk to 32×32 grey areas by averaging, its 8×8 lowest
 * frequencies of a discrete cosine transform, one bit per frequency (above their median or not). Re-encoded,
 * brightened or slightly cropped copies differ in a few bits, different pictures in about half of the 64. Chosen
 * over a difference hash, which gives smooth pictures (skies, gradients, flat screenshots) nearly the same bits.
 */
final class PHash {

    private static final int SIZE = 32;
    private static final int LOW = 8;
    /** cos((2x + 1) u π / 2N) for the low frequencies u and every pixel x: the transform's only trigonometry. */
    private static final double[][] COS = new double[LOW][SIZE];

    static {
        for (int u = 0; u < LOW; u++) {
            for (int x = 0; x < SIZE; x++) {
                COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * SIZE));
            }
        }
    }

    private PHash() {
    }

    static long of(BufferedImage image) {
        double[][] grey = grey(image);
        double[] frequencies = new double[LOW * LOW];
        for (int u = 0; u < LOW; u++) {
            for (int v = 0; v < LOW; v++) {
                double sum = 0;
                for (int y = 0; y < SIZE; y++) {
                    double row = 0;
                    for (int x = 0; x < SIZE; x++) {
                        row += grey[y][x] * COS[u][x];
                    }
                    sum += row * COS[v][y];
                }
                frequencies[u * LOW + v] = sum;
            }
        }
        // the mean brightness (u = v = 0) says nothing of the picture's shapes: left out of the median, its bit 0
        double[] shapes = Arrays.copyOfRange(frequencies, 1, frequencies.length);
        Arrays.sort(shapes);
        double median = shapes[shapes.length / 2];
        long hash = 0;
        for (int i = 0; i < frequencies.length; i++) {
            hash = (hash << 1) | (i > 0 && frequencies[i] > median ? 1 : 0);
        }
        return hash;
    }

    /**
     * The picture's luminance (299 R + 587 G + 114 B) averaged over 32×32 areas, every pixel counted (pixel (x, y)
     * in column ⌊32x / width⌋, row ⌊32y / height⌋). A shrink that samples a few pixels per area (Java2D's bilinear
     * drawImage) turns recompression noise into flipped bits.
     */
    private static double[][] grey(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        long[][] sums = new long[SIZE][SIZE];
        long[][] pixels = new long[SIZE][SIZE];
        int[] line = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, line, 0, width);
            int row = (int) ((long) SIZE * y / height);
            for (int x = 0; x < width; x++) {
                int column = (int) ((long) SIZE * x / width);
                int rgb = line[x];
                sums[row][column] += 299L * ((rgb >> 16) & 0xff) + 587L * ((rgb >> 8) & 0xff) + 114L * (rgb & 0xff);
                pixels[row][column]++;
            }
        }
        double[][] grey = new double[SIZE][SIZE];
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                grey[row][column] = pixels[row][column] == 0 ? 0 : sums[row][column] / (1000.0 * pixels[row][column]);
            }
        }
        return grey;
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
