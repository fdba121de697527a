package org.mixlab.dsp;

import java.util.List;

/**
 * Algorithmic stereo reverb (type id {@code reverb}), 100 % wet: low cut, pre-delay, four input-diffusion allpasses
 * per side, then a 16-line feedback delay network.
 * <ul>
 *   <li>Lines: prime lengths spread geometrically over 20..90 ms at size 50 %, scaled by size (x0.4 at 0 %, x1.6 at
 *       100 %), each slowly modulated (0.2 ms, 0.3..1.1 Hz, read with cubic interpolation) so no mode rings.</li>
 *   <li>Mixing: the 16 x 16 Hadamard matrix (fast Walsh-Hadamard transform, scaled by 1/4, so it is orthogonal and
 *       the network is lossless before the absorption filters).</li>
 *   <li>Absorption: every line of length L has a first-order shelf whose gain at 700 Hz is exactly
 *       10^(-3 L / (fs T60)), so mid frequencies decay 60 dB in the set decay time, and whose high-frequency gain
 *       does the same for T60 x (1 - 0.8 damping) above a corner that moves from 10 kHz (damping 0) to 3 kHz
 *       (damping 100 %). Lows decay slightly slower than mids when damping is high, as in real rooms.</li>
 *   <li>Stereo: left feeds the even lines, right the odd lines; the outputs are two orthogonal sign patterns over all
 *       16 lines (decorrelated), and width scales the side signal. A mono block is fed to both sides and the two
 *       outputs are averaged.</li>
 * </ul>
 * A bit of the diffused input is added to the output so the onset has no gap before the first line returns.
 */
