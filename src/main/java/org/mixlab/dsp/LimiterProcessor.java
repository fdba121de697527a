package org.mixlab.dsp;

import java.util.List;

/**
 * Mastering look-ahead limiter with a true-peak ceiling (dBTP).
 * <p>
 * Signal path: input gain, then the audio goes into a delay line of {@link #latencySamples()} samples while the
 * side chain works out the gain it will need. The side chain measures the peak of every sample interval (true peak
 * by {@link TruePeakDetector} when {@code truePeak} is on, else the sample peak, linked over all channels), turns it
 * into the gain that would put that peak exactly on the ceiling, takes the minimum over a sliding window as long as
 * the remaining look-ahead, lets it recover with a one-pole release, and finally averages it over the look-ahead
 * (a moving average). Because the window minimum holds the lowest gain for the whole length of the moving average,
 * the averaged gain has fully reached it when the peak leaves the delay line: the attack is a linear ramp that ends
 * exactly on the peak. A last sample-peak clamp at the ceiling catches rounding.
 */
public final class LimiterProcessor extends Processor implements GainReductionSource {
    /** Index of {@code inputDb}: 0..24 dB, default 0. */
    public static final int INPUT_DB = 0;
    /** Index of {@code ceilingDb}: -3..0 dBTP, default -1. */
    public static final int CEILING_DB = 1;
    /** Index of {@code releaseMs}: 1..1000 ms (log), default 100. */
    public static final int RELEASE_MS = 2;
    /** Index of {@code lookaheadMs}: 0.5..5 ms, default 1.5; sets the latency. */
    public static final int LOOKAHEAD_MS = 3;
    /** Index of {@code truePeak}: toggle, default 1 (0 limits sample peaks). */
    public static final int TRUE_PEAK = 4;

    /** Largest change of the audio delay per sample while the look-ahead glides to a new value. */
    static final double DELAY_GLIDE_PER_SAMPLE = 0.25;

    private final TruePeakDetector detector = new TruePeakDetector();
    private double[][] inBuf = new double[0][];
    private double[][] detBuf = new double[0][];
    private double[] gainBuf = new double[0];
    private double[] ceilBuf = new double[0];
    private final SmoothedValue inGain = new SmoothedValue(1, true);
    private final SmoothedValue ceiling = new SmoothedValue(DspMath.dbToGain(-1), true);

    private double sampleRate = 48_000;
    private int channels;
    private int detDelay;
    private int maxDelay;
    private int targetDelay;
    private double delayNow;
    private boolean releaseDirty = true;
    private double releaseCoef;

    // audio delay line (per channel) and ceiling delay line
    private double[][] audio = new double[0][];
    private double[] ceilRing = new double[0];
    private int ringSize;
    private int writePos;

    // sliding-window minimum (monotonic deque of sample indices and values)
    private long[] dqIdx = new long[0];
    private double[] dqVal = new double[0];
    private int dqHead;
    private int dqCount;
    private int windowLen;
    private long sampleIndex;

    // release state and moving average
    private double held = 1.0;
    private double[] avgRing = new double[0];
    /** Capacity minus one of the power-of-two rings dqIdx, dqVal and avgRing. */
    private int ringMask;
    private int avgLen;
    private double avgSum;

    private volatile double grDb;
    /** Set by processors that use this limiter as a fixed sample-peak stage: skips the idle interpolator. */
    boolean samplePeakOnly;

    /** Creates the limiter with its defaults. */
    public LimiterProcessor() {
        super(List.of(
                ParamSpec.linear("inputDb", "Input", "dB", 0, 24, 0),
                ParamSpec.linear("ceilingDb", "Ceiling", "dBTP", -3, 0, -1),
                ParamSpec.log("releaseMs", "Release", "ms", 1, 1000, 100),
                ParamSpec.linear("lookaheadMs", "Look-ahead", "ms", 0.5, 5, 1.5),
                ParamSpec.toggle("truePeak", "True peak", true)));
    }

