package org.mixlab.analysis;

import org.mixlab.dsp.AudioBlock;

/**
 * Loudness meter after ITU-R BS.1770-4 and EBU R 128 (Tech 3341 "EBU mode", Tech 3342 loudness range).
 *
 * <p>Every channel is K-weighted ({@link KWeightingFilter}), squared, weighted (L, R, C 1.0; surrounds 1.41;
 * LFE excluded) and summed into 100 ms sub-blocks. From those, every 100 ms:
 * <ul>
 *   <li>momentary loudness M: the last 400 ms (4 sub-blocks), which is also the gating block of the integrated
 *       measurement (75 % overlap);</li>
 *   <li>short-term loudness S: the last 3 s (30 sub-blocks), which also feeds the loudness range;</li>
 *   <li>integrated loudness I: power mean of gating blocks above -70 LUFS and above (their mean - 10 LU);</li>
 *   <li>loudness range LRA: 95th minus 10th percentile of short-term values above -70 LUFS and above
 *       (their power mean - 20 LU).</li>
 * </ul>
 * Values are -inf ({@link Double#NEGATIVE_INFINITY}) until defined: M needs 400 ms of input, S needs 3 s,
 * I needs one gating block above -70 LUFS. Memory is constant: the integrated and LRA measurements use two
 * fixed-size histograms with 0.01 LU bins, however long the programme runs.
 *
 * <p>Threading: call {@link #add} from one thread only (the audio thread or an offline loop); it never
 * allocates. All result getters are snapshot reads of volatile fields, updated every 100 ms, and are safe to
 * call from any thread at any time.
 */
public final class LoudnessMeter {
    /** Relative gate for integrated loudness, LU (BS.1770-4). */
    public static final double INTEGRATED_RELATIVE_GATE_LU = -10.0;
    /** Relative gate for loudness range, LU (Tech 3342). */
    public static final double RANGE_RELATIVE_GATE_LU = -20.0;
    /** Weight of surround channels (Ls, Rs) in BS.1770-4: 1.41, about +1.5 dB. */
    public static final double SURROUND_WEIGHT = 1.41;

    private static final int MOMENTARY_HOPS = 4;
    private static final int SHORT_TERM_HOPS = 30;

    private final int channels;
    private final double sampleRate;
    private final int hopSamples;
    private final double[] weights;
    private final KWeightingFilter[] filters;
    private final double[] hopEnergy = new double[SHORT_TERM_HOPS];
    private final LoudnessHistogram gatingBlocks = new LoudnessHistogram();
    private final LoudnessHistogram shortTermBlocks = new LoudnessHistogram();

    private double hopAccumulator;
    private int hopFill;
    private int hopIndex;
    private long hopsDone;
    private long framesDone;

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
        this.hopSamples = (int) Math.round(sampleRate / 10.0);
        this.weights = defaultWeights(channels);
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
            int chunk = Math.min(n - pos, hopSamples - hopFill);
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
            int chunk = Math.min(end - pos, hopSamples - hopFill);
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

    private void advance(double energySum, int frames) {
        if (energySum >= 0 && energySum < Double.POSITIVE_INFINITY) {
            hopAccumulator += energySum; // a NaN or infinite sample spoils only its own chunk
        }
        hopFill += frames;
        framesDone += frames;
        if (hopFill == hopSamples) {
            finishHop();
        }
    }

    private void finishHop() {
        hopEnergy[hopIndex] = hopAccumulator;
        hopIndex = (hopIndex + 1) % SHORT_TERM_HOPS;
        hopAccumulator = 0;
        hopFill = 0;
        hopsDone++;
        if (hopsDone >= MOMENTARY_HOPS) {
            double e = windowEnergy(MOMENTARY_HOPS);
            double m = LoudnessHistogram.lufs(e);
            momentary = m;
            if (m > maxMomentary) {
                maxMomentary = m;
            }
            gatingBlocks.add(e);
            integrated = gatingBlocks.gatedMeanLufs(INTEGRATED_RELATIVE_GATE_LU);
        }
        if (hopsDone >= SHORT_TERM_HOPS) {
            double e = windowEnergy(SHORT_TERM_HOPS);
            double s = LoudnessHistogram.lufs(e);
            shortTerm = s;
            if (s > maxShortTerm) {
                maxShortTerm = s;
            }
            shortTermBlocks.add(e);
            range = shortTermBlocks.rangeLu(RANGE_RELATIVE_GATE_LU, 0.10, 0.95);
        }
    }

    private double windowEnergy(int hops) {
        double sum = 0;
        int idx = hopIndex;
        for (int i = 0; i < hops; i++) {
            idx = idx == 0 ? SHORT_TERM_HOPS - 1 : idx - 1;
            sum += hopEnergy[idx];
        }
        return sum / ((double) hops * hopSamples);
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
        java.util.Arrays.fill(hopEnergy, 0.0);
        gatingBlocks.clear();
        shortTermBlocks.clear();
        hopAccumulator = 0;
        hopFill = 0;
        hopIndex = 0;
        hopsDone = 0;
        framesDone = 0;
        momentary = shortTerm = integrated = range = Double.NEGATIVE_INFINITY;
        maxMomentary = maxShortTerm = Double.NEGATIVE_INFINITY;
    }
}