public final class ReverbProcessor extends Processor {
    /** Parameter index of preDelayMs: 0..200 ms, default 20. */
    public static final int PRE_DELAY_MS = 0;
    /** Parameter index of sizePct: 0..100 %, default 50. */
    public static final int SIZE_PCT = 1;
    /** Parameter index of decayS (RT60 at mid frequencies): 0.2..10 s, log, default 1.8. */
    public static final int DECAY_S = 2;
    /** Parameter index of dampingPct: 0..100 %, default 50. */
    public static final int DAMPING_PCT = 3;
    /** Parameter index of widthPct: 0..100 %, default 100. */
    public static final int WIDTH_PCT = 4;
    /** Parameter index of lowCutHz: 20..1000 Hz, log, default 100. */
    public static final int LOW_CUT_HZ = 5;

    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.linear("preDelayMs", "Pre-delay", "ms", 0, 200, 20),
            ParamSpec.linear("sizePct", "Size", "%", 0, 100, 50),
            ParamSpec.log("decayS", "Decay", "s", 0.2, 10, 1.8),
            ParamSpec.linear("dampingPct", "Damping", "%", 0, 100, 50),
            ParamSpec.linear("widthPct", "Width", "%", 0, 100, 100),
            ParamSpec.log("lowCutHz", "Low cut", "Hz", 20, 1000, 100));

    private static final int LINES = 16;
    private static final double MIN_LINE_MS = 20;
    private static final double MAX_LINE_MS = 90;
    private static final double MOD_DEPTH_MS = 0.2;
    private static final double MAX_SCALE = 1.6;
    private static final int CHUNK = 32;
    /** Diffuser lengths in ms (left, right) and coefficients. */
    private static final double[] DIFF_MS_L = {4.77, 3.59, 12.73, 9.30};
    private static final double[] DIFF_MS_R = {4.99, 3.73, 12.13, 8.93};
    private static final double[] DIFF_G = {0.70, 0.70, 0.62, 0.62};
    /** Frequency at which the decay time equals the set decay exactly ("mid", between the 500 Hz and 1 kHz bands). */
    static final double MID_REFERENCE_HZ = 700.0;
    private static final double MAX_LOOP_GAIN = 0.9995;
    private static final double EARLY_GAIN = 0.35;
    private static final double OUTPUT_GAIN = 0.5;

    private double sampleRate = 44100;
    private final DelayLine[] lines = new DelayLine[LINES];
    private final double[] baseLen = new double[LINES];
    private final double[] modSin = new double[LINES];
    private final double[] modCos = new double[LINES];
    private final double[] modRotSin = new double[LINES];
    private final double[] modRotCos = new double[LINES];
    private final double[] outSignL = new double[LINES];
    private final double[] outSignR = new double[LINES];
    private final double[] injSign = new double[LINES];
    private final double[] modRateHz = new double[LINES];
    private final double[] gainLo = new double[LINES];
    private final double[] gainHi = new double[LINES];
    private final double[] lpState = new double[LINES];
    private final double[] tmp = new double[LINES];
    private final double[] chunkInL = new double[CHUNK];
    private final double[] chunkInR = new double[CHUNK];
    private final double[] chunkScale = new double[CHUNK];
    private final double[] chunkOutL = new double[CHUNK];
    private final double[] chunkOutR = new double[CHUNK];
    private final double[][] lineOut = new double[LINES][CHUNK];
    private final double[][] lineIn = new double[LINES][CHUNK];
    private double lpCoef;
    private double modDepth;

    private final DelayLine[] diffL = new DelayLine[4];
    private final DelayLine[] diffR = new DelayLine[4];
    private final int[] diffLenL = new int[4];
    private final int[] diffLenR = new int[4];
    private final DelayLine[] preDelay = {new DelayLine(), new DelayLine()};
    private final CrossfadeTap preTap = new CrossfadeTap();
    private final OnePole[] lowCut1 = {new OnePole(), new OnePole()};
    private final OnePole[] lowCut2 = {new OnePole(), new OnePole()};

    private final SmoothedValue sizeScale = new SmoothedValue(1.0, false);
    private final SmoothedValue decayS = new SmoothedValue(1.8, true);
    private final SmoothedValue damping = new SmoothedValue(0.5, false);
    private final SmoothedValue width = new SmoothedValue(1.0, false);
    private final SmoothedValue lowCutHz = new SmoothedValue(100, true);
    private boolean coefficientsDirty = true;

    /** Creates a reverb with default parameters; call prepare before processing. */
    public ReverbProcessor() {
        super(PARAMS);
        for (int i = 0; i < LINES; i++) {
            lines[i] = new DelayLine();
        }
        for (int k = 0; k < 4; k++) {
            diffL[k] = new DelayLine();
            diffR[k] = new DelayLine();
        }
        for (int i = 0; i < LINES; i++) {
            modRateHz[i] = 0.3 + 0.8 * ((i * 5) % LINES) / (LINES - 1.0);
            // two orthogonal +-1 output patterns (parity of bits 0,2 and of bits 1,3); inputs alternate in sign
            outSignL[i] = (Integer.bitCount(i & 0b0101) & 1) == 0 ? 1 : -1;
            outSignR[i] = (Integer.bitCount(i & 0b1010) & 1) == 0 ? 1 : -1;
            injSign[i] = (i & 2) == 0 ? 1 : -1;
        }
        prepare(new ProcessSpec(44100, 512, 2));
    }

    @Override
    public String typeId() {
        return "reverb";
    }

    @Override
    public String displayName() {
        return "Reverb";
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        double ratio = MAX_LINE_MS / MIN_LINE_MS;
        for (int i = 0; i < LINES; i++) {
            // interleave short and long lines between the left-fed (even) and right-fed (odd) halves
            int order = (i * 7) % LINES;
            double ms = MIN_LINE_MS * Math.pow(ratio, order / (LINES - 1.0));
            baseLen[i] = nearestPrimeNotIn(ms * sampleRate / 1000.0, i);
            int max = (int) Math.ceil(baseLen[i] * MAX_SCALE + MOD_DEPTH_MS * sampleRate / 1000.0) + 4;
            lines[i].setMaximumDelay(max);
            double w = 2 * Math.PI * modRateHz[i] / sampleRate;
            modRotSin[i] = Math.sin(w);
            modRotCos[i] = Math.cos(w);
        }
        modDepth = MOD_DEPTH_MS * sampleRate / 1000.0;
        for (int k = 0; k < 4; k++) {
            diffLenL[k] = Math.max(1, (int) Math.round(DIFF_MS_L[k] * sampleRate / 1000.0));
            diffLenR[k] = Math.max(1, (int) Math.round(DIFF_MS_R[k] * sampleRate / 1000.0));
            diffL[k].setMaximumDelay(diffLenL[k]);
            diffR[k].setMaximumDelay(diffLenR[k]);
        }
        int maxPre = (int) Math.ceil(0.2 * sampleRate) + 2;
        preDelay[0].setMaximumDelay(maxPre);
        preDelay[1].setMaximumDelay(maxPre);
        preTap.setFadeSamples((int) Math.round(0.05 * sampleRate));
        sizeScale.reset(sampleRate, 200);
        decayS.reset(sampleRate, 50);
        damping.reset(sampleRate, 50);
        width.reset(sampleRate, 20);
        lowCutHz.reset(sampleRate, 30);
        reset();
    }

    private double nearestPrimeNotIn(double target, int upTo) {
        int p = Math.max(2, (int) Math.round(target));
        for (int delta = 0; ; delta++) {
            for (int cand : new int[] {p + delta, p - delta}) {
                if (cand >= 2 && isPrime(cand) && !used(cand, upTo)) {
                    return cand;
                }
            }
        }
    }

    private boolean used(int cand, int upTo) {
        for (int j = 0; j < upTo; j++) {
            if (baseLen[j] == cand) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPrime(int n) {
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int d = 3; (long) d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() {
        for (int i = 0; i < LINES; i++) {
            lines[i].reset();
            lpState[i] = 0;
            modSin[i] = Math.sin(2 * Math.PI * i / LINES);
            modCos[i] = Math.cos(2 * Math.PI * i / LINES);
        }
        for (int k = 0; k < 4; k++) {
            diffL[k].reset();
            diffR[k].reset();
        }
        for (int c = 0; c < 2; c++) {
            preDelay[c].reset();
            lowCut1[c].reset();
            lowCut2[c].reset();
        }
        preTap.jumpTo(preDelaySamples() + 1);
        sizeScale.setCurrentAndTarget(scaleFor(values[SIZE_PCT]));
        decayS.setCurrentAndTarget(values[DECAY_S]);
        damping.setCurrentAndTarget(values[DAMPING_PCT] / 100.0);
        width.setCurrentAndTarget(values[WIDTH_PCT] / 100.0);
        lowCutHz.setCurrentAndTarget(values[LOW_CUT_HZ]);
        coefficientsDirty = true;
        updateCoefficients();
    }

    private static double scaleFor(double sizePct) {
        return 0.4 + 1.2 * sizePct / 100.0;
    }

    private int preDelaySamples() {
        return (int) Math.round(values[PRE_DELAY_MS] * sampleRate / 1000.0);
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        switch (index) {
            case PRE_DELAY_MS -> preTap.setTarget(preDelaySamples() + 1);
            case SIZE_PCT -> sizeScale.setTarget(scaleFor(value));
            case DECAY_S -> decayS.setTarget(value);
            case DAMPING_PCT -> damping.setTarget(value / 100.0);
            case WIDTH_PCT -> width.setTarget(value / 100.0);
            case LOW_CUT_HZ -> lowCutHz.setTarget(value);
            default -> { }
        }
        coefficientsDirty = true;
    }

    /** High-frequency decay time as a fraction of the set decay, for damping 0..1. */
    static double highDecayRatio(double damping01) {
        return 1.0 - 0.8 * damping01;
    }

    /** Corner of the damping shelf in Hz, for damping 0..1. */
    static double dampingCornerHz(double damping01) {
        return 10000.0 * Math.pow(0.3, damping01);
    }

    private void updateCoefficients() {
        double t60 = decayS.current();
        double d = damping.current();
        double scale = sizeScale.current();
        double tHi = t60 * highDecayRatio(d);
        double corner = dampingCornerHz(d);
        // the shelf's low-pass at the reference frequency is 1 / (1 + j r) (bilinear, prewarped)
        double r = Math.tan(Math.PI * MID_REFERENCE_HZ / sampleRate) / Math.tan(Math.PI * corner / sampleRate);
        double c2 = 1.0 / (1.0 + r * r); // |LP|^2 and also Re(LP)
        for (int i = 0; i < LINES; i++) {
            double len = baseLen[i] * scale;
            double gMid = Math.pow(10.0, -3.0 * len / (sampleRate * t60));
            double gHigh = Math.pow(10.0, -3.0 * len / (sampleRate * tHi));
            // choose the low gain so that |gHigh + (gLow - gHigh) LP| equals gMid exactly at the reference
            double disc = gHigh * gHigh * c2 * c2 - c2 * (gHigh * gHigh - gMid * gMid);
            double u = (-gHigh * c2 + Math.sqrt(Math.max(0.0, disc))) / c2;
            gainHi[i] = gHigh;
            gainLo[i] = Math.min(MAX_LOOP_GAIN, gHigh + u);
        }
        lpCoef = OnePole.coefficient(corner, sampleRate);
        double g = OnePole.coefficient(lowCutHz.current(), sampleRate);
        for (int c = 0; c < 2; c++) {
            lowCut1[c].setCoefficient(g);
            lowCut2[c].setCoefficient(g);
        }
        coefficientsDirty = decayS.isSmoothing() || damping.isSmoothing() || sizeScale.isSmoothing()
                || lowCutHz.isSmoothing();
    }

    @Override
    public void process(AudioBlock block) {
        int n = block.numSamples();
        boolean stereo = block.numChannels() >= 2;
        float[] left = block.channel(0);
        float[] right = stereo ? block.channel(1) : left;
        if (!FxSupport.finite(block)) {
            reset();
            block.clear();
            return;
        }
        double check = 0;
        renormalizeModulation();
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(n - start, CHUNK);
            if (coefficientsDirty) {
                decayS.skip(m);
                damping.skip(m);
                lowCutHz.skip(m);
                updateCoefficients();
            }
            // 1. input path, sample by sample: low cut, pre-delay, diffusion
            for (int j = 0; j < m; j++) {
                double xl = left[start + j];
                double xr = stereo ? right[start + j] : xl;
                xl = lowCut2[0].highpass(lowCut1[0].highpass(xl));
                xr = lowCut2[1].highpass(lowCut1[1].highpass(xr));
                preDelay[0].write(xl);
                preDelay[1].write(xr);
                preTap.begin();
                double pl = preTap.read(preDelay[0]);
                double pr = preTap.read(preDelay[1]);
                preTap.advance();
                chunkInL[j] = diffuse(diffL, diffLenL, pl);
                chunkInR[j] = diffuse(diffR, diffLenR, pr);
                chunkScale[j] = sizeScale.next();
            }
            // 2. the network, a chunk at a time (every line is longer than a chunk, so a chunk's reads precede
            //    its writes); line-major loops keep each line's memory access sequential
            tankChunk(m);
            // 3. output: early diffusion, width, gain
            for (int j = 0; j < m; j++) {
                double w = width.next();
                double l = chunkOutL[j] + EARLY_GAIN * chunkInL[j];
                double r = chunkOutR[j] + EARLY_GAIN * chunkInR[j];
                double mid = 0.5 * (l + r);
                double side = 0.5 * (l - r) * w;
                if (stereo) {
                    left[start + j] = (float) DspMath.flush(OUTPUT_GAIN * (mid + side));
                    right[start + j] = (float) DspMath.flush(OUTPUT_GAIN * (mid - side));
                } else {
                    left[start + j] = (float) DspMath.flush(OUTPUT_GAIN * mid);
                }
                check += mid + side;
            }
        }
        if (check - check != 0) {
            reset();
            block.clear();
        }
    }

    private void tankChunk(int m) {
        // reads, with modulation: a unit phasor per line rotated one sample at a time (renormalised per block)
        for (int i = 0; i < LINES; i++) {
            DelayLine line = lines[i];
            double[] out = lineOut[i];
            double ms = modSin[i];
            double mc = modCos[i];
            double rs = modRotSin[i];
            double rc = modRotCos[i];
            double base = baseLen[i];
            for (int j = 0; j < m; j++) {
                out[j] = line.readCubicAhead(j, base * chunkScale[j] + modDepth * ms);
                double ns = ms * rc + mc * rs;
                mc = mc * rc - ms * rs;
                ms = ns;
            }
            modSin[i] = ms;
            modCos[i] = mc;
        }
        double[] o = tmp;
        for (int j = 0; j < m; j++) {
            double yl = 0;
            double yr = 0;
            for (int i = 0; i < LINES; i++) {
                double v = lineOut[i][j];
                yl += outSignL[i] * v;
                yr += outSignR[i] * v;
                // absorption shelf: gainHi * x + (gainLo - gainHi) * lowpass(x)
                double s = lpState[i];
                double lv = (v - s) * lpCoef;
                double lp = lv + s;
                lpState[i] = lp + lv; // flushed once per chunk, below
                o[i] = gainHi[i] * v + (gainLo[i] - gainHi[i]) * lp;
            }
            hadamard16(o);
            double inL = chunkInL[j];
            double inR = chunkInR[j];
            for (int i = 0; i < LINES; i++) {
                double inj = ((i & 1) == 0 ? inL : inR) * injSign[i];
                lineIn[i][j] = DspMath.flush(0.25 * o[i] + inj);
            }
            chunkOutL[j] = 0.25 * yl;
            chunkOutR[j] = 0.25 * yr;
        }
        // the absorption states can only drift towards denormals over many samples: one flush per chunk is enough
        for (int i = 0; i < LINES; i++) {
            lpState[i] = DspMath.flush(lpState[i]);
        }
        for (int i = 0; i < LINES; i++) {
            DelayLine line = lines[i];
            double[] in = lineIn[i];
            for (int j = 0; j < m; j++) {
                line.write(in[j]);
            }
        }
    }

    private void renormalizeModulation() {
        for (int i = 0; i < LINES; i++) {
            double m = Math.sqrt(modSin[i] * modSin[i] + modCos[i] * modCos[i]);
            modSin[i] /= m;
            modCos[i] /= m;
        }
    }

    /** In-place unnormalised 16-point Walsh-Hadamard transform, unrolled (4 butterfly stages on locals). */
    private static void hadamard16(double[] a) {
        double a0 = a[0]; double a1 = a[1]; double a2 = a[2]; double a3 = a[3];
        double a4 = a[4]; double a5 = a[5]; double a6 = a[6]; double a7 = a[7];
        double a8 = a[8]; double a9 = a[9]; double a10 = a[10]; double a11 = a[11];
        double a12 = a[12]; double a13 = a[13]; double a14 = a[14]; double a15 = a[15];
        double s1_0 = a0 + a1; double s1_1 = a0 - a1; double s1_2 = a2 + a3; double s1_3 = a2 - a3;
        double s1_4 = a4 + a5; double s1_5 = a4 - a5; double s1_6 = a6 + a7; double s1_7 = a6 - a7;
        double s1_8 = a8 + a9; double s1_9 = a8 - a9; double s1_10 = a10 + a11; double s1_11 = a10 - a11;
        double s1_12 = a12 + a13; double s1_13 = a12 - a13; double s1_14 = a14 + a15; double s1_15 = a14 - a15;
        double s2_0 = s1_0 + s1_2; double s2_2 = s1_0 - s1_2; double s2_1 = s1_1 + s1_3; double s2_3 = s1_1 - s1_3;
        double s2_4 = s1_4 + s1_6; double s2_6 = s1_4 - s1_6; double s2_5 = s1_5 + s1_7; double s2_7 = s1_5 - s1_7;
        double s2_8 = s1_8 + s1_10; double s2_10 = s1_8 - s1_10; double s2_9 = s1_9 + s1_11; double s2_11 = s1_9 - s1_11;
        double s2_12 = s1_12 + s1_14; double s2_14 = s1_12 - s1_14; double s2_13 = s1_13 + s1_15; double s2_15 = s1_13 - s1_15;
        double s3_0 = s2_0 + s2_4; double s3_4 = s2_0 - s2_4; double s3_1 = s2_1 + s2_5; double s3_5 = s2_1 - s2_5;
        double s3_2 = s2_2 + s2_6; double s3_6 = s2_2 - s2_6; double s3_3 = s2_3 + s2_7; double s3_7 = s2_3 - s2_7;
        double s3_8 = s2_8 + s2_12; double s3_12 = s2_8 - s2_12; double s3_9 = s2_9 + s2_13; double s3_13 = s2_9 - s2_13;
        double s3_10 = s2_10 + s2_14; double s3_14 = s2_10 - s2_14; double s3_11 = s2_11 + s2_15; double s3_15 = s2_11 - s2_15;
        double s4_0 = s3_0 + s3_8; double s4_8 = s3_0 - s3_8; double s4_1 = s3_1 + s3_9; double s4_9 = s3_1 - s3_9;
        double s4_2 = s3_2 + s3_10; double s4_10 = s3_2 - s3_10; double s4_3 = s3_3 + s3_11; double s4_11 = s3_3 - s3_11;
        double s4_4 = s3_4 + s3_12; double s4_12 = s3_4 - s3_12; double s4_5 = s3_5 + s3_13; double s4_13 = s3_5 - s3_13;
        double s4_6 = s3_6 + s3_14; double s4_14 = s3_6 - s3_14; double s4_7 = s3_7 + s3_15; double s4_15 = s3_7 - s3_15;
        a[0] = s4_0; a[1] = s4_1; a[2] = s4_2; a[3] = s4_3;
        a[4] = s4_4; a[5] = s4_5; a[6] = s4_6; a[7] = s4_7;
        a[8] = s4_8; a[9] = s4_9; a[10] = s4_10; a[11] = s4_11;
        a[12] = s4_12; a[13] = s4_13; a[14] = s4_14; a[15] = s4_15;
    }

    private static double diffuse(DelayLine[] stages, int[] lens, double x) {
        double s = x;
        for (int k = 0; k < stages.length; k++) {
            double g = DIFF_G[k];
            double delayed = stages[k].readInt(lens[k]);
            double w = s + g * delayed;
            s = delayed - g * w;
            stages[k].write(DspMath.flush(w));
        }
        return s;
    }
}