    @Override
    public String typeId() {
        return "limiter";
    }

    @Override
    public String displayName() {
        return "Limiter";
    }

    /** A limiter's dry/wet mix would bring the peaks back, so it offers none. */
    @Override
    public boolean supportsMix() {
        return false;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        channels = spec.channels();
        detector.prepare(channels, spec.maxBlockSize());
        inBuf = new double[channels][spec.maxBlockSize()];
        detBuf = new double[channels][spec.maxBlockSize()];
        gainBuf = new double[spec.maxBlockSize()];
        ceilBuf = new double[spec.maxBlockSize()];
        detDelay = detector.delaySamples();
        maxDelay = delayFor(5.0);
        ringSize = maxDelay + 4;
        audio = new double[channels][ringSize];
        ceilRing = new double[ringSize];
        int maxGain = maxDelay - detDelay + 3;
        // power-of-two rings: the per-sample index arithmetic is a mask, not an integer division
        int cap = Integer.highestOneBit(maxGain + 2) << 1;
        ringMask = cap - 1;
        dqIdx = new long[cap];
        dqVal = new double[cap];
        avgRing = new double[cap];
        inGain.reset(sampleRate, 30);
        ceiling.reset(sampleRate, 30);
        reset();
    }

    private int delayFor(double ms) {
        return Math.max(detector.delaySamples() + 1, (int) Math.round(ms * sampleRate / 1000.0));
    }

    @Override
    public void reset() {
        inGain.setCurrentAndTarget(DspMath.dbToGain(values[INPUT_DB]));
        ceiling.setCurrentAndTarget(DspMath.dbToGain(values[CEILING_DB]));
        detector.reset();
        for (double[] a : audio) {
            java.util.Arrays.fill(a, 0.0);
        }
        java.util.Arrays.fill(ceilRing, ceiling.current());
        writePos = 0;
        targetDelay = delayFor(values[LOOKAHEAD_MS]);
        delayNow = targetDelay;
        int g = targetDelay - detDelay;
        windowLen = g + 2;
        avgLen = g + 1;
        dqHead = 0;
        dqCount = 0;
        sampleIndex = 0;
        held = 1.0;
        java.util.Arrays.fill(avgRing, 1.0);
        avgSum = avgLen;
        releaseDirty = true;
        grDb = 0;
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        switch (index) {
            case INPUT_DB -> inGain.setTarget(DspMath.dbToGain(value));
            case CEILING_DB -> ceiling.setTarget(DspMath.dbToGain(value));
            case RELEASE_MS -> releaseDirty = true;
            case LOOKAHEAD_MS -> targetDelay = audio.length == 0 ? targetDelay : delayFor(value);
            default -> { }
        }
    }

    /** The look-ahead in samples (at least the true-peak detector's delay plus one). */
    @Override
    public int latencySamples() {
        return targetDelay;
    }

    @Override
    public double gainReductionDb() {
        return grDb;
    }

