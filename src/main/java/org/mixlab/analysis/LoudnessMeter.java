package org.mixlab.analysis;

import org.mixlab.dsp.AudioBlock;

/**
 * Loudness meter after ITU-R BS.1770-4 and EBU R 128 (Tech 3341 "EBU mode", Tech 3342 loudness range).
 *
 * <p>Every channel is K-weighted ({@link KWeightingFilter}), squared, weighted (L, R, C 1.0; surrounds 1.41;
 * LFE excluded) and summed into 5 ms sub-blocks (sub-block k ends at frame round((k + 1) fs / 200), so 20 of
 * them make exactly 100 ms at any integer rate). A ring holds the last 3 s of sub-block energies and counts.
 * <ul>
 *   <li>momentary loudness M: mean over the last 400 ms (80 sub-blocks), updated every 5 ms;</li>
 *   <li>short-term loudness S: mean over the last 3 s (600 sub-blocks), updated every 5 ms;</li>
 *   <li>their maxima, tracked at the same 5 ms rate, so a 400 ms burst is caught within 2.5 ms of its best
 *       alignment (at most 0.03 LU low; a 100 ms update can miss it by 50 ms, about 0.6 LU);</li>
 *   <li>integrated loudness I: every 100 ms a 400 ms gating block (75 % overlap) goes into a histogram; I is the
 *       power mean of gating blocks above -70 LUFS and above (their mean - 10 LU);</li>
 *   <li>loudness range LRA: every 100 ms the 3 s short-term value goes into a second histogram; LRA is the 95th
 *       minus 10th percentile of those above -70 LUFS and above (their power mean - 20 LU) (Tech 3342).</li>
 * </ul>
 * Values are -inf ({@link Double#NEGATIVE_INFINITY}) until defined: M needs 400 ms of input, S needs 3 s,
 * I needs one gating block above -70 LUFS. Memory is constant: the integrated and LRA measurements use two
 * fixed-size histograms with 0.01 LU bins, however long the programme runs.
 *
 * <p>Threading: call {@link #add} from one thread only (the audio thread or an offline loop); it never
 * allocates. All result getters are snapshot reads of volatile fields (M, S and maxima updated every 5 ms,
 * I and LRA every 100 ms) and are safe to call from any thread at any time.
 */
public final class LoudnessMeter {
    /** Relative gate for integrated loudness, LU (BS.1770-4). */
    public static final double INTEGRATED_RELATIVE_GATE_LU = -10.0;
    /** Relative gate for loudness range, LU (Tech 3342). */
    public static final double RANGE_RELATIVE_GATE_LU = -20.0;
    /** Weight of surround channels (Ls, Rs) in BS.1770-4: 1.41, about +1.5 dB. */
    public static final double SURROUND_WEIGHT = 1.41;
    /** Sub-blocks per second: momentary and short-term values update every 1/200 s = 5 ms. */
    public static final int UPDATES_PER_SECOND = 200;

    private static final int SUBS_PER_HOP = UPDATES_PER_SECOND / 10;      // 100 ms
    private static final int MOMENTARY_SUBS = 4 * SUBS_PER_HOP;           // 400 ms
    private static final int SHORT_TERM_SUBS = 30 * SUBS_PER_HOP;         // 3 s
    private static final int EXACT_SUM_EVERY = SUBS_PER_HOP;

    private final int channels;
    private final double sampleRate;
    private final double[] weights;
    private final KWeightingFilter[] filters;
    private final double[] subEnergy = new double[SHORT_TERM_SUBS];
    private final int[] subFrames = new int[SHORT_TERM_SUBS];
    private final LoudnessHistogram gatingBlocks = new LoudnessHistogram();
    private final LoudnessHistogram shortTermBlocks = new LoudnessHistogram();

    private double subAccumulator;
    private int subFill;
    private int subLength;
    private int ringIndex;
    private long subsDone;
    private long framesDone;
    private double momentarySum;
    private long momentaryFrames;
    private double shortTermSum;
    private long shortTermFrames;

    private volatile double momentary = Double.NEGATIVE_INFINITY;
    private volatile double shortTerm = Double.NEGATIVE_INFINITY;
    private volatile double integrated = Double.NEGATIVE_INFINITY;
    private volatile double range = Double.NEGATIVE_INFINITY;
    private volatile double maxMomentary = Double.NEGATIVE_INFINITY;
    private volatile double maxShortTerm = Double.NEGATIVE_INFINITY;

