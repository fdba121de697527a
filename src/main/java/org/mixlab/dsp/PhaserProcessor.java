package org.mixlab.dsp;

import java.util.List;

/**
 * Phaser (type id {@code phaser}): a chain of 2 to 12 first-order allpass stages, all with the same break frequency,
 * swept by a sine LFO around centerHz (depth 100 % = +-2 octaves), with feedback from the chain's output to its
 * input. Like the flanger, its output is the phased signal itself, 0.5 (x + chain), so the notches are fully
 * there at the slot's 100 % mix: N stages give N/2 notches, and with 2 stages the notch sits exactly at the break
 * frequency. Output is scaled by sqrt(1 - |fb|) to tame feedback resonances. Changing the stage count cross-fades
 * between the old and the new tap over 20 ms. Stereo: the right LFO runs a quarter cycle after the left; a mono
 * block runs the left voice only (averaging two differently swept chains would fill the notches in).
 */
public final class PhaserProcessor extends Processor {
    /** Parameter index of rateHz: 0.05..5 Hz, log, default 0.5. */
    public static final int RATE_HZ = 0;
    /** Parameter index of depthPct: 0..100 % (100 % sweeps +-2 octaves), default 70. */
    public static final int DEPTH_PCT = 1;
    /** Parameter index of centerHz: 100..5000 Hz, log, default 800. */
    public static final int CENTER_HZ = 2;
    /** Parameter index of stages: choice 2, 4, 6, 8, 10, 12 (index 0..5), default index 1 (4 stages). */
    public static final int STAGES = 3;
    /** Parameter index of feedbackPct: -95..95 %, default 30. */
    public static final int FEEDBACK_PCT = 4;

    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.log("rateHz", "Rate", "Hz", 0.05, 5, 0.5),
            ParamSpec.linear("depthPct", "Depth", "%", 0, 100, 70),
            ParamSpec.log("centerHz", "Center", "Hz", 100, 5000, 800),
            ParamSpec.choice("stages", "Stages", 1, "2", "4", "6", "8", "10", "12"),
            ParamSpec.linear("feedbackPct", "Feedback", "%", -95, 95, 30));

    private static final int MAX_STAGES = 12;
    private static final double LN2 = Math.log(2.0);
    /** Octaves of sweep either side of the centre at 100 % depth. */
    static final double MAX_SWEEP_OCTAVES = 2.0;
    /** Phase offset of the right channel's LFO, in cycles. */
    static final double RIGHT_PHASE = 0.25;

    private double sampleRate = 44100;
    private final double[][] state = new double[2][MAX_STAGES];
    private final double[] lastOut = new double[2];
    private final Lfo lfo = new Lfo();
    private final SmoothedValue rateHz = new SmoothedValue(0.5, true);
    private final SmoothedValue depth = new SmoothedValue(0.7, false);
    private final SmoothedValue centerHz = new SmoothedValue(800, true);
    private final SmoothedValue feedback = new SmoothedValue(0.3, false);
    private int stagesFrom = 4;
    private int stagesTo = 4;
    private double stageFade = 1.0;
    private double stageFadeStep = 1.0 / 882;
    // per-sample rows of one block: sweep exponent then coefficient per channel, centre, feedback, output gain
    private double[] coefL = new double[0];
    private double[] coefR = new double[0];
    private double[] centreRow = new double[0];
    private double[] fbRow = new double[0];
    private double[] gainRow = new double[0];
    private double[] fbScratch = new double[0];

    /** Creates a phaser with default parameters; call prepare before processing. */
    public PhaserProcessor() {
        super(PARAMS);
        prepare(new ProcessSpec(44100, 512, 2));
    }

    @Override
    public String typeId() {
        return "phaser";
    }

    @Override
    public String displayName() {
        return "Phaser";
    }

    /** Number of allpass stages for the current stages choice (2 to 12). */
    public int stageCount() {
        return 2 * ((int) values[STAGES] + 1);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        rateHz.reset(sampleRate, 50);
        depth.reset(sampleRate, 50);
        centerHz.reset(sampleRate, 30);
        feedback.reset(sampleRate, 20);
        stageFadeStep = 1.0 / Math.max(1, Math.round(0.02 * sampleRate));
        coefL = new double[0];
        ensureRows(spec.maxBlockSize());
        reset();
    }

    @Override
    public void reset() {
        for (int c = 0; c < 2; c++) {
            java.util.Arrays.fill(state[c], 0.0);
            lastOut[c] = 0;
        }
        lfo.setPhase(0);
        rateHz.setCurrentAndTarget(values[RATE_HZ]);
        depth.setCurrentAndTarget(values[DEPTH_PCT] / 100.0);
        centerHz.setCurrentAndTarget(values[CENTER_HZ]);
        feedback.setCurrentAndTarget(values[FEEDBACK_PCT] / 100.0);
        lfo.setRate(values[RATE_HZ], sampleRate);
        stagesFrom = stagesTo = stageCount();
        stageFade = 1.0;
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        switch (index) {
            case RATE_HZ -> rateHz.setTarget(value);
            case DEPTH_PCT -> depth.setTarget(value / 100.0);
            case CENTER_HZ -> centerHz.setTarget(value);
            case FEEDBACK_PCT -> feedback.setTarget(value / 100.0);
            default -> { }
        }
    }

    /** Allpass coefficient a for break frequency f: H(z) = (a + z^-1) / (1 + a z^-1), phase -90 degrees at f. */
    static double allpassCoefficient(double freqHz, double sampleRate) {
        double f = DspMath.clamp(freqHz, 20.0, 0.45 * sampleRate);
        double t = Math.tan(Math.PI * f / sampleRate);
        return (t - 1.0) / (t + 1.0);
    }

    @Override
    public void process(AudioBlock block) {
        int n = block.numSamples();
        boolean stereo = block.numChannels() >= 2;
        if (!FxSupport.finite(block)) {
            reset();
            block.clear();
            return;
        }
        ensureRows(n);
        // the control values per sample, in the order the smoothers and the LFO give them
        double[] fL = coefL;
        double[] fR = coefR;
        double[] cen = centreRow;
        for (int i = 0; i < n; i++) {
            if (rateHz.isSmoothing()) {
                lfo.setRate(rateHz.next(), sampleRate);
            }
            cen[i] = centerHz.next();
            double octaves = MAX_SWEEP_OCTAVES * depth.next();
            double fb = feedback.next();
            fbRow[i] = fb;
            gainRow[i] = 0.5 * Math.sqrt(1.0 - Math.abs(fb));
            fL[i] = LN2 * octaves * lfo.value(0);
            if (stereo) {
                fR[i] = LN2 * octaves * lfo.value(RIGHT_PHASE);
            }
            lfo.advance();
        }
        // the allpass coefficients a row at a time (vectorised polynomials instead of exp and tan per sample)
        coefficients(fL, cen, fbScratch, n, sampleRate);
        if (stereo) {
            coefficients(fR, cen, fbScratch, n, sampleRate);
        }
        double check = 0;
        float[] left = block.channel(0);
        float[] right = block.channel(stereo ? 1 : 0);
        if (stageFade >= 1.0 && stagesTo == stageCount()) {
            // no stage fade in this block (the stage count cannot change during process)
            check = stereo ? steadyStereo(left, right, n) : steadyMono(left, n);
            n = 0;
        }
        for (int i = 0; i < n; i++) {
            if (stageFade >= 1.0 && stagesTo != stageCount()) {
                stagesFrom = stagesTo;
                stagesTo = stageCount();
                stageFade = 0.0;
            }
            double fb = fbRow[i];
            double gain = gainRow[i];
            double yl = channelSample(0, left[i], fL[i], fb, gain);
            left[i] = (float) DspMath.flush(yl);
            check += yl;
            if (stereo) {
                double yr = channelSample(1, right[i], fR[i], fb, gain);
                right[i] = (float) DspMath.flush(yr);
                check += yr;
            }
            if (stageFade < 1.0) {
                stageFade = Math.min(1.0, stageFade + stageFadeStep);
                if (stageFade >= 1.0) {
                    finishStageFade();
                }
            }
        }
        if (check - check != 0) {
            reset();
            block.clear();
        }
    }

    private void ensureRows(int n) {
        if (coefL.length < n) {
            // only when a block is longer than any before (prepare sizes the rows for the host's blocks)
            coefL = new double[n];
            coefR = new double[n];
            centreRow = new double[n];
            fbRow = new double[n];
            gainRow = new double[n];
            fbScratch = new double[n];
        }
    }

    /**
     * Turns the sweep exponents {@code e} into allpass coefficients in place: the coefficient of
     * {@link #allpassCoefficient} for the frequency {@code centre * exp(e)}, with exp and tan as polynomials that
     * HotSpot vectorises. exp(e) for |e| up to 2 ln 2 * 2 is (exp(e / 16))^16 with a degree-11 Taylor polynomial;
     * the coefficient (tan(x) - 1) / (tan(x) + 1) is (sin(x) - cos(x)) / (sin(x) + cos(x)), with sin and cos of
     * x / 4 by Taylor polynomials and two angle doublings. Both agree with the libm functions to within a few units
     * in the last place of a double.
     */
    static void coefficients(double[] e, double[] centre, double[] tmp, int n, double sampleRate) {
        // small loops: HotSpot only vectorises a loop whose body is small enough to unroll
        double hi = 0.45 * sampleRate;
        double w = Math.PI / sampleRate * 0.25;
        for (int i = 0; i < n; i++) {
            double y = e[i] * 0.0625;
            e[i] = 1 + y * (1 + y * (1.0 / 2 + y * (1.0 / 6 + y * (1.0 / 24 + y * (1.0 / 120 + y * (1.0 / 720
                    + y * (1.0 / 5040 + y * (1.0 / 40320 + y * (1.0 / 362880 + y * (1.0 / 3628800
                    + y * (1.0 / 39916800)))))))))));
        }
        for (int i = 0; i < n; i++) {
            double p = e[i];
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            e[i] = Math.max(20.0, Math.min(centre[i] * p, hi)) * w;
        }
        for (int i = 0; i < n; i++) {
            double x = e[i];
            double x2 = x * x;
            tmp[i] = x * (1 + x2 * (-1.0 / 6 + x2 * (1.0 / 120 + x2 * (-1.0 / 5040 + x2 * (1.0 / 362880
                    + x2 * (-1.0 / 39916800 + x2 * (1.0 / 6227020800.0)))))));
        }
        for (int i = 0; i < n; i++) {
            double x = e[i];
            double x2 = x * x;
            e[i] = 1 + x2 * (-1.0 / 2 + x2 * (1.0 / 24 + x2 * (-1.0 / 720 + x2 * (1.0 / 40320
                    + x2 * (-1.0 / 3628800 + x2 * (1.0 / 479001600 + x2 * (-1.0 / 87178291200.0)))))));
        }
        for (int i = 0; i < n; i++) {
            double s = tmp[i];
            double c = e[i];
            double s2 = 2 * s * c;
            double c2 = (c - s) * (c + s);
            double s4 = 2 * s2 * c2;
            double c4 = (c2 - s2) * (c2 + s2);
            e[i] = (s4 - c4) / (s4 + c4);
        }
    }

    /**
     * The whole block without a stage fade, both channels in one pass: channelSample with tapFrom = tapTo = the
     * last stage's output, state in locals. Returns the sum of the outputs (for the non-finite check).
     */
    private double steadyStereo(float[] left, float[] right, int n) {
        double[] zl = state[0];
        double[] zr = state[1];
        double lastL = lastOut[0];
        double lastR = lastOut[1];
        double[] cl = coefL;
        double[] cr = coefR;
        double[] fbr = fbRow;
        double[] gr = gainRow;
        int stages = stagesTo;
        double check = 0;
        for (int i = 0; i < n; i++) {
            double fb = fbr[i];
            double al = cl[i];
            double ar = cr[i];
            double xl = left[i];
            double xr = right[i];
            double sl = xl + fb * lastL;
            double sr = xr + fb * lastR;
            for (int k = 0; k < stages; k++) {
                double yl = al * sl + zl[k];
                double yr = ar * sr + zr[k];
                zl[k] = DspMath.flush(sl - al * yl);
                zr[k] = DspMath.flush(sr - ar * yr);
                sl = yl;
                sr = yr;
            }
            lastL = DspMath.flush(sl);
            lastR = DspMath.flush(sr);
            double g = gr[i];
            double outL = g * (xl + sl);
            double outR = g * (xr + sr);
            left[i] = (float) DspMath.flush(outL);
            right[i] = (float) DspMath.flush(outR);
            check += outL;
            check += outR;
        }
        lastOut[0] = lastL;
        lastOut[1] = lastR;
        return check;
    }

    /** {@link #steadyStereo} for the left voice alone. */
    private double steadyMono(float[] left, int n) {
        double[] zl = state[0];
        double lastL = lastOut[0];
        double[] cl = coefL;
        double[] fbr = fbRow;
        double[] gr = gainRow;
        int stages = stagesTo;
        double check = 0;
        for (int i = 0; i < n; i++) {
            double al = cl[i];
            double xl = left[i];
            double sl = xl + fbr[i] * lastL;
            for (int k = 0; k < stages; k++) {
                double yl = al * sl + zl[k];
                zl[k] = DspMath.flush(sl - al * yl);
                sl = yl;
            }
            lastL = DspMath.flush(sl);
            double outL = gr[i] * (xl + sl);
            left[i] = (float) DspMath.flush(outL);
            check += outL;
        }
        lastOut[0] = lastL;
        return check;
    }

    private double channelSample(int c, double x, double a, double fb, double gain) {
        double[] z = state[c];
        double s = x + fb * lastOut[c];
        double tapFrom = 0;
        double tapTo = 0;
        int stages = Math.max(stagesFrom, stagesTo);
        for (int k = 0; k < stages; k++) {
            double y = a * s + z[k];
            z[k] = DspMath.flush(s - a * y);
            s = y;
            if (k + 1 == stagesFrom) {
                tapFrom = s;
            }
            if (k + 1 == stagesTo) {
                tapTo = s;
            }
        }
        double wet = stageFade >= 1.0 ? tapTo : tapFrom + (tapTo - tapFrom) * stageFade;
        lastOut[c] = DspMath.flush(wet);
        return gain * (x + wet);
    }

    private void finishStageFade() {
        stagesFrom = stagesTo;
        for (int c = 0; c < 2; c++) {
            for (int k = stagesTo; k < MAX_STAGES; k++) {
                state[c][k] = 0.0;
            }
        }
    }
}