    @Override
    public void process(AudioBlock block) {
        if (releaseDirty) {
            releaseCoef = 1 - Math.exp(-1.0 / (values[RELEASE_MS] * 0.001 * sampleRate));
            releaseDirty = false;
        }
        int n = block.numSamples();
        int chans = Math.min(block.numChannels(), channels);
        boolean tp = values[TRUE_PEAK] >= 0.5;
        double minGain = 1.0;
        // exact resync of the moving-average sum once per block (no drift)
        double resum = 0;
        final int mask = ringMask;
        long base = sampleIndex;
        for (int k = 0; k < avgLen; k++) {
            resum += avgRing[(int) ((base - 1 - k) & mask)];
        }
        avgSum = resum;
        for (int i = 0; i < n; i++) {
            gainBuf[i] = inGain.next();
            ceilBuf[i] = ceiling.next();
        }
        // the detector runs a block at a time (tap-major, vectorised); the interpolator keeps running in
        // sample-peak mode so that switching true peak on is seamless, unless this limiter is a fixed sample-peak
        // stage inside another processor
        boolean detect = tp || !samplePeakOnly;
        for (int c = 0; c < chans; c++) {
            float[] x = block.channel(c);
            double[] s = inBuf[c];
            for (int i = 0; i < n; i++) {
                float v = x[i];
                s[i] = v - v == 0 ? v * gainBuf[i] : 0.0;
            }
            if (detect) {
                detector.processBlock(c, s, n, detBuf[c]);
            }
        }
        for (int i = 0; i < n; i++) {
            double ceil = ceilBuf[i];
            double peak = 0;
            for (int c = 0; c < chans; c++) {
                audio[c][writePos] = inBuf[c][i];
                int sp = writePos - detDelay;
                double d = tp ? detBuf[c][i] : Math.abs(audio[c][sp < 0 ? sp + ringSize : sp]);
                peak = Math.max(peak, d);
            }
            ceilRing[writePos] = ceil;
            double req = peak > ceil ? ceil / peak : 1.0;

            // glide the delay (and with it the window lengths) toward the target look-ahead
            if (delayNow != targetDelay) {
                double step = targetDelay - delayNow;
                delayNow += Math.max(-DELAY_GLIDE_PER_SAMPLE, Math.min(DELAY_GLIDE_PER_SAMPLE, step));
            }
            int gainLook = (int) Math.floor(delayNow) - detDelay;
            int newWindow = gainLook + 2;
            int newAvg = gainLook + 1;

            // sliding-window minimum over the last newWindow required gains
            long idx = sampleIndex;
            while (dqCount > 0 && dqVal[(dqHead + dqCount - 1) & mask] >= req) {
                dqCount--;
            }
            int tail = (dqHead + dqCount) & mask;
            dqIdx[tail] = idx;
            dqVal[tail] = req;
            dqCount++;
            windowLen = newWindow;
            while (dqIdx[dqHead] <= idx - windowLen) {
                dqHead = (dqHead + 1) & mask;
                dqCount--;
            }
            double h = dqVal[dqHead];

            // release: fall at once, recover with a one-pole
            held = h <= held ? h : held + releaseCoef * (h - held);

            // moving average over newAvg values
            int slot = (int) (idx & mask);
            avgRing[slot] = held;
            avgSum += held;
            if (newAvg == avgLen) {
                avgSum -= avgRing[(int) ((idx - avgLen) & mask)];
            } else if (newAvg < avgLen) {
                avgSum -= avgRing[(int) ((idx - avgLen) & mask)];
                avgSum -= avgRing[(int) ((idx - avgLen + 1) & mask)];
            }
            avgLen = newAvg;
            double gain = avgSum / avgLen;
            if (gain > 1.0) {
                gain = 1.0;
            }
            minGain = Math.min(minGain, gain);

            // read the delayed audio (linear interpolation only while the delay glides)
            int whole = (int) Math.floor(delayNow);
            double frac = delayNow - whole;
            int r0 = writePos - whole;
            if (r0 < 0) {
                r0 += ringSize;
            }
            double cDelayed = ceilRing[r0];
            float lim = (float) cDelayed;
            if (lim > cDelayed) {
                lim = Math.nextDown(lim);
            }
            for (int c = 0; c < chans; c++) {
                double a = audio[c][r0];
                if (frac != 0) {
                    int r1 = r0 == 0 ? ringSize - 1 : r0 - 1;
                    a += frac * (audio[c][r1] - a);
                }
                float y = (float) (a * gain);
                y = y > lim ? lim : (y < -lim ? -lim : y);
                block.channel(c)[i] = y;
            }
            writePos = writePos + 1 == ringSize ? 0 : writePos + 1;
            sampleIndex++;
        }
        grDb = minGain >= 1.0 ? 0.0 : -DspMath.gainToDb(minGain);
    }
}
