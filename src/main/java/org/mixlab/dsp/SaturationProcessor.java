package org.mixlab.dsp;

import java.util.List;

/**
 * Saturation: a memoryless waveshaper (Tape, Tube or Hard clip) driven by 0 to 24 dB, followed by a DC blocker, a
 * tilt EQ ("tone"), automatic level compensation and an output trim.
 * <p>
 * Aliasing is controlled by 4x oversampling ({@link Oversampler}) combined with first-order antiderivative
 * anti-aliasing (ADAA) of the shaper at the oversampled rate. The curves are chosen so that their antiderivatives
 * are cheap and the ADAA quotient can be written without cancellation:
 * <ul>
 *   <li>Tape: {@code f(u) = u / sqrt(1 + u^2)}, odd-symmetric, so only odd harmonics.</li>
 *   <li>Tube: the same curve biased by {@value #TUBE_BIAS} and re-centred ({@code f(0) = 0}, slope 1 at 0), so it is
 *       asymmetric and adds even harmonics; the DC it creates is removed by the DC blocker.</li>
 *   <li>Hard clip: {@code f(u) = clamp(u, -1, 1)}.</li>
 * </ul>
 * Auto gain divides by the RMS gain the shaper has on a -18 dBFS sine at the current drive (a precomputed table),
 * smoothed so that sweeping the drive never makes the level jump.
 */
public final class SaturationProcessor extends Processor {
    /** Index of the {@code type} parameter: 0 Tape, 1 Tube, 2 Hard clip; default 0. */
    public static final int TYPE = 0;
    /** Index of {@code driveDb}: 0..24 dB, default 6. */
    public static final int DRIVE_DB = 1;
    /** Index of {@code toneDb}: tilt, -6..6 dB, default 0 (positive brightens). */
    public static final int TONE_DB = 2;
    /** Index of {@code outputDb}: -12..12 dB, default 0. */
    public static final int OUTPUT_DB = 3;
    /** Index of {@code autoGain}: toggle, default 1. */
    public static final int AUTO_GAIN = 4;

    /** Tape curve. */
    public static final int TAPE = 0;
    /** Tube curve. */
    public static final int TUBE = 1;
    /** Hard clip curve. */
    public static final int HARD_CLIP = 2;

    /** Bias of the tube curve (input units before the sigmoid). */
    public static final double TUBE_BIAS = 0.35;
    /** Pivot frequency of the tilt EQ, Hz. */
    public static final double TILT_PIVOT_HZ = 1000.0;
    /** Corner of the DC blocker, Hz. */
    public static final double DC_BLOCK_HZ = 5.0;
    /** RMS level of the sine the auto-gain table is calibrated on, dBFS (its peak is 3 dB higher). */
    public static final double AUTO_GAIN_REF_DBFS = -18.0;
    /** Default oversampling factor. */
    public static final int DEFAULT_OVERSAMPLING = 4;

    private static final double TUBE_G_B = TUBE_BIAS / Math.sqrt(1 + TUBE_BIAS * TUBE_BIAS);
    private static final double TUBE_K = Math.pow(1 + TUBE_BIAS * TUBE_BIAS, 1.5);
    private static final double TABLE_STEP_DB = 0.25;
    private static final int TABLE_SIZE = (int) Math.round(24 / TABLE_STEP_DB) + 1;
    /** Auto-gain compensation in dB per type, on a 0.25 dB drive grid. */
    private static final double[][] COMP_DB = buildCompTable();
    private static final double ADAA_EPS = 1e-9;
    /**
     * Largest magnitude of a driven input sample on the float path: far beyond any audio (+360 dBFS) and small
     * enough that nothing downstream can overflow a float (squares of the 4x signal stay below 1e37).
     */
    private static final float MAX_DRIVEN = 1e18f;
    private static final float TUBE_B = (float) TUBE_BIAS;
    private static final float TUBE_2B = 2 * TUBE_B;
    private static final float TUBE_SB = (float) Math.sqrt(1 + (double) TUBE_B * TUBE_B);
    private static final float TUBE_KF = (float) TUBE_K;
    private static final float TUBE_KBS = (float) (TUBE_K * TUBE_B / Math.sqrt(1 + (double) TUBE_B * TUBE_B));

