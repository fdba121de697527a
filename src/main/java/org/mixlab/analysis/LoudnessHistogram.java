package org.mixlab.analysis;

import java.util.Arrays;

/**
 * Constant-memory store of gating-block loudness values (after libebur128's histogram mode): 10,000 bins of
 * 0.01 LU from -70 LUFS (the absolute gate) to +30 LUFS. Each bin keeps a block count and the exact sum of the
 * blocks' mean-square energies, so power means over whole bins are exact; only the decision at the relative
 * gate's own bin is quantised (to 0.01 LU). Blocks below -70 LUFS are dropped (absolute gate); blocks above
 * +30 LUFS land in the top bin with their exact energy.
 */
final class LoudnessHistogram {
    /** Absolute gate and lower edge of the first bin, LUFS. */
    static final double ABSOLUTE_GATE_LUFS = -70.0;
    /** Bin width in LU. */
    static final double BIN_LU = 0.01;
    /** Number of bins. */
    static final int BINS = 10_000;

    private final long[] counts = new long[BINS];
    private final double[] energies = new double[BINS];
    private long totalCount;
    private double totalEnergy;
    private int lowBin = BINS;
    private int highBin = -1;

    /** Loudness in LUFS of a weighted mean-square energy (BS.1770 eq. 2). */
    static double lufs(double energy) {
        return energy <= 0 ? Double.NEGATIVE_INFINITY : -0.691 + 10.0 * Math.log10(energy);
    }

    /** Weighted mean-square energy of a loudness in LUFS. */
    static double energy(double lufs) {
        return Math.pow(10.0, (lufs + 0.691) / 10.0);
    }

    /** Adds one block's energy; dropped when below the absolute gate. Never allocates. */
    void add(double energy) {
        double l = lufs(energy);
        if (!(l >= ABSOLUTE_GATE_LUFS)) {
            return;
        }
        int b = (int) ((l - ABSOLUTE_GATE_LUFS) / BIN_LU);
        if (b >= BINS) {
            b = BINS - 1;
        }
        counts[b]++;
        energies[b] += energy;
        totalCount++;
        totalEnergy += energy;
        if (b < lowBin) {
            lowBin = b;
        }
        if (b > highBin) {
            highBin = b;
        }
    }

    /** Number of blocks above the absolute gate. */
    long count() {
        return totalCount;
    }

    /** First bin whose blocks pass a relative gate {@code relativeLu} below the power mean; -1 if empty. */
    private int gateBin(double relativeLu) {
        if (totalCount == 0) {
            return -1;
        }
        double gateLufs = lufs(totalEnergy / totalCount) + relativeLu;
        double gateEnergy = energy(gateLufs);
        int g = (int) Math.floor((gateLufs - ABSOLUTE_GATE_LUFS) / BIN_LU);
        g = Math.max(g, lowBin);
        if (g > highBin) {
            return -1;
        }
        // the gate's own bin passes when the mean energy of its blocks is at or above the gate
        if (counts[g] > 0 && energies[g] / counts[g] < gateEnergy) {
            g++;
        }
        return g;
    }

    /** Gated power mean (BS.1770-4 integrated loudness with a relative gate of {@code relativeLu}), LUFS. */
    double gatedMeanLufs(double relativeLu) {
        int g = gateBin(relativeLu);
        if (g < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        long n = 0;
        double e = 0;
        for (int b = g; b <= highBin; b++) {
            n += counts[b];
            e += energies[b];
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : lufs(e / n);
    }

    /**
     * Loudness range per EBU Tech 3342: the 10th to 95th percentile spread of the blocks that pass a relative
     * gate of {@code relativeLu}; 0 when fewer than two blocks pass, -inf when nothing was measured.
     */
    double rangeLu(double relativeLu, double lowPercentile, double highPercentile) {
        int g = gateBin(relativeLu);
        if (g < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        long n = 0;
        for (int b = g; b <= highBin; b++) {
            n += counts[b];
        }
        if (n < 2) {
            return 0.0;
        }
        long lowIndex = Math.round((n - 1) * lowPercentile);
        long highIndex = Math.round((n - 1) * highPercentile);
        double low = Double.NaN, high = Double.NaN;
        long seen = 0;
        for (int b = g; b <= highBin; b++) {
            if (counts[b] == 0) {
                continue;
            }
            long next = seen + counts[b];
            double binLufs = lufs(energies[b] / counts[b]);
            if (Double.isNaN(low) && lowIndex < next) {
                low = binLufs;
            }
            if (highIndex < next) {
                high = binLufs;
                break;
            }
            seen = next;
        }
        return high - low;
    }

    /** Empties the histogram without allocating. */
    void clear() {
        Arrays.fill(counts, 0L);
        Arrays.fill(energies, 0.0);
        totalCount = 0;
        totalEnergy = 0;
        lowBin = BINS;
        highBin = -1;
    }
}
