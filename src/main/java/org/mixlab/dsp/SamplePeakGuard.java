package org.mixlab.dsp;

/**
 * The clipper's overshoot guard: {@link LimiterProcessor} fixed at input 0 dB, ceiling 1.0 (0 dBFS), sample peak,
 * a fixed look-ahead and release, computing the same gains and output to the last bit, with the work that does
 * not depend on the previous sample done a block at a time: the audio delay and the peak detector read linear rows
 * (history, then the block) instead of a ring, the required gains and the output run as whole-row loops, and only
 * the sliding minimum, the release and the moving-average sum stay per sample (in the limiter's order).
 * prepare allocates; process never does.
 */
final class SamplePeakGuard {
    private final double lookaheadMs;
    private final double releaseMs;
    private final int detDelay = new TruePeakDetector().delaySamples();
    private int delay;
    private int windowLen;
    private int avgLen;
    private double releaseCoef;

    private float[][] audio = new float[0][]; // per channel: delay history values, then the block
    private double[] req = new double[0];
    private float[] peak = new float[0];
    private float[] window = new float[0];
    private double[] sums = new double[0];
    private long[] dqIdx = new long[0];
    private double[] dqVal = new double[0];
    private double[] avgRing = new double[0];
    private int mask;
    private int dqHead;
    private int dqCount;
    private long sampleIndex;
    private double held;
    private double avgSum;

    SamplePeakGuard(double lookaheadMs, double releaseMs) {
        this.lookaheadMs = lookaheadMs;
        this.releaseMs = releaseMs;
    }

    /** Allocates for {@code channels} and blocks of up to {@code maxBlockSize}; resets. */
    void prepare(double sampleRate, int channels, int maxBlockSize) {
        delay = Math.max(detDelay + 1, (int) Math.round(lookaheadMs * sampleRate / 1000.0));
        int g = delay - detDelay;
        windowLen = g + 2;
        avgLen = g + 1;
        releaseCoef = 1 - Math.exp(-1.0 / (releaseMs * 0.001 * sampleRate));
        audio = new float[channels][delay + maxBlockSize];
        req = new double[maxBlockSize];
        peak = new float[maxBlockSize];
        window = new float[maxBlockSize];
        sums = new double[maxBlockSize];
        int cap = Integer.highestOneBit(windowLen + 2) << 1;
        mask = cap - 1;
        dqIdx = new long[cap];
        dqVal = new double[cap];
        avgRing = new double[cap];
        reset();
    }

    /** The look-ahead in samples. */
    int latencySamples() {
        return delay;
    }

    /** Silence in the delay line, no gain reduction. */
    void reset() {
        for (float[] a : audio) {
            java.util.Arrays.fill(a, 0f);
        }
        dqHead = 0;
        dqCount = 0;
        sampleIndex = 0;
        held = 1.0;
        java.util.Arrays.fill(avgRing, 1.0);
        avgSum = avgLen;
    }

    /** Limits the first {@code chans} channels of {@code block} in place (delayed by the look-ahead). */
    void process(AudioBlock block, int chans) {
        int n = block.numSamples();
        int d = delay;
        for (int c = 0; c < chans; c++) {
            float[] a = audio[c];
            float[] x = block.channel(c);
            for (int i = 0; i < n; i++) {
                float v = x[i];
                a[d + i] = v - v == 0 ? v : 0f;
            }
        }
        double[] s = gains(chans, n);
        for (int c = 0; c < chans; c++) {
            float[] a = audio[c];
            float[] x = block.channel(c);
            for (int i = 0; i < n; i++) {
                x[i] = output(a[i], s[i]);
            }
        }
        advance(chans, n);
    }

    /**
     * The delay line of channel {@code c}: the caller writes the block's {@code n} input samples from
     * {@link #latencySamples()} on (finite: the limiter turns non-finite input into 0 first), and after
     * {@link #gains} the delayed samples to output are at {@code [0, n)}.
     */
    float[] row(int c) {
        return audio[c];
    }

    /** The guard's output for a delayed sample {@code a} and its gain (the limiter's final rounding and clamp). */
    static float output(float a, double gain) {
        float y = (float) (a * gain);
        return y > 1f ? 1f : (y < -1f ? -1f : y); // not Math.min/max: scalar, those are calls here
    }

    /** Works out the gains of the block whose input is in the rows; returns them, for {@code [0, n)}. */
    double[] gains(int chans, int n) {
        int d = delay;
        // exact resync of the moving-average sum once per block, as the limiter does
        double resum = 0;
        long base = sampleIndex;
        for (int k = 0; k < avgLen; k++) {
            resum += avgRing[(int) ((base - 1 - k) & mask)];
        }
        avgSum = resum;
        // required gain per sample from the linked peak detDelay samples back: 1 / peak above 1, else 1
        // the linked peak detDelay samples back, in float (abs and max are exact), on copied windows so that the
        // loops vectorise; the limiter's Math.max(0, |x0|, |x1|, ...) in double is the same value
        float[] pk = peak;
        float[] w = window;
        int off = d - detDelay;
        if (chans == 0) {
            java.util.Arrays.fill(pk, 0, n, 0f);
        }
        for (int c = 0; c < chans; c++) {
            System.arraycopy(audio[c], off, c == 0 ? pk : w, 0, n);
            if (c == 0) {
                for (int i = 0; i < n; i++) {
                    pk[i] = Math.abs(pk[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    pk[i] = Math.max(pk[i], Math.abs(w[i]));
                }
            }
        }
        // required gain per sample: 1 / peak above 1, else 1 (also for a peak of 0)
        double[] r = req;
        for (int i = 0; i < n; i++) {
            r[i] = pk[i];
        }
        for (int i = 0; i < n; i++) {
            r[i] = Math.min(1.0, 1.0 / r[i]);
        }
        smooth(n);
        double[] s = sums;
        double len = avgLen;
        for (int i = 0; i < n; i++) {
            s[i] = Math.min(s[i] / len, 1.0);
        }
        return s;
    }

    /** Moves the delay lines on by the block just output. */
    void advance(int chans, int n) {
        for (int c = 0; c < chans; c++) {
            float[] a = audio[c];
            System.arraycopy(a, n, a, 0, delay);
        }
    }

    /**
     * The sequential part, per sample as the limiter does it: sliding minimum of the required gains, release,
     * moving-average sum; leaves the sums in {@code sums}.
     */
    private void smooth(int n) {
        double[] r = req;
        double[] s = sums;
        final int mk = mask;
        long idx = sampleIndex;
        int head = dqHead;
        int count = dqCount;
        double h0 = held;
        double sum = avgSum;
        double rc = releaseCoef;
        int win = windowLen;
        int al = avgLen;
        for (int i = 0; i < n; i++, idx++) {
            double q = r[i];
            while (count > 0 && dqVal[(head + count - 1) & mk] >= q) {
                count--;
            }
            int tail = (head + count) & mk;
            dqIdx[tail] = idx;
            dqVal[tail] = q;
            count++;
            while (dqIdx[head] <= idx - win) {
                head = (head + 1) & mk;
                count--;
            }
            double h = dqVal[head];
            h0 = h <= h0 ? h : h0 + rc * (h - h0);
            avgRing[(int) (idx & mk)] = h0;
            sum += h0;
            sum -= avgRing[(int) ((idx - al) & mk)];
            s[i] = sum;
        }
        sampleIndex = idx;
        dqHead = head;
        dqCount = count;
        held = h0;
        avgSum = sum;
    }
}
