package org.mixlab.analysis;

import org.mixlab.dsp.AudioBlock;

/**
 * Stereo phase correlation, -1 (out of phase) to +1 (mono-compatible, identical channels): the normalised
 * cross-correlation {@code sum(L*R) / sqrt(sum(L*L) * sum(R*R))} at zero lag. Two readings: a running one whose
 * sums decay exponentially with a time constant (default 300 ms, like a hardware correlation meter), and one over
 * everything added since the last reset. Silence (or one silent channel) reads 0, "no correlation".
 *
 * <p>Threading: call {@link #add} from one thread; it never allocates. Both getters are volatile snapshots
 * updated at the end of every add and may be read from any thread.
 */
public final class CorrelationMeter {
    /** Default time constant of the running reading, ms. */
    public static final double DEFAULT_WINDOW_MS = 300.0;
    private static final double SILENCE_POWER = 1e-20;

    private final double decay;
    private double ll, rr, lr;
    private double totalLl, totalRr, totalLr;
    private volatile double runningSnapshot;
    private volatile double totalSnapshot;

    /** A meter at {@code sampleRate} Hz with the default 300 ms time constant. */
    public CorrelationMeter(double sampleRate) {
        this(sampleRate, DEFAULT_WINDOW_MS);
    }

    /** A meter whose running reading has a time constant of {@code windowMs} (1 to 10,000 ms, default 300). */
    public CorrelationMeter(double sampleRate, double windowMs) {
        if (!(sampleRate >= 1_000 && sampleRate <= 384_000)) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside 1,000 to 384,000 Hz");
        }
        if (!(windowMs >= 1 && windowMs <= 10_000)) {
            throw new IllegalArgumentException("correlation windowMs must be 1 to 10,000 ms, was " + windowMs);
        }
        this.decay = Math.exp(-1.0 / (windowMs * 0.001 * sampleRate));
    }

    /** Adds the first two channels of {@code block} (a mono block counts as identical channels); never allocates. */
    public void add(AudioBlock block) {
        float[] left = block.channel(0);
        float[] right = block.numChannels() > 1 ? block.channel(1) : left;
        add(left, right, 0, block.numSamples());
    }

    /** Adds {@code frames} samples of {@code left} and {@code right} from {@code offset}; never allocates. */
    public void add(float[] left, float[] right, int offset, int frames) {
        double a = ll, b = rr, c = lr;
        double ta = 0, tb = 0, tc = 0;
        double g = 1 - decay;
        for (int i = offset, end = offset + frames; i < end; i++) {
            double l = left[i], r = right[i];
            if (!(Math.abs(l) < 1e30 && Math.abs(r) < 1e30)) {
                continue; // NaN and infinities are not measured
            }
            double pl = l * l, pr = r * r, x = l * r;
            a = decay * a + g * pl;
            b = decay * b + g * pr;
            c = decay * c + g * x;
            ta += pl;
            tb += pr;
            tc += x;
        }
        ll = org.mixlab.dsp.DspMath.flush(a);
        rr = org.mixlab.dsp.DspMath.flush(b);
        lr = org.mixlab.dsp.DspMath.flush(c);
        totalLl += ta;
        totalRr += tb;
        totalLr += tc;
        runningSnapshot = correlation(ll, rr, lr);
        totalSnapshot = correlation(totalLl, totalRr, totalLr);
    }

    private static double correlation(double a, double b, double c) {
        if (a < SILENCE_POWER || b < SILENCE_POWER) {
            return 0.0;
        }
        return Math.max(-1.0, Math.min(1.0, c / Math.sqrt(a * b)));
    }

    /** Running correlation, -1 to +1; 0 for silence. Snapshot, any thread. */
    public double correlation() {
        return runningSnapshot;
    }

    /** Correlation over everything added since the last reset, -1 to +1; 0 for silence. Snapshot, any thread. */
    public double overallCorrelation() {
        return totalSnapshot;
    }

    /** Clears both readings; never allocates. */
    public void reset() {
        ll = rr = lr = 0;
        totalLl = totalRr = totalLr = 0;
        runningSnapshot = 0;
        totalSnapshot = 0;
    }
}