    /**
     * A meter for {@code channels} channels (1 to 8) at {@code sampleRate} Hz (8,000 to 384,000). Default weights:
     * 1.0 for every channel, except 5 channels (L R C Ls Rs: surrounds 1.41) and 6 channels (L R C LFE Ls Rs:
     * LFE 0, surrounds 1.41). Allocates everything it will ever need.
     */
    public LoudnessMeter(int channels, double sampleRate) {
        if (channels < 1 || channels > 8) {
            throw new IllegalArgumentException("loudness meter channel count must be 1 to 8, was " + channels);
        }
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.filters = new KWeightingFilter[channels];
        for (int c = 0; c < channels; c++) {
            filters[c] = new KWeightingFilter(sampleRate);
        }
        this.weights = defaultWeights(channels);
        this.subLength = subBlockLength(0);
    }

    /** The BS.1770-4 default channel weights for {@code channels} channels (see the constructor). */
    public static double[] defaultWeights(int channels) {
        double[] w = new double[channels];
        java.util.Arrays.fill(w, 1.0);
        if (channels == 5) {
            w[3] = SURROUND_WEIGHT;
            w[4] = SURROUND_WEIGHT;
        } else if (channels == 6) {
            w[3] = 0.0;
            w[4] = SURROUND_WEIGHT;
            w[5] = SURROUND_WEIGHT;
        }
        return w;
    }

    /** Sets channel {@code channel}'s weight (0 excludes it; default per {@link #defaultWeights}); not while adding. */
    public void setChannelWeight(int channel, double weight) {
        if (channel < 0 || channel >= channels) {
            throw new IllegalArgumentException("channel " + channel + " is outside 0 to " + (channels - 1));
        }
        if (!(weight >= 0 && weight <= 10)) {
            throw new IllegalArgumentException("channel weight must be 0 to 10, was " + weight);
        }
        weights[channel] = weight;
    }

    /** Channel count this meter was built for. */
    public int channels() {
        return channels;
    }

    /** Sample rate in Hz this meter was built for. */
    public double sampleRate() {
        return sampleRate;
    }

    /** Adds the valid samples of {@code block} (its first {@link #channels()} channels); never allocates. */
    public void add(AudioBlock block) {
        int n = block.numSamples();
        int used = Math.min(block.numChannels(), channels);
        int pos = 0;
        while (pos < n) {
            int chunk = Math.min(n - pos, subLength - subFill);
            double acc = 0;
            for (int c = 0; c < used; c++) {
                acc += weights[c] * filterSum(filters[c], block.channel(c), pos, chunk);
            }
            advance(acc, chunk);
            pos += chunk;
        }
    }

    /**
     * Adds {@code frames} frames of planar audio starting at {@code offset}; {@code planar} needs at least
     * {@link #channels()} arrays (extra ones are ignored). Never allocates.
     */
    public void add(float[][] planar, int offset, int frames) {
        if (planar.length < channels) {
            throw new IllegalArgumentException("loudness meter needs " + channels + " channels, got " + planar.length);
        }
        int pos = offset;
        int end = offset + frames;
        while (pos < end) {
            int chunk = Math.min(end - pos, subLength - subFill);
            double acc = 0;
            for (int c = 0; c < channels; c++) {
                acc += weights[c] * filterSum(filters[c], planar[c], pos, chunk);
            }
            advance(acc, chunk);
            pos += chunk;
        }
    }

    private static double filterSum(KWeightingFilter f, float[] x, int from, int count) {
        double sum = 0;
        for (int i = from, end = from + count; i < end; i++) {
            double y = f.process(x[i]);
            sum += y * y;
        }
        f.flushDenormals();
        return sum;
    }

    /** Length in frames of sub-block {@code k}: it ends at round((k + 1) fs / 200). */
    private int subBlockLength(long k) {
        long end = Math.round((k + 1) * sampleRate / UPDATES_PER_SECOND);
        long start = Math.round(k * sampleRate / UPDATES_PER_SECOND);
        return (int) (end - start);
    }

    private void advance(double energySum, int frames) {
        if (energySum >= 0 && energySum < Double.POSITIVE_INFINITY) {
            subAccumulator += energySum; // a NaN or infinite sample spoils only its own chunk
        }
        subFill += frames;
        framesDone += frames;
        if (subFill == subLength) {
            finishSubBlock();
        }
    }