    private final Oversampler oversampler;
    private final boolean adaa;
    /** The float polyphase path of the default configuration (4x with ADAA); null otherwise. */
    private final PolyphaseOversampler poly;
    private final SmoothedValue driveDb = new SmoothedValue(6, false);
    private final SmoothedValue toneDb = new SmoothedValue(0, false);
    private final SmoothedValue outGain = new SmoothedValue(1, true);

    private double sampleRate = 48_000;
    private int type;
    private double driveGainNow = DspMath.dbToGain(6);
    private double driveDbNow = 6;
    private double dcR;
    private double tiltK;
    private double toneB0, toneB1, toneA1;
    private double toneDbNow = Double.NaN;
    private final SmoothedValue autoAmount = new SmoothedValue(1, false);
    private double compNow = 1.0;
    private double compDriveDb = Double.NaN;
    private double compAuto = Double.NaN;
    private int compType = -1;

    private double[] driveBuf = new double[0];
    private double[] gainBuf = new double[0];
    private double[] b0Buf = new double[0];
    private double[] b1Buf = new double[0];
    private double[] a1Buf = new double[0];
    private double[] compRing = new double[1];
    private int compPos;
    private double[] prevU = new double[0];
    private double[] adaaPrev = new double[0];
    private double[] adaaRoot = new double[0];
    private double[] adaaPrevRoot = new double[0];
    private float[] lastU = new float[0];
    private float[][] rootRows = new float[4][0];
    private float[][] quotRows = new float[4][0];
    private float[] prevRow = new float[0];
    private float[] prevRoot = new float[0];
    private float[] prevQuot = new float[0];
    private int steadyRun;
    private double steadyDrive = Double.NaN;
    private double[] dcX1 = new double[0];
    private double[] dcY1 = new double[0];
    private double[] tX1 = new double[0];
    private double[] tY1 = new double[0];

    /** Creates the processor with 4x oversampling and ADAA. */
    public SaturationProcessor() {
        this(DEFAULT_OVERSAMPLING, true);
    }

    /** Creates the processor with another oversampling factor (1, 2, 4 or 8) and ADAA on or off (for measurements). */
    public SaturationProcessor(int oversampling, boolean antiderivative) {
        super(List.of(
                ParamSpec.choice("type", "Type", 0, "Tape", "Tube", "Hard clip"),
                ParamSpec.linear("driveDb", "Drive", "dB", 0, 24, 6),
                ParamSpec.linear("toneDb", "Tone", "dB", -6, 6, 0),
                ParamSpec.linear("outputDb", "Output", "dB", -12, 12, 0),
                ParamSpec.toggle("autoGain", "Auto gain", true)));
        this.oversampler = new Oversampler(oversampling, antiderivative);
        this.adaa = antiderivative;
        this.poly = oversampling == 4 && antiderivative ? new PolyphaseOversampler(true) : null;
        this.type = 0;
    }

    @Override
    public String typeId() {
        return "saturation";
    }

