package org.mixlab.dsp;

import java.util.Arrays;
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
 * <p>
 * Processing runs in passes of up to 256 samples, shorter than every line, so each line is read for the whole pass
 * before the pass is written back ({@link DelayLineBank}); the arithmetic then runs as loops over the pass that the
 * JIT vectorises. Parameters still glide in steps of 32 samples.
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
    private static final int TANK_MAX = 256;
    /** Lines processed together in a tank pass (the absorption's interleave, the Hadamard's inner stages). */
    private static final int GROUP = 8;
    private static final double FLOAT_MAX = Float.MAX_VALUE;
    /** Distance from an integer delay within which the modulated reads do not trust the computed delay's side. */
    private static final double BOUNDARY_MARGIN = 1e-9;
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
    private final double[] baseLen = new double[LINES];
    private final double[] modSin = new double[LINES];
    private final double[] modCos = new double[LINES];
    private final double[] outSignL = new double[LINES];
    private final double[] outSignR = new double[LINES];
    private final double[] injSign = new double[LINES];
    private final double[] modRateHz = new double[LINES];
    private final double[] gainLo = new double[LINES];
    private final double[] gainHi = new double[LINES];
    /**
     * The absorption shelf's weights of its input and of its low-pass, gainHi / 4 and (gainLo - gainHi) / 4: the
     * Hadamard matrix's scaling by 1/4 is folded in, which changes no result (scaling by a power of two is exact).
     */
    private final double[] shelfHi = new double[LINES];
    private final double[] shelfLp = new double[LINES];
    private final double[] lpState = new double[LINES];
    private double lpCoef;
    private double modDepth;
    /** Samples per tank pass (a multiple of CHUNK, shorter than every line); CHUNK stays the control-rate step. */
    private int tankChunk = CHUNK;
    private final DelayLineBank tank = new DelayLineBank(LINES, TANK_MAX);
    /**
     * Per line, cos and sin of the modulation phase's advance over 0..TANK_MAX samples: the phase at sample j of a
     * pass is the pass's starting phasor rotated by entry j, and entry m moves it on to the next pass.
     */
    private final double[][] modStepCos = new double[LINES][TANK_MAX + 1];
    private final double[][] modStepSin = new double[LINES][TANK_MAX + 1];
    private final double[] chunkInL = new double[TANK_MAX];
    private final double[] chunkInR = new double[TANK_MAX];
    private final double[] chunkScale = new double[TANK_MAX];
    private final double[] chunkOutL = new double[TANK_MAX];
    private final double[] chunkOutR = new double[TANK_MAX];
    /** Per line, its pass of samples: read, absorbed, mixed, then its input. */
    private final double[][] rows = new double[LINES][TANK_MAX];
    private final double[] delayRow = new double[TANK_MAX];
    private final double[] smallest = new double[TANK_MAX];
    /** Absorption coefficients of the control steps of the current tank pass that recomputed them. */
    private final double[][] stepShelfHi = new double[TANK_MAX / CHUNK][LINES];
    private final double[][] stepShelfLp = new double[TANK_MAX / CHUNK][LINES];
    private final double[] stepLpCoef = new double[TANK_MAX / CHUNK];
    private int updatedSteps;

    /** The input diffusers: lines 0..3 the left allpasses in order, 4..7 the right ones. */
    private final DelayLineBank diffusers = new DelayLineBank(8, TANK_MAX);
    private final int[] diffLen = new int[8];
    /** The longest stretch the diffusers can process at once: their shortest delay, at most a tank pass. */
    private int diffBlock = 1;
    /** Per diffuser, the values to write after the pass (kept until the pass's denormal check). */
    private final double[][] diffWrite = new double[8][TANK_MAX];
    private final double[] diffSignal = new double[TANK_MAX];
    private final DelayLine[] preDelay = {new DelayLine(), new DelayLine()};
    private final CrossfadeTap preTap = new CrossfadeTap();
    /**
     * The low cut: two first-order high-passes per side, x - lowpass(x) with the {@link OnePole} low-pass; states
     * left stage 1, left stage 2, right stage 1, right stage 2, flushed once per control step like the absorption
     * states (without input a state shrinks by the factor |1 - 2 coefficient| per sample, at least 0.41 for corners
     * up to 1 kHz at 8 kHz and above, so from the flush floor it cannot reach the denormal range within a step).
     */
    private final double[] lowCutState = new double[4];
    private double lowCutCoef = 0.5;

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
            modRateHz[i] = 0.3 + 0.8 * ((i * 5) % LINES) / (LINES - 1.0);
            // two orthogonal +-1 output patterns (parity of bits 0,2 and of bits 1,3); inputs alternate in sign
            outSignL[i] = (Integer.bitCount(i & 0b0101) & 1) == 0 ? 1 : -1;
            outSignR[i] = (Integer.bitCount(i & 0b1010) & 1) == 0 ? 1 : -1;
            injSign[i] = (i & 2) == 0 ? 1 : -1;
        }
        prepare(new ProcessSpec(44100, 512, 2));
    }

    /** {@inheritDoc} Output is 100 % wet, so as an insert it starts at 25 %: a quarter reverb, three quarters dry. */
    @Override
    public double insertMixDefault() {
        return 0.25;
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
            tank.setMaximumDelay(i, max);
            double w = 2 * Math.PI * modRateHz[i] / sampleRate;
            for (int j = 0; j <= TANK_MAX; j++) {
                modStepCos[i][j] = Math.cos(j * w);
                modStepSin[i][j] = Math.sin(j * w);
            }
        }
        modDepth = MOD_DEPTH_MS * sampleRate / 1000.0;
        // the shortest delay any line can have (smallest size, modulation at its trough) bounds the tank pass: a
        // pass of length m reads up to m - 1 samples ahead and the cubic read needs 2 more
        double shortest = Double.MAX_VALUE;
        for (int i = 0; i < LINES; i++) {
            shortest = Math.min(shortest, baseLen[i] * scaleFor(0));
        }
        int fit = (int) Math.floor(shortest - modDepth) - 2;
        tankChunk = Math.max(CHUNK, Math.min(TANK_MAX, fit / CHUNK * CHUNK));
        for (int k = 0; k < 4; k++) {
            diffLen[k] = Math.max(1, (int) Math.round(DIFF_MS_L[k] * sampleRate / 1000.0));
            diffLen[4 + k] = Math.max(1, (int) Math.round(DIFF_MS_R[k] * sampleRate / 1000.0));
        }
        diffBlock = TANK_MAX;
        for (int k = 0; k < 8; k++) {
            diffusers.setMaximumDelay(k, diffLen[k]);
            diffBlock = Math.min(diffBlock, diffLen[k]);
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
        tank.reset();
        for (int i = 0; i < LINES; i++) {
            lpState[i] = 0;
            modSin[i] = Math.sin(2 * Math.PI * i / LINES);
            modCos[i] = Math.cos(2 * Math.PI * i / LINES);
        }
        diffusers.reset();
        preDelay[0].reset();
        preDelay[1].reset();
        Arrays.fill(lowCutState, 0.0);
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
            shelfHi[i] = 0.25 * gainHi[i];
            shelfLp[i] = 0.25 * (gainLo[i] - gainHi[i]);
        }
        lpCoef = OnePole.coefficient(corner, sampleRate);
        lowCutCoef = OnePole.coefficient(lowCutHz.current(), sampleRate);
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
        for (int start = 0; start < n; start += tankChunk) {
            int m = Math.min(n - start, tankChunk);
            // 1. input path: low cut and pre-delay sample by sample (coefficients move on every CHUNK), then the
            //    diffusers a block at a time
            updatedSteps = 0;
            for (int step = 0; step * CHUNK < m; step++) {
                int from = step * CHUNK;
                int to = Math.min(m, from + CHUNK);
                if (coefficientsDirty) {
                    decayS.skip(to - from);
                    damping.skip(to - from);
                    lowCutHz.skip(to - from);
                    updateCoefficients();
                    // while parameters glide every step updates, so the updated steps are the first ones
                    System.arraycopy(shelfHi, 0, stepShelfHi[step], 0, LINES);
                    System.arraycopy(shelfLp, 0, stepShelfLp[step], 0, LINES);
                    stepLpCoef[step] = lpCoef;
                    updatedSteps = step + 1;
                }
                double g = lowCutCoef;
                double l1 = lowCutState[0];
                double l2 = lowCutState[1];
                double r1 = lowCutState[2];
                double r2 = lowCutState[3];
                for (int j = from; j < to; j++) {
                    double xl = left[start + j];
                    double xr = stereo ? right[start + j] : xl;
                    double v = (xl - l1) * g;
                    double lp = v + l1;
                    l1 = lp + v;
                    xl = xl - lp;
                    v = (xl - l2) * g;
                    lp = v + l2;
                    l2 = lp + v;
                    xl = xl - lp;
                    v = (xr - r1) * g;
                    lp = v + r1;
                    r1 = lp + v;
                    xr = xr - lp;
                    v = (xr - r2) * g;
                    lp = v + r2;
                    r2 = lp + v;
                    xr = xr - lp;
                    preDelay[0].write(xl);
                    preDelay[1].write(xr);
                    preTap.begin();
                    double pl = preTap.read(preDelay[0]);
                    double pr = preTap.read(preDelay[1]);
                    preTap.advance();
                    chunkInL[j] = pl;
                    chunkInR[j] = pr;
                    chunkScale[j] = sizeScale.next();
                }
                lowCutState[0] = DspMath.flush(l1);
                lowCutState[1] = DspMath.flush(l2);
                lowCutState[2] = DspMath.flush(r1);
                lowCutState[3] = DspMath.flush(r2);
            }
            for (int from = 0; from < m; from += diffBlock) {
                diffuse(from, Math.min(m - from, diffBlock));
            }
            // 2. the network, a pass at a time (every line is longer than a pass, so a pass's reads precede its
            //    writes)
            tankPass(m);
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

    /**
     * One pass of the network over the pass's m samples. The work goes a group of eight lines at a time while their
     * rows are still in the cache: reads and output taps, absorption, and the three butterfly stages that stay
     * within the group; then the last stage pairs the groups, and the input is injected and the lines written.
     */
    private void tankPass(int m) {
        double[][] v = rows;
        double[] yl = chunkOutL;
        double[] yr = chunkOutR;
        for (int j = 0; j < m; j++) {
            yl[j] = 0;
            yr[j] = 0;
        }
        boolean fixedSize = chunkScale[0] == chunkScale[m - 1]; // the size glides monotonically or not at all
        for (int g = 0; g < LINES; g += GROUP) {
            for (int i = g; i < g + GROUP; i++) {
                readLine(i, m, fixedSize);
            }
            // output taps: two orthogonal sign patterns over the lines, summed in line order, four lines a loop
            for (int i = g; i < g + GROUP; i += 4) {
                double[] r0 = v[i];
                double[] r1 = v[i + 1];
                double[] r2 = v[i + 2];
                double[] r3 = v[i + 3];
                double l0 = outSignL[i];
                double l1 = outSignL[i + 1];
                double l2 = outSignL[i + 2];
                double l3 = outSignL[i + 3];
                double q0 = outSignR[i];
                double q1 = outSignR[i + 1];
                double q2 = outSignR[i + 2];
                double q3 = outSignR[i + 3];
                for (int j = 0; j < m; j++) {
                    double x0 = r0[j];
                    double x1 = r1[j];
                    double x2 = r2[j];
                    double x3 = r3[j];
                    yl[j] = yl[j] + l0 * x0 + l1 * x1 + l2 * x2 + l3 * x3;
                    yr[j] = yr[j] + q0 * x0 + q1 * x1 + q2 * x2 + q3 * x3;
                }
            }
            absorb(g, m);
            // mixing: the Hadamard transform of every column (its 1/4 is in the shelves)
            for (int h = 1; h < GROUP; h <<= 1) {
                for (int b = g; b < g + GROUP; b += 2 * h) {
                    for (int i = b; i < b + h; i++) {
                        butterfly(v[i], v[i + h], m);
                    }
                }
            }
        }
        for (int j = 0; j < m; j++) {
            yl[j] = 0.25 * yl[j];
            yr[j] = 0.25 * yr[j];
        }
        // the last butterfly stage, the injection and the writes. DspMath.flush on each line input is the identity,
        // and DelayLineBank.writeBlock's rounding equals the float cast, when every value's magnitude lies strictly
        // between the denormal floor and the float range: then (|x| - floor) (FLOAT_MAX - |x|) is positive (no
        // factor can be negative together with the other; NaN or -infinity if x is not finite, and no underflow:
        // the smallest positive first factor, 1.3e-41, times the second is about 4e-3), so the minimum over the
        // pass tells. Otherwise the pass is written again, value by value.
        double[] small = smallest;
        for (int j = 0; j < m; j++) {
            small[j] = Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < GROUP; i++) {
            butterfly(v[i], v[i + GROUP], m);
        }
        for (int i = 0; i < LINES; i++) {
            inject(i, m);
        }
        if (!(leastOf(small, m) > 0)) {
            rewriteExactly(m);
        }
    }

    /** Rewrites the pass's line inputs with DspMath.flush on each value and the exact float cast. */
    private void rewriteExactly(int m) {
        for (int i = 0; i < LINES; i++) {
            double[] row = rows[i];
            for (int j = 0; j < m; j++) {
                row[j] = DspMath.flush(row[j]);
            }
            tank.rewriteBlockAnyValues(i, row, m);
        }
    }

    /** Line i's input (mixed output plus injected input) for the pass, checked into smallest and written. */
    private void inject(int i, int m) {
        double[] row = rows[i];
        double[] in = (i & 1) == 0 ? chunkInL : chunkInR;
        double[] small = smallest;
        double sign = injSign[i];
        for (int j = 0; j < m; j++) {
            double x = row[j] + in[j] * sign;
            row[j] = x;
            double a = Math.abs(x);
            small[j] = Math.min(small[j], (a - DspMath.DENORMAL_FLOOR) * (FLOAT_MAX - a));
        }
        tank.writeBlock(i, row, m);
    }

    /**
     * Reads line i for the pass into its row, with modulation: a table of per-sample rotations of its phase. While
     * the size holds still the delay's range over the pass follows from the sine's: when it spans one integer, or two
     * with the delay monotonic, the reads split into at most two stretches of constant integer delay without looking
     * at every sample (values within 1e-9 of an integer boundary, far above the rounding noise of about 1e-12 of the
     * computed delays, fall back to the per-sample split).
     */
    private void readLine(int i, int m, boolean fixedSize) {
        double[] c = modStepCos[i];
        double[] sn = modStepSin[i];
        double ms = modSin[i];
        double mc = modCos[i];
        double base = baseLen[i];
        double depth = modDepth;
        double[] scale = chunkScale;
        double[] d = delayRow;
        modSin[i] = ms * c[m] + mc * sn[m];
        modCos[i] = mc * c[m] - ms * sn[m];
        int first = -1;
        int second = -1;
        int split = m;
        if (fixedSize) {
            // the range of the sine over the pass: its end points, or +-1 where its cosine changes sign
            double s1 = ms * c[m - 1] + mc * sn[m - 1];
            double c1 = mc * c[m - 1] - ms * sn[m - 1];
            double sMax = mc > 0 && c1 <= 0 ? 1.0 : Math.max(ms, s1);
            double sMin = mc < 0 && c1 >= 0 ? -1.0 : Math.min(ms, s1);
            double centre = base * scale[0];
            double lo = centre + depth * sMin - BOUNDARY_MARGIN;
            double hi = centre + depth * sMax + BOUNDARY_MARGIN;
            int kLo = (int) lo;
            int kHi = (int) hi;
            boolean rising = mc > 1e-6 && c1 > 1e-6;
            boolean falling = mc < -1e-6 && c1 < -1e-6;
            if (lo >= 2 && tank.acceptsIntegerDelay(i, kLo) && tank.acceptsIntegerDelay(i, kHi)
                    && (kHi == kLo || (kHi == kLo + 1 && (rising || falling)))) {
                // delays minus kLo: exact, as both are within a few samples of each other
                double k = kLo;
                for (int j = 0; j < m; j++) {
                    d[j] = base * scale[j] + depth * (ms * c[j] + mc * sn[j]) - k;
                }
                if (kHi == kLo) {
                    first = kLo;
                    second = kLo;
                } else {
                    // the first sample on the other side of kHi (1 here), by bisection
                    int a = 0;
                    int b = m;
                    while (a < b) {
                        int mid = (a + b) >>> 1;
                        if ((d[mid] >= 1.0) == rising) {
                            b = mid;
                        } else {
                            a = mid + 1;
                        }
                    }
                    if ((a == 0 || Math.abs(d[a - 1] - 1.0) > BOUNDARY_MARGIN)
                            && (a == m || Math.abs(d[a] - 1.0) > BOUNDARY_MARGIN)) {
                        split = a;
                        first = rising ? kLo : kHi;
                        second = rising ? kHi : kLo;
                        // the fractions of the samples at kHi: minus 1 more (exact)
                        int from = rising ? split : 0;
                        int to = rising ? m : split;
                        for (int j = from; j < to; j++) {
                            d[j] = d[j] - 1.0;
                        }
                    }
                }
            }
        }
        if (first >= 0) {
            tank.readCubicBlock(i, first, split, second, d, m, rows[i]);
        } else {
            delays(d, m, base, ms, mc, c, sn);
            tank.readCubicBlock(i, d, m, rows[i]);
        }
    }

    /** The modulated delays of a line over the pass: base * scale[j] + depth * (its sine at sample j). */
    private void delays(double[] d, int m, double base, double ms, double mc, double[] c, double[] sn) {
        double[] scale = chunkScale;
        double depth = modDepth;
        for (int j = 0; j < m; j++) {
            d[j] = base * scale[j] + depth * (ms * c[j] + mc * sn[j]);
        }
    }

    /**
     * Absorption shelf of lines g..g+7, (gainHi x + (gainLo - gainHi) lowpass(x)) / 4, in place on their rows; the
     * eight lines side by side so that eight independent recursions overlap. The states are flushed at the end of
     * every control step (they can only drift towards denormals over many samples).
     */
    private void absorb(int g, int m) {
        double[][] v = rows;
        double[] r0 = v[g];
        double[] r1 = v[g + 1];
        double[] r2 = v[g + 2];
        double[] r3 = v[g + 3];
        double[] r4 = v[g + 4];
        double[] r5 = v[g + 5];
        double[] r6 = v[g + 6];
        double[] r7 = v[g + 7];
        double s0 = lpState[g];
        double s1 = lpState[g + 1];
        double s2 = lpState[g + 2];
        double s3 = lpState[g + 3];
        double s4 = lpState[g + 4];
        double s5 = lpState[g + 5];
        double s6 = lpState[g + 6];
        double s7 = lpState[g + 7];
        for (int step = 0; step * CHUNK < m; step++) {
            double[] hi = step < updatedSteps ? stepShelfHi[step] : shelfHi;
            double[] df = step < updatedSteps ? stepShelfLp[step] : shelfLp;
            double c = step < updatedSteps ? stepLpCoef[step] : lpCoef;
            double h0 = hi[g];
            double h1 = hi[g + 1];
            double h2 = hi[g + 2];
            double h3 = hi[g + 3];
            double h4 = hi[g + 4];
            double h5 = hi[g + 5];
            double h6 = hi[g + 6];
            double h7 = hi[g + 7];
            double d0 = df[g];
            double d1 = df[g + 1];
            double d2 = df[g + 2];
            double d3 = df[g + 3];
            double d4 = df[g + 4];
            double d5 = df[g + 5];
            double d6 = df[g + 6];
            double d7 = df[g + 7];
            int to = Math.min(m, step * CHUNK + CHUNK);
            for (int j = step * CHUNK; j < to; j++) {
                double x0 = r0[j];
                double l0 = (x0 - s0) * c;
                double p0 = l0 + s0;
                s0 = p0 + l0;
                r0[j] = h0 * x0 + d0 * p0;
                double x1 = r1[j];
                double l1 = (x1 - s1) * c;
                double p1 = l1 + s1;
                s1 = p1 + l1;
                r1[j] = h1 * x1 + d1 * p1;
                double x2 = r2[j];
                double l2 = (x2 - s2) * c;
                double p2 = l2 + s2;
                s2 = p2 + l2;
                r2[j] = h2 * x2 + d2 * p2;
                double x3 = r3[j];
                double l3 = (x3 - s3) * c;
                double p3 = l3 + s3;
                s3 = p3 + l3;
                r3[j] = h3 * x3 + d3 * p3;
                double x4 = r4[j];
                double l4 = (x4 - s4) * c;
                double p4 = l4 + s4;
                s4 = p4 + l4;
                r4[j] = h4 * x4 + d4 * p4;
                double x5 = r5[j];
                double l5 = (x5 - s5) * c;
                double p5 = l5 + s5;
                s5 = p5 + l5;
                r5[j] = h5 * x5 + d5 * p5;
                double x6 = r6[j];
                double l6 = (x6 - s6) * c;
                double p6 = l6 + s6;
                s6 = p6 + l6;
                r6[j] = h6 * x6 + d6 * p6;
                double x7 = r7[j];
                double l7 = (x7 - s7) * c;
                double p7 = l7 + s7;
                s7 = p7 + l7;
                r7[j] = h7 * x7 + d7 * p7;
            }
            s0 = DspMath.flush(s0);
            s1 = DspMath.flush(s1);
            s2 = DspMath.flush(s2);
            s3 = DspMath.flush(s3);
            s4 = DspMath.flush(s4);
            s5 = DspMath.flush(s5);
            s6 = DspMath.flush(s6);
            s7 = DspMath.flush(s7);
        }
        lpState[g] = s0;
        lpState[g + 1] = s1;
        lpState[g + 2] = s2;
        lpState[g + 3] = s3;
        lpState[g + 4] = s4;
        lpState[g + 5] = s5;
        lpState[g + 6] = s6;
        lpState[g + 7] = s7;
    }

    /** One butterfly of the Walsh-Hadamard transform on two rows: a, b become a + b, a - b. */
    private static void butterfly(double[] a, double[] b, int m) {
        for (int j = 0; j < m; j++) {
            double x = a[j];
            double y = b[j];
            a[j] = x + y;
            b[j] = x - y;
        }
    }

    private void renormalizeModulation() {
        for (int i = 0; i < LINES; i++) {
            double m = Math.sqrt(modSin[i] * modSin[i] + modCos[i] * modCos[i]);
            modSin[i] /= m;
            modCos[i] /= m;
        }
    }

    /**
     * The four allpasses of each side on samples from..from+n-1 of the pass (n at most the shortest diffuser, so
     * every read precedes the block's writes), in place on the pass's input rows.
     */
    private void diffuse(int from, int n) {
        double[] small = smallest;
        for (int j = 0; j < n; j++) {
            small[j] = Double.POSITIVE_INFINITY;
        }
        double[] delayed = delayRow;
        double[] s = diffSignal;
        for (int k = 0; k < 8; k++) {
            double[] io = k < 4 ? chunkInL : chunkInR;
            if ((k & 3) == 0) {
                System.arraycopy(io, from, s, 0, n); // every row at index j: loops over offset rows do not vectorise
            }
            double g = DIFF_G[k & 3];
            double[] wr = diffWrite[k];
            diffusers.readBlock(k, diffLen[k], n, delayed);
            for (int j = 0; j < n; j++) {
                double dl = delayed[j];
                double w = s[j] + g * dl;
                s[j] = dl - g * w;
                wr[j] = w;
                double a = Math.abs(w);
                small[j] = Math.min(small[j], (a - DspMath.DENORMAL_FLOOR) * (FLOAT_MAX - a));
            }
            if ((k & 3) == 3) {
                System.arraycopy(s, 0, io, from, n);
            }
        }
        // DspMath.flush is the identity on every written value unless one is tiny or not finite (see tankPass)
        if (leastOf(small, n) > 0) {
            for (int k = 0; k < 8; k++) {
                diffusers.writeBlock(k, diffWrite[k], n);
            }
        } else {
            writeDiffusersExactly(n);
        }
    }

    /** Writes the diffusers' values with DspMath.flush on each and the exact float cast. */
    private void writeDiffusersExactly(int n) {
        for (int k = 0; k < 8; k++) {
            double[] wr = diffWrite[k];
            for (int j = 0; j < n; j++) {
                wr[j] = DspMath.flush(wr[j]);
            }
            diffusers.writeBlockAnyValues(k, wr, n);
        }
    }

    /** The smallest of a[0..n) (NaN if any is NaN); overwrites a. */
    private static double leastOf(double[] a, int n) {
        int len = n;
        // halve while the length is even: elementwise minima of two halves, a loop that vectorises
        while (len >= 16 && (len & 1) == 0) {
            int half = len >> 1;
            for (int j = 0; j < half; j++) {
                a[j] = Math.min(a[j], a[j + half]);
            }
            len = half;
        }
        double least = Double.POSITIVE_INFINITY;
        for (int j = 0; j < len; j++) {
            least = Math.min(least, a[j]);
        }
        return least;
    }
}
