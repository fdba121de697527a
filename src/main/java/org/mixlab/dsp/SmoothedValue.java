package org.mixlab.dsp;

/**
 * A value that ramps to its target over a fixed time so that parameter changes never click (after JUCE's
 * {@code SmoothedValue}). Linear ramps suit pan, mix and linear gain; multiplicative ramps (equal ratios per sample)
 * suit frequencies and gains in linear amplitude derived from dB. Audio-thread only: no locks, no allocation.
 */
public final class SmoothedValue {
    private final boolean multiplicative;
    private double current;
    private double target;
    private double step;
    private int stepsLeft;
    private int rampSamples = 1;

    /**
     * @param initial        starting value (must be &gt; 0 for multiplicative smoothing)
     * @param multiplicative true for exponential (equal-ratio) ramps, false for linear ramps
     */
    public SmoothedValue(double initial, boolean multiplicative) {
        this.multiplicative = multiplicative;
        setCurrentAndTarget(initial);
    }

    /** Sets the ramp length from a sample rate and a time in ms (typically 20 to 50 ms). */
    public void reset(double sampleRate, double rampMs) {
        rampSamples = Math.max(1, (int) Math.round(sampleRate * rampMs / 1000.0));
        setCurrentAndTarget(target);
    }

    /** Jumps straight to {@code value} with no ramp. */
    public void setCurrentAndTarget(double value) {
        current = sanitize(value);
        target = current;
        stepsLeft = 0;
    }

    /** Starts a ramp from the current value to {@code newTarget}; a repeated target is ignored. */
    public void setTarget(double newTarget) {
        double t = sanitize(newTarget);
        if (t == target) {
            return;
        }
        target = t;
        if (current == target) {
            stepsLeft = 0;
            return;
        }
        stepsLeft = rampSamples;
        if (multiplicative) {
            step = Math.exp(Math.log(target / current) / rampSamples);
        } else {
            step = (target - current) / rampSamples;
        }
    }

    private double sanitize(double v) {
        if (multiplicative) {
            return v > 1e-12 ? v : 1e-12;
        }
        return v;
    }

    /** Advances one sample and returns the new value. */
    public double next() {
        if (stepsLeft <= 0) {
            return target;
        }
        if (--stepsLeft == 0) {
            current = target;
        } else if (multiplicative) {
            current *= step;
        } else {
            current += step;
        }
        return current;
    }

    /** Advances {@code n} samples at once (used to keep ramping while bypassed) and returns the value reached. */
    public double skip(int n) {
        if (stepsLeft <= 0 || n <= 0) {
            return current = stepsLeft <= 0 ? target : current;
        }
        if (n >= stepsLeft) {
            stepsLeft = 0;
            current = target;
            return current;
        }
        stepsLeft -= n;
        current = multiplicative ? current * Math.pow(step, n) : current + step * n;
        return current;
    }

    /** The value the ramp is at now. */
    public double current() {
        return stepsLeft > 0 ? current : target;
    }

    /** The value the ramp is heading to. */
    public double target() {
        return target;
    }

    /** True while a ramp is in progress. */
    public boolean isSmoothing() {
        return stepsLeft > 0;
    }
}