    @Override
    public String displayName() {
        return "Saturation";
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        int n = spec.maxBlockSize();
        int ch = spec.channels();
        if (poly != null) {
            poly.prepare(ch, n);
            int len = PolyphaseOversampler.OFF + n;
            rootRows = new float[4][len];
            quotRows = new float[4][len];
            prevRow = new float[len];
            prevRoot = new float[len];
            prevQuot = new float[len];
            oversampler.prepare(ch, 0);
        } else {
            oversampler.prepare(ch, n);
        }
        lastU = new float[ch];
        driveBuf = new double[n];
        gainBuf = new double[n];
        b0Buf = new double[n];
        b1Buf = new double[n];
        a1Buf = new double[n];
        compRing = new double[oversampler.latencySamples() + 1];
        prevU = new double[ch];
        adaaPrev = new double[n * oversampler.factor()];
        adaaRoot = new double[n * oversampler.factor()];
        adaaPrevRoot = new double[n * oversampler.factor()];
        dcX1 = new double[ch];
        dcY1 = new double[ch];
        tX1 = new double[ch];
        tY1 = new double[ch];
        dcR = 1 - 2 * Math.PI * DC_BLOCK_HZ / sampleRate;
        tiltK = Math.tan(Math.PI * Math.min(TILT_PIVOT_HZ, 0.45 * sampleRate) / sampleRate);
        autoAmount.reset(sampleRate, 30);
        driveDb.reset(sampleRate, 30);
        toneDb.reset(sampleRate, 30);
        outGain.reset(sampleRate, 30);
        reset();
    }

    @Override
    public void reset() {
        oversampler.reset();
        if (poly != null) {
            poly.reset();
        }
        type = (int) values[TYPE];
        driveDb.setCurrentAndTarget(values[DRIVE_DB]);
        toneDb.setCurrentAndTarget(values[TONE_DB]);
        outGain.setCurrentAndTarget(DspMath.dbToGain(values[OUTPUT_DB]));
        driveDbNow = values[DRIVE_DB];
        driveGainNow = DspMath.dbToGain(driveDbNow);
        autoAmount.setCurrentAndTarget(values[AUTO_GAIN]);
        java.util.Arrays.fill(compRing, driveDbNow);
        compPos = 0;
        compDriveDb = Double.NaN;
        setTone(values[TONE_DB]);
        java.util.Arrays.fill(prevU, 0);
        java.util.Arrays.fill(lastU, 0f);
        steadyRun = 0;
        steadyDrive = Double.NaN;
        java.util.Arrays.fill(dcX1, 0);
        java.util.Arrays.fill(dcY1, 0);
        java.util.Arrays.fill(tX1, 0);
        java.util.Arrays.fill(tY1, 0);
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        switch (index) {
            case TYPE -> type = (int) value;
            case DRIVE_DB -> driveDb.setTarget(value);
            case TONE_DB -> toneDb.setTarget(value);
            case OUTPUT_DB -> outGain.setTarget(DspMath.dbToGain(value));
            case AUTO_GAIN -> autoAmount.setTarget(value);
            default -> { }
        }
    }

    /** Oversampler round-trip delay in samples at the prepared rate. */
    @Override
    public int latencySamples() {
        return oversampler.latencySamples();
    }

    /** The oversampling factor in use. */
    public int oversampling() {
        return oversampler.factor();
    }

    /**
     * The static curve for drawing: the shaper of the current type at the current (target) drive, input and output
     * in linear full-scale units; tone, auto gain and output trim are not included.
     */
    public double transfer(double x) {
        return shape((int) values[TYPE], DspMath.dbToGain(values[DRIVE_DB]) * x);
    }

    /** The auto-gain compensation (linear) for the current target type and drive; 1 when auto gain is off. */
    public double autoGainCompensation() {
        if (values[AUTO_GAIN] < 0.5) {
            return 1.0;
        }
        return DspMath.dbToGain(compDb((int) values[TYPE], values[DRIVE_DB]));
    }

    /** Compensation for a (delayed) drive; recomputed only when drive, type or the auto-gain amount moved. */
    private double compensation(double driveDbDelayed, double auto) {
        if (driveDbDelayed != compDriveDb || auto != compAuto || type != compType) {
            compDriveDb = driveDbDelayed;
            compAuto = auto;
            compType = type;
            compNow = auto == 0 ? 1.0 : DspMath.dbToGain(auto * compDb(type, driveDbDelayed));
        }
        return compNow;
    }

