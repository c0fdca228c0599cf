package org.tweetflow.collect;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * The perceptual hash of a picture (pHash): shrunk to 32×32 grey pixels by area averaging, its 8×8 lowest
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
        BufferedImage small = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        // area averaging: a bilinear shrink samples a few pixels, and recompression noise decides them
        g.drawImage(image.getScaledInstance(SIZE, SIZE, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        Raster grey = small.getRaster();
        double[] frequencies = new double[LOW * LOW];
        for (int u = 0; u < LOW; u++) {
            for (int v = 0; v < LOW; v++) {
                double sum = 0;
                for (int y = 0; y < SIZE; y++) {
                    double row = 0;
                    for (int x = 0; x < SIZE; x++) {
                        row += grey.getSample(x, y, 0) * COS[u][x];
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

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
