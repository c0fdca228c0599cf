package org.tweetflow.collect;

import java.awt.image.BufferedImage;

/**
 * The difference hash of a picture: its luminance averaged over 9×8 areas, one bit per pair of neighbours in a row
 * (is the left one brighter). Near-duplicates (re-encoded, slightly cropped or brightened) differ in a few bits;
 * different pictures in about half of the 64.
 */
final class DHash {

    private static final int COLUMNS = 9;
    private static final int ROWS = 8;

    private DHash() {
    }

    /**
     * Each area is the mean of all its pixels (pixel (x, y) in column ⌊9x/width⌋, row ⌊8y/height⌋), luminance
     * 299 R + 587 G + 114 B, compared in whole numbers. A shrink that samples a few pixels per area (Java2D's
     * bilinear drawImage) turns noise into flipped bits: copies of a picture came out far apart, different
     * pictures near.
     */
    static long of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        long[][] sums = new long[ROWS][COLUMNS];
        long[][] pixels = new long[ROWS][COLUMNS];
        int[] line = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, line, 0, width);
            int row = (int) ((long) ROWS * y / height);
            for (int x = 0; x < width; x++) {
                int column = (int) ((long) COLUMNS * x / width);
                int rgb = line[x];
                sums[row][column] += 299L * ((rgb >> 16) & 0xff) + 587L * ((rgb >> 8) & 0xff) + 114L * (rgb & 0xff);
                pixels[row][column]++;
            }
        }
        long hash = 0;
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS - 1; column++) {
                // left mean > right mean, without dividing: areas differ by a pixel in size
                boolean brighter = sums[row][column] * pixels[row][column + 1]
                        > sums[row][column + 1] * pixels[row][column];
                hash = (hash << 1) | (brighter ? 1 : 0);
            }
        }
        return hash;
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