    private void setTone(double db) {
        toneDbNow = db;
        double sa = Math.pow(10, db / 40.0);
        double k = tiltK;
        double a0 = 1 + sa * k;
        toneB0 = (sa + k) / a0;
        toneB1 = (k - sa) / a0;
        toneA1 = (sa * k - 1) / a0;
    }

    @Override
    public void process(AudioBlock block) {
        int n = block.numSamples();
        int chans = Math.min(block.numChannels(), prevU.length);
        controls(n);
        int f = oversampler.factor();
        int curve = type;
        for (int c = 0; c < chans; c++) {
            float[] x = block.channel(c);
            float[] y;
            int off;
            if (poly != null) {
                off = PolyphaseOversampler.OFF;
                float[] in = poly.input(c);
                for (int i = 0; i < n; i++) {
                    float v = (float) (x[i] * driveBuf[i]); // non-finite when x[i] is, or when the product overflows
                    in[off + i] = v - v == 0 ? Math.max(-MAX_DRIVEN, Math.min(MAX_DRIVEN, v)) : 0f;
                }
                poly.upsample(c, n);
                if (n > 0) {
                    lastU[c] = shapePhases(curve, c, n, lastU[c]);
                }
                y = poly.downsample(c, n);
            } else {
                off = 0;
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    x[i] = v - v == 0 ? (float) (v * driveBuf[i]) : 0f;
                }
                oversampler.upsample(c, x, n);
                double[] u = oversampler.buffer(c);
                int m = n * f;
                if (adaa) {
                    prevU[c] = shapeAdaa(curve, u, m, prevU[c]);
                } else {
                    for (int j = 0; j < m; j++) {
                        u[j] = shape(curve, u[j]);
                    }
                }
                oversampler.downsample(c, x, n);
                y = x;
            }
            double dx1 = dcX1[c];
            double dy1 = dcY1[c];
            double tx1 = tX1[c];
            double ty1 = tY1[c];
            double r = dcR;
            for (int i = 0; i < n; i++) {
                double in = y[off + i];
                double dc = in - dx1 + r * dy1;
                dx1 = in;
                dy1 = dc;
                double tl = b0Buf[i] * dc + b1Buf[i] * tx1 - a1Buf[i] * ty1;
                tx1 = dc;
                ty1 = tl;
                x[i] = (float) (tl * gainBuf[i]);
            }
            dcX1[c] = DspMath.flush(dx1);
            dcY1[c] = DspMath.flush(dy1);
            tX1[c] = DspMath.flush(tx1);
            tY1[c] = DspMath.flush(ty1);
        }
    }

    /**
     * Fills the per-sample control buffers (drive gain, output gain with the delayed compensation, tone
     * coefficients) shared by all channels. When no parameter is gliding and the compensation delay line holds
     * one value, every sample gets the same values the per-sample loop would give it, so they are filled at once.
     */
    private void controls(int n) {
        int lat = compRing.length;
        if (steadyRun >= lat && !driveDb.isSmoothing() && !autoAmount.isSmoothing() && !outGain.isSmoothing()
                && !toneDb.isSmoothing() && driveDb.target() == steadyDrive) {
            double d = steadyDrive;
            if (d != driveDbNow) {
                driveDbNow = d;
                driveGainNow = DspMath.dbToGain(d);
            }
            // every slot of the delay line holds d, so where it stands does not matter; keep it moving anyway
            compPos = (int) ((compPos + (long) n) % lat);
            double gain = compensation(d, autoAmount.target()) * outGain.target();
            double t = toneDb.target();
            if (t != toneDbNow) {
                setTone(t);
            }
            java.util.Arrays.fill(driveBuf, 0, n, driveGainNow);
            java.util.Arrays.fill(gainBuf, 0, n, gain);
            java.util.Arrays.fill(b0Buf, 0, n, toneB0);
            java.util.Arrays.fill(b1Buf, 0, n, toneB1);
            java.util.Arrays.fill(a1Buf, 0, n, toneA1);
            return;
        }
        for (int i = 0; i < n; i++) {
            double d = driveDb.next();
            if (d != driveDbNow) {
                driveDbNow = d;
                driveGainNow = DspMath.dbToGain(d);
            }
            driveBuf[i] = driveGainNow;
            // the compensation must meet the audio it belongs to: delay it by the oversampler latency
            compRing[compPos] = d;
            compPos = compPos + 1 == lat ? 0 : compPos + 1;
            if (d == steadyDrive) {
                steadyRun = Math.min(steadyRun + 1, lat);
            } else {
                steadyDrive = d;
                steadyRun = 1;
            }
            gainBuf[i] = compensation(compRing[compPos], autoAmount.next()) * outGain.next();
            double t = toneDb.next();
            if (t != toneDbNow) {
                setTone(t);
            }
            b0Buf[i] = toneB0;
            b1Buf[i] = toneB1;
            a1Buf[i] = toneA1;
        }
    }

    /**
     * The shaper with first-order ADAA, in float, on the four phase rows of the 4x block (in place); returns the
     * last (unshaped) 4x input, the state for the next block. The previous input of phase r is phase r - 1 at the
     * same index; that of phase 0 is phase 3 one index back, a shifted copy.
     */
    private float shapePhases(int curve, int c, int n, float prev) {
        int from = PolyphaseOversampler.OFF;
        int to = from + n;
        float[] p0 = poly.phase(c, 0);
        float[] p1 = poly.phase(c, 1);
        float[] p2 = poly.phase(c, 2);
        float[] p3 = poly.phase(c, 3);
        float last = p3[to - 1];
        float[] q = prevRow;
        q[from] = prev;
        System.arraycopy(p3, from, q, from + 1, n - 1);
        float[][] s = rootRows;
        switch (curve) {
            case TAPE -> {
                tapeRoot(p0, s[0], from, to);
                tapeRoot(p1, s[1], from, to);
                tapeRoot(p2, s[2], from, to);
                tapeRoot(p3, s[3], from, to);
                float[] sq = prevRoot;
                sq[from] = (float) Math.sqrt(1f + prev * prev);
                System.arraycopy(s[3], from, sq, from + 1, n - 1);
                tapeQuotient(p3, p2, s[3], s[2], from, to);
                tapeQuotient(p2, p1, s[2], s[1], from, to);
                tapeQuotient(p1, p0, s[1], s[0], from, to);
                tapeQuotient(p0, q, s[0], sq, from, to);
            }
            case TUBE -> {
                float[][] t = quotRows;
                tubeRoot(p0, s[0], t[0], from, to);
                tubeRoot(p1, s[1], t[1], from, to);
                tubeRoot(p2, s[2], t[2], from, to);
                tubeRoot(p3, s[3], t[3], from, to);
                float[] sq = prevRoot;
                float[] tq = prevQuot;
                float pb = prev + TUBE_B;
                float sp = (float) Math.sqrt(1f + pb * pb);
                sq[from] = sp;
                tq[from] = prev * (prev + TUBE_2B) / (TUBE_SB + sp);
                System.arraycopy(s[3], from, sq, from + 1, n - 1);
                System.arraycopy(t[3], from, tq, from + 1, n - 1);
                tubeQuotient(p3, p2, s[3], s[2], t[3], t[2], from, to);
                tubeQuotient(p2, p1, s[2], s[1], t[2], t[1], from, to);
                tubeQuotient(p1, p0, s[1], s[0], t[1], t[0], from, to);
                tubeQuotient(p0, q, s[0], sq, t[0], tq, from, to);
            }
            default -> {
                hardQuotient(p3, p2, from, to);
                hardQuotient(p2, p1, from, to);
                hardQuotient(p1, p0, from, to);
                hardQuotient(p0, q, from, to);
            }
        }
        return last;
    }

    /** s = sqrt(1 + u^2), the tape curve's antiderivative. */
    private static void tapeRoot(float[] u, float[] s, int from, int to) {
        for (int j = from; j < to; j++) {
            float a = u[j];
            s[j] = (float) Math.sqrt(1f + a * a);
        }
    }

    /** u = (F(u) - F(p)) / (u - p) for tape, written without cancellation: (u + p) / (s_u + s_p). */
    private static void tapeQuotient(float[] u, float[] p, float[] su, float[] sp, int from, int to) {
        for (int j = from; j < to; j++) {
            u[j] = (u[j] + p[j]) / (su[j] + sp[j]);
        }
    }

    /** s = sqrt(1 + (u + b)^2) and t = s - s(0) = u (u + 2b) / (s(0) + s), the latter without cancellation. */
    private static void tubeRoot(float[] u, float[] s, float[] t, int from, int to) {
        // two loops: a loop that stores into two rows is not vectorised
        for (int j = from; j < to; j++) {
            float ab = u[j] + TUBE_B;
            s[j] = (float) Math.sqrt(1f + ab * ab);
        }
        for (int j = from; j < to; j++) {
            float a = u[j];
            t[j] = a * (a + TUBE_2B) / (TUBE_SB + s[j]);
        }
    }

    /**
     * The tube quotient K ((u + p + 2b) / (s_u + s_p) - b / s(0)), rearranged so that the small-signal case has no
     * cancellation: K ((u + p) - b / s(0) (t_u + t_p)) / (s_u + s_p); silence gives exactly 0.
     */
    private static void tubeQuotient(float[] u, float[] p, float[] su, float[] sp, float[] tu, float[] tp,
                                     int from, int to) {
        for (int j = from; j < to; j++) {
            u[j] = (TUBE_KF * (u[j] + p[j]) - TUBE_KBS * (tu[j] + tp[j])) / (su[j] + sp[j]);
        }
    }

    /**
     * The hard clip's ADAA quotient, the mean of clamp(v) for v between p and u, without cancellation: the
     * interval splits into the parts below -1 (length l1), inside (l2, mean mid) and above 1 (l3), and the mean is
     * mid + (l3 (1 - mid) - l1 (1 + mid)) / (l1 + l2 + l3); when both are inside that is (u + p) / 2, the
     * common case, taken directly. A tiny term in the divisor makes u = p outside give clamp(u); it is far below
     * the spacing of floats near 1, so it changes nothing else.
     */
    private static void hardQuotient(float[] u, float[] p, int from, int to) {
        for (int j = from; j < to; j++) {
            float a = u[j];
            float b = p[j];
            if (a <= 1f && a >= -1f && b <= 1f && b >= -1f) {
                u[j] = 0.5f * (a + b);
                continue;
            }
            float lo = a < b ? a : b;
            float hi = a < b ? b : a;
            float mlo = lo < -1f ? -1f : (lo > 1f ? 1f : lo);
            float mhi = hi > 1f ? 1f : (hi < -1f ? -1f : hi);
            float l1 = lo < -1f ? (hi < -1f ? hi : -1f) - lo : 0f;
            float l3 = hi > 1f ? hi - (lo > 1f ? lo : 1f) : 0f;
            float mid = 0.5f * (mlo + mhi);
            u[j] = mid + (l3 * (1f - mid) - l1 * (1f + mid)) / (l1 + (mhi - mlo) + l3 + 1e-30f);
        }
    }

    /**
     * Applies the shaper with first-order ADAA in place; returns the last input (the state for the next block).
     * Tape and tube run as loops whose arrays all start at the same index (the previous input and its square root
     * are shifted copies), which HotSpot vectorises, square roots and divisions included; the results are the same
     * as a sample-by-sample loop's.
     */
    private double shapeAdaa(int curve, double[] u, int m, double prev) {
        if (m == 0) {
            return prev;
        }
        double p = prev;
        double last = u[m - 1];
        double[] up = adaaPrev;
        double[] sc = adaaRoot;
        double[] sp = adaaPrevRoot;
        switch (curve) {
            case TAPE -> {
                up[0] = p;
                System.arraycopy(u, 0, up, 1, m - 1);
                for (int j = 0; j < m; j++) {
                    double a = u[j];
                    sc[j] = Math.sqrt(1 + a * a);
                }
                sp[0] = Math.sqrt(1 + p * p);
                System.arraycopy(sc, 0, sp, 1, m - 1);
                // (F(a) - F(p)) / (a - p) with F = sqrt(1 + u^2), written without cancellation
                for (int j = 0; j < m; j++) {
                    u[j] = (u[j] + up[j]) / (sc[j] + sp[j]);
                }
                return last;
            }
            case TUBE -> {
                double b = TUBE_BIAS;
                up[0] = p;
                System.arraycopy(u, 0, up, 1, m - 1);
                for (int j = 0; j < m; j++) {
                    double ab = u[j] + b;
                    sc[j] = Math.sqrt(1 + ab * ab);
                }
                sp[0] = Math.sqrt(1 + (p + b) * (p + b));
                System.arraycopy(sc, 0, sp, 1, m - 1);
                for (int j = 0; j < m; j++) {
                    u[j] = TUBE_K * ((u[j] + b + up[j] + b) / (sc[j] + sp[j]) - TUBE_G_B);
                }
                return last;
            }
            default -> {
                for (int j = 0; j < m; j++) {
                    double a = u[j];
                    double d = a - p;
                    double y;
                    if (d > ADAA_EPS || d < -ADAA_EPS) {
                        y = (hardAnti(a) - hardAnti(p)) / d;
                    } else {
                        double mid = 0.5 * (a + p);
                        y = mid > 1 ? 1 : (mid < -1 ? -1 : mid);
                    }
                    u[j] = y;
                    p = a;
                }
            }
        }
        return p;
    }

    private static double hardAnti(double u) {
        if (u > 1) {
            return u - 0.5;
        }
        if (u < -1) {
            return -u - 0.5;
        }
        return 0.5 * u * u;
    }

    /** The bare shaper (no drive) of a type. */
    static double shape(int curve, double u) {
        switch (curve) {
            case TAPE:
                return u / Math.sqrt(1 + u * u);
            case TUBE: {
                double ub = u + TUBE_BIAS;
                return TUBE_K * (ub / Math.sqrt(1 + ub * ub) - TUBE_G_B);
            }
            default:
                return u > 1 ? 1 : (u < -1 ? -1 : u);
        }
    }

    private static double compDb(int curve, double driveDbValue) {
        double pos = DspMath.clamp(driveDbValue, 0, 24) / TABLE_STEP_DB;
        int i = (int) pos;
        if (i >= TABLE_SIZE - 1) {
            return COMP_DB[curve][TABLE_SIZE - 1];
        }
        double frac = pos - i;
        double[] t = COMP_DB[curve];
        return t[i] + frac * (t[i + 1] - t[i]);
    }

    private static double[][] buildCompTable() {
        double[][] table = new double[3][TABLE_SIZE];
        int points = 1024;
        double rmsIn = DspMath.dbToGain(AUTO_GAIN_REF_DBFS);
        double amp = rmsIn * Math.sqrt(2);
        for (int curve = 0; curve < 3; curve++) {
            for (int k = 0; k < TABLE_SIZE; k++) {
                double g = DspMath.dbToGain(k * TABLE_STEP_DB);
                double sum = 0;
                double sumSq = 0;
                for (int p = 0; p < points; p++) {
                    double y = shape(curve, g * amp * Math.sin(2 * Math.PI * (p + 0.5) / points));
                    sum += y;
                    sumSq += y * y;
                }
                double mean = sum / points;
                double rmsOut = Math.sqrt(Math.max(1e-30, sumSq / points - mean * mean));
                table[curve][k] = DspMath.gainToDb(rmsIn / rmsOut);
            }
        }
        return table;
    }
}