    private void finishSubBlock() {
        int leavingShort = ringIndex; // the oldest entry, 3 s ago, is overwritten now
        int leavingMomentary = ringIndex - MOMENTARY_SUBS;
        if (leavingMomentary < 0) {
            leavingMomentary += SHORT_TERM_SUBS;
        }
        if (subsDone >= SHORT_TERM_SUBS) {
            shortTermSum -= subEnergy[leavingShort];
            shortTermFrames -= subFrames[leavingShort];
        }
        if (subsDone >= MOMENTARY_SUBS) {
            momentarySum -= subEnergy[leavingMomentary];
            momentaryFrames -= subFrames[leavingMomentary];
        }
        subEnergy[ringIndex] = subAccumulator;
        subFrames[ringIndex] = subFill;
        momentarySum += subAccumulator;
        momentaryFrames += subFill;
        shortTermSum += subAccumulator;
        shortTermFrames += subFill;
        ringIndex = ringIndex + 1 == SHORT_TERM_SUBS ? 0 : ringIndex + 1;
        subsDone++;
        subAccumulator = 0;
        subFill = 0;
        subLength = subBlockLength(subsDone);
        if (subsDone % EXACT_SUM_EVERY == 0) {
            resum(); // the running sums drift by rounding; rebuild them exactly every 100 ms
        }
        boolean hop = subsDone % SUBS_PER_HOP == 0;
        if (subsDone >= MOMENTARY_SUBS) {
            double e = momentaryFrames > 0 ? Math.max(0.0, momentarySum) / momentaryFrames : 0.0;
            double m = LoudnessHistogram.lufs(e);
            momentary = m;
            if (m > maxMomentary) {
                maxMomentary = m;
            }
            if (hop) {
                gatingBlocks.add(e);
                integrated = gatingBlocks.gatedMeanLufs(INTEGRATED_RELATIVE_GATE_LU);
            }
        }
        if (subsDone >= SHORT_TERM_SUBS) {
            double e = shortTermFrames > 0 ? Math.max(0.0, shortTermSum) / shortTermFrames : 0.0;
            double s = LoudnessHistogram.lufs(e);
            shortTerm = s;
            if (s > maxShortTerm) {
                maxShortTerm = s;
            }
            if (hop) {
                shortTermBlocks.add(e);
                range = shortTermBlocks.rangeLu(RANGE_RELATIVE_GATE_LU, 0.10, 0.95);
            }
        }
    }

    private void resum() {
        int filled = (int) Math.min(subsDone, SHORT_TERM_SUBS);
        double sumS = 0, sumM = 0;
        long framesS = 0, framesM = 0;
        int idx = ringIndex;
        for (int i = 0; i < filled; i++) {
            idx = idx == 0 ? SHORT_TERM_SUBS - 1 : idx - 1;
            sumS += subEnergy[idx];
            framesS += subFrames[idx];
            if (i < MOMENTARY_SUBS) {
                sumM += subEnergy[idx];
                framesM += subFrames[idx];
            }
        }
        shortTermSum = sumS;
        shortTermFrames = framesS;
        momentarySum = sumM;
        momentaryFrames = framesM;
    }

    /** Momentary loudness (400 ms window), LUFS; -inf before 400 ms of input. Snapshot, any thread. */
    public double momentaryLufs() {
        return momentary;
    }

    /** Short-term loudness (3 s window), LUFS; -inf before 3 s of input. Snapshot, any thread. */
    public double shortTermLufs() {
        return shortTerm;
    }

    /** Gated integrated loudness since the last reset, LUFS; -inf when nothing passed the gates. Snapshot. */
    public double integratedLufs() {
        return integrated;
    }

    /** Loudness range (Tech 3342) since the last reset, LU; -inf before 3 s of input. Snapshot, any thread. */
    public double loudnessRangeLu() {
        return range;
    }

    /** Highest momentary loudness since the last reset, LUFS. Snapshot, any thread. */
    public double maxMomentaryLufs() {
        return maxMomentary;
    }

    /** Highest short-term loudness since the last reset, LUFS. Snapshot, any thread. */
    public double maxShortTermLufs() {
        return maxShortTerm;
    }

    /** Frames added since the last reset. */
    public long framesAdded() {
        return framesDone;
    }

    /** Clears filters, windows, histograms and results; never allocates. Call from the adding thread. */
    public void reset() {
        for (KWeightingFilter f : filters) {
            f.reset();
        }
        java.util.Arrays.fill(subEnergy, 0.0);
        java.util.Arrays.fill(subFrames, 0);
        gatingBlocks.clear();
        shortTermBlocks.clear();
        subAccumulator = 0;
        subFill = 0;
        ringIndex = 0;
        subsDone = 0;
        subLength = subBlockLength(0);
        momentarySum = shortTermSum = 0;
        momentaryFrames = shortTermFrames = 0;
        framesDone = 0;
        momentary = shortTerm = integrated = range = Double.NEGATIVE_INFINITY;
        maxMomentary = maxShortTerm = Double.NEGATIVE_INFINITY;
    }
}
