package org.mixlab.dsp;

import java.util.List;

/**
 * Feed-forward compressor working in the log domain.
 * <ul>
 *   <li>Static curve with a quadratic soft knee of width W around threshold T, ratio R (R = 100 means inf:1):
 *   below T - W/2 the output equals the input; above T + W/2 it is T + (x - T)/R; in between
 *   y = x + (1/R - 1)(x - T + W/2)^2 / (2W).</li>
 *   <li>Detector: Peak uses |x| per sample; RMS uses a 10 ms running mean square. With the side-chain high-pass on,
 *   the detector hears the signal through a 12 dB/oct Butterworth high-pass.</li>
 *   <li>Stereo link L (0..1): each channel's gain reduction is c + L (max - c), max over the channels.</li>
 *   <li>Ballistics on the gain reduction in dB: a peak-hold stage that jumps up at once and falls with time
 *   constant t1, followed by a one-pole that rises with the attack time and falls with t2 = min(attack, release/2).
 *   t1 is solved so that the two falling stages in series cover 63 % of a step after exactly the release time.
 *   A step up reaches 63 % of its final gain change in dB after the attack time, a step down after the release
 *   time. The peak-hold stage keeps sine troughs from pumping the gain, so the static curve holds on tones.</li>
 *   <li>Auto makeup adds -T (1 - 1/R) / 2 dB: half the reduction a 0 dBFS signal gets from the hard-knee curve.</li>
 * </ul>
 */
public final class CompressorProcessor extends Processor implements GainReductionSource {
    /** Parameter index of thresholdDb (-60..0 dB, default -18). */
    public static final int THRESHOLD_DB = 0;
    /** Parameter index of ratio (1..100 log, default 4; 100 = inf:1). */
    public static final int RATIO = 1;
    /** Parameter index of kneeDb (0..24 dB, default 6). */
    public static final int KNEE_DB = 2;
    /** Parameter index of attackMs (0.1..200 ms log, default 10). */
    public static final int ATTACK_MS = 3;
    /** Parameter index of releaseMs (5..2000 ms log, default 100). */
    public static final int RELEASE_MS = 4;
    /** Parameter index of makeupDb (0..24 dB, default 0). */
    public static final int MAKEUP_DB = 5;
    /** Parameter index of autoMakeup (toggle, default off). */
    public static final int AUTO_MAKEUP = 6;
    /** Parameter index of detector (choice "Peak","RMS", default 0). */
    public static final int DETECTOR = 7;
    /** Parameter index of linkPct (0..100 %, default 100). */
    public static final int LINK_PCT = 8;
    /** Parameter index of scHpOn (toggle, default off). */
    public static final int SC_HP_ON = 9;
    /** Parameter index of scHpFreqHz (20..500 Hz log, default 100). */
    public static final int SC_HP_FREQ_HZ = 10;

    /** Ratio at and above which the compressor acts as a limiter (inf:1). */
    public static final double INF_RATIO = 100.0;
    /** Time constant of the RMS detector's running mean square, in ms. */
    public static final double RMS_WINDOW_MS = 10.0;
    /** Glide time of every continuous parameter, in ms. */
    public static final double RAMP_MS = 20.0;
    /** Sub-block length while a parameter glides: settings are taken up every 16 samples. */
    private static final int SUB = 16;
    /** Sub-block length when nothing glides: the same per-sample arithmetic with less per-pass overhead. */
    private static final int STEADY_SUB = 256;
    private static final int MAX_CH = 8;

    private final SmoothedValue threshold = new SmoothedValue(-18, false);
    private final SmoothedValue ratio = new SmoothedValue(4, true);
    private final SmoothedValue knee = new SmoothedValue(6, false);
    private final SmoothedValue attack = new SmoothedValue(10, true);
    private final SmoothedValue release = new SmoothedValue(100, true);
    private final SmoothedValue makeup = new SmoothedValue(1, true);
    private final SmoothedValue link = new SmoothedValue(1, false);
    private final SmoothedValue scFreq = new SmoothedValue(100, true);
    private final SmoothedValue scMix = new SmoothedValue(0, false);
    private final SmoothedValue rmsMix = new SmoothedValue(0, false);
    private Biquad scFilter = new Biquad(MAX_CH);
    private final double[] hold = new double[MAX_CH];
    private final double[] env = new double[MAX_CH];
    private final double[] meanSquare = new double[MAX_CH];
    private final double[][] redBuf = new double[MAX_CH][STEADY_SUB];
    private final double[] smBuf = new double[STEADY_SUB];
    private final double[] rmBuf = new double[STEADY_SUB];
    private final double[] gainBuf = new double[STEADY_SUB];
    private double sampleRate = 48_000;
    private double coefAttack;
    private double coefFall2;
    private double coefHold;
    private double coefRms;
    // gain-computer settings of the current sub-block
    private double subThr;
    private double subKnee;
    private double subHalfKnee;
    private double subInvTwoKnee;
    private double subAmount;
    private double subKneeLin;
    private double subKneeSq;
    private boolean timesDirty = true;
    private boolean scDirty = true;
    private volatile double gainReductionDb;

    /** Creates the compressor at its defaults. */
    public CompressorProcessor() {
        super(List.of(
                ParamSpec.linear("thresholdDb", "Threshold", "dB", -60, 0, -18),
                ParamSpec.log("ratio", "Ratio", ":1", 1, INF_RATIO, 4),
                ParamSpec.linear("kneeDb", "Knee", "dB", 0, 24, 6),
                ParamSpec.log("attackMs", "Attack", "ms", 0.1, 200, 10),
                ParamSpec.log("releaseMs", "Release", "ms", 5, 2000, 100),
                ParamSpec.linear("makeupDb", "Makeup", "dB", 0, 24, 0),
                ParamSpec.toggle("autoMakeup", "Auto makeup", false),
                ParamSpec.choice("detector", "Detector", 0, "Peak", "RMS"),
                ParamSpec.linear("linkPct", "Stereo link", "%", 0, 100, 100),
                ParamSpec.toggle("scHpOn", "Side-chain HP", false),
                ParamSpec.log("scHpFreqHz", "Side-chain HP freq", "Hz", 20, 500, 100)));
        snap();
    }

    @Override
    public String typeId() {
        return "compressor";
    }

    @Override
    public String displayName() {
        return "Compressor";
    }

    @Override
    public double gainReductionDb() {
        return gainReductionDb;
    }

    /** Gain computer output for {@code inputDb} with the given settings, in dB, makeup not included. */
    static double curveDb(double inputDb, double thresholdDb, double ratioValue, double kneeDb) {
        double slope = ratioValue >= INF_RATIO ? 0.0 : 1.0 / ratioValue;
        double over = inputDb - thresholdDb;
        if (2 * over <= -kneeDb) {
            return inputDb;
        }
        if (2 * over >= kneeDb) {
            return thresholdDb + over * slope;
        }
        double t = over + kneeDb / 2;
        return inputDb + (slope - 1) * t * t / (2 * kneeDb);
    }

    /** Auto-makeup gain in dB for a threshold and ratio: -T (1 - 1/R) / 2. */
    public static double autoMakeupDb(double thresholdDb, double ratioValue) {
        double slope = ratioValue >= INF_RATIO ? 0.0 : 1.0 / ratioValue;
        return -thresholdDb * (1 - slope) / 2;
    }

    private double makeupTargetDb() {
        return values[MAKEUP_DB] + (values[AUTO_MAKEUP] >= 0.5 ? autoMakeupDb(values[THRESHOLD_DB], values[RATIO]) : 0);
    }

    /**
     * Static input/output curve of the current (target) settings: output level in dB for a steady input level in
     * dB (peak level with the Peak detector, RMS level with RMS), makeup included.
     */
    public double staticCurveDb(double inputDb) {
        return curveDb(inputDb, values[THRESHOLD_DB], values[RATIO], values[KNEE_DB]) + makeupTargetDb();
    }

    private void snap() {
        threshold.setCurrentAndTarget(values[THRESHOLD_DB]);
        ratio.setCurrentAndTarget(values[RATIO]);
        knee.setCurrentAndTarget(values[KNEE_DB]);
        attack.setCurrentAndTarget(values[ATTACK_MS]);
        release.setCurrentAndTarget(values[RELEASE_MS]);
        makeup.setCurrentAndTarget(DspMath.dbToGain(makeupTargetDb()));
        link.setCurrentAndTarget(values[LINK_PCT] / 100);
        scFreq.setCurrentAndTarget(values[SC_HP_FREQ_HZ]);
        scMix.setCurrentAndTarget(values[SC_HP_ON] >= 0.5 ? 1 : 0);
        rmsMix.setCurrentAndTarget(values[DETECTOR] >= 0.5 ? 1 : 0);
        timesDirty = true;
        scDirty = true;
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        switch (index) {
            case THRESHOLD_DB -> {
                threshold.setTarget(value);
                makeup.setTarget(DspMath.dbToGain(makeupTargetDb()));
            }
            case RATIO -> {
                ratio.setTarget(value);
                makeup.setTarget(DspMath.dbToGain(makeupTargetDb()));
            }
            case KNEE_DB -> knee.setTarget(value);
            case ATTACK_MS -> attack.setTarget(value);
            case RELEASE_MS -> release.setTarget(value);
            case MAKEUP_DB, AUTO_MAKEUP -> makeup.setTarget(DspMath.dbToGain(makeupTargetDb()));
            case DETECTOR -> rmsMix.setTarget(value >= 0.5 ? 1 : 0);
            case LINK_PCT -> link.setTarget(value / 100);
            case SC_HP_ON -> scMix.setTarget(value >= 0.5 ? 1 : 0);
            default -> scFreq.setTarget(value);
        }
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        scFilter = new Biquad(MAX_CH);
        SmoothedValue[] all = {threshold, ratio, knee, attack, release, makeup, link, scFreq, scMix, rmsMix};
        for (SmoothedValue v : all) {
            v.reset(sampleRate, RAMP_MS);
        }
        coefRms = Math.exp(-1000.0 / (RMS_WINDOW_MS * sampleRate));
        reset();
    }

    @Override
    public void reset() {
        snap();
        clearState();
    }

    private void clearState() {
        java.util.Arrays.fill(hold, 0);
        java.util.Arrays.fill(env, 0);
        java.util.Arrays.fill(meanSquare, 0);
        scFilter.reset();
        gainReductionDb = 0;
    }

    private double coef(double ms) {
        return Math.exp(-1000.0 / (ms * sampleRate));
    }

    private void updateTimes() {
        double a = attack.current();
        double r = release.current();
        double fall2 = Math.min(a, r / 2);
        coefAttack = coef(a);
        coefFall2 = coef(fall2);
        coefHold = coef(holdFallMs(fall2, r));
    }

    /**
     * Time constant of the peak-hold stage so that, cascaded with a one-pole of {@code fall2Ms}, a step down
     * covers 63 % of its change after exactly {@code releaseMs}. Solved by bisection; never allocates.
     */
    static double holdFallMs(double fall2Ms, double releaseMs) {
        double target = Math.exp(-1);
        double lo = 1e-6 * releaseMs;
        double hi = releaseMs;
        for (int k = 0; k < 50; k++) {
            double mid = 0.5 * (lo + hi);
            if (remaining(mid, fall2Ms, releaseMs) > target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Fraction of a step still left after {@code t} through one-poles of {@code t1} and {@code t2} in series. */
    private static double remaining(double t1, double t2, double t) {
        if (Math.abs(t1 - t2) < 1e-9 * (t1 + t2)) {
            return Math.exp(-t / t1) * (1 + t / t1);
        }
        return (t1 * Math.exp(-t / t1) - t2 * Math.exp(-t / t2)) / (t1 - t2);
    }

    @Override
    public void process(AudioBlock block) {
        int n = block.numSamples();
        int nch = Math.min(block.numChannels(), MAX_CH);
        double maxReduction = 0;
        for (int from = 0; from < n;) {
            int len = Math.min(n - from, gliding() ? SUB : STEADY_SUB);
            int to = from + len;
            if (attack.isSmoothing() || release.isSmoothing()) {
                attack.skip(len);
                release.skip(len);
                timesDirty = true;
            }
            if (timesDirty) {
                updateTimes();
                timesDirty = false;
            }
            if (scFreq.isSmoothing()) {
                scFreq.skip(len);
                scDirty = true;
            }
            if (scDirty) {
                scFilter.setHighpass(sampleRate, scFreq.current(), Math.sqrt(0.5));
                scDirty = false;
            }
            double thr = threshold.skip(len);
            double rat = ratio.skip(len);
            double kn = knee.skip(len);
            double lk = link.skip(len);
            boolean scActive = scMix.isSmoothing() || scMix.current() > 0;
            subThr = thr;
            subKnee = kn;
            subAmount = 1 - (rat >= INF_RATIO ? 0.0 : 1.0 / rat);
            subHalfKnee = kn / 2;
            subInvTwoKnee = kn > 0 ? 1 / (2 * kn) : 0.0;
            subKneeLin = DspMath.dbToGain(thr - kn / 2);
            subKneeSq = subKneeLin * subKneeLin;
            // per-sample control values shared by the channels
            for (int i = 0; i < len; i++) {
                smBuf[i] = scMix.next();
                rmBuf[i] = rmsMix.next();
                gainBuf[i] = makeup.next();
            }
            // small methods per pass, so that the JIT inlines the fast log/exp into each loop
            for (int c = 0; c < nch; c++) {
                detect(block.channel(c), c, from, len, scActive);
            }
            if (nch > 1 && lk != 0) {
                link(nch, len, lk);
            }
            for (int c = 0; c < nch; c++) {
                maxReduction = Math.max(maxReduction, applyGain(block.channel(c), c, from, len));
            }
            from = to;
        }
        sanitize(nch);
        gainReductionDb = maxReduction;
    }

    /** True while any parameter is still moving towards its target. */
    private boolean gliding() {
        return threshold.isSmoothing() || ratio.isSmoothing() || knee.isSmoothing() || attack.isSmoothing()
                || release.isSmoothing() || makeup.isSmoothing() || link.isSmoothing() || scFreq.isSmoothing()
                || scMix.isSmoothing() || rmsMix.isSmoothing();
    }

    /** Pass 1, one channel: the gain computer's reduction in dB per sample of the sub-block into redBuf[c]. */
    private void detect(float[] d, int c, int from, int len, boolean scActive) {
        double[] red = redBuf[c];
        double msc = meanSquare[c];
        double kneeLin = subKneeLin;
        double kneeSq = subKneeSq;
        double thr = subThr;
        double kn = subKnee;
        double halfKnee = subHalfKnee;
        double invTwoKnee = subInvTwoKnee;
        double amount = subAmount;
        double cr = coefRms;
        if (!scActive && rmBuf[0] == 0 && rmBuf[len - 1] == 0) {
            // peak detector (rmsMix is 0 all through the sub-block, it only moves monotonically): the gain
            // computer without a per-sample branch, which noise-like input mispredicts; a sub-block that stays
            // below the knee is skipped as a whole
            double peak = 0;
            for (int i = 0; i < len; i++) {
                peak = Math.max(peak, Math.abs(d[from + i]));
            }
            for (int i = 0; i < len; i++) {
                double x = d[from + i];
                msc = cr * msc + (1 - cr) * x * x;
            }
            meanSquare[c] = msc;
            if (peak <= kneeLin) {
                java.util.Arrays.fill(red, 0, len, 0.0);
                return;
            }
            for (int i = 0; i < len; i++) {
                double levelDb = DspMath.DB_PER_LOG2 * DspMath.fastLog2(Math.abs(d[from + i]) + 1e-30);
                double over = levelDb - thr;
                double t = Math.min(Math.max(over + halfKnee, 0.0), kn);
                red[i] = amount * (t * t * invTwoKnee + Math.max(over - halfKnee, 0.0));
            }
            return;
        }
        for (int i = 0; i < len; i++) {
            double x = d[from + i];
            if (scActive) {
                double hpx = scFilter.processSample(c, x);
                x += smBuf[i] * (hpx - x);
            }
            msc = cr * msc + (1 - cr) * x * x;
            double ax = Math.abs(x);
            double rm = rmBuf[i];
            double cdb = 0;
            // below the knee nothing happens, so skip the logarithms there
            if (rm == 0 ? ax > kneeLin : rm == 1 ? msc > kneeSq : ax > kneeLin || msc > kneeSq) {
                // fast log2 (within 1.2e-5 dB): the intrinsic log10 was a third of the compressor's time
                double peakDb = DspMath.DB_PER_LOG2 * DspMath.fastLog2(ax + 1e-30);
                double levelDb = rm == 0 ? peakDb
                        : peakDb + rm * (0.5 * DspMath.DB_PER_LOG2 * DspMath.fastLog2(msc + 1e-30) - peakDb);
                // levelDb - curveDb(levelDb, ...) without branches: the knee and above-knee parts
                double over = levelDb - thr;
                double t = Math.min(Math.max(over + halfKnee, 0.0), kn);
                cdb = amount * (t * t * invTwoKnee + Math.max(over - halfKnee, 0.0));
            }
            red[i] = cdb;
        }
        meanSquare[c] = msc;
    }

    /** Pass 2, stereo link: each channel's reduction moves towards the largest one by {@code lk}. */
    private void link(int nch, int len, double lk) {
        for (int i = 0; i < len; i++) {
            double maxC = 0;
            for (int c = 0; c < nch; c++) {
                maxC = Math.max(maxC, redBuf[c][i]);
            }
            for (int c = 0; c < nch; c++) {
                double r = redBuf[c][i];
                redBuf[c][i] = r + lk * (maxC - r);
            }
        }
    }

    /** Pass 3, one channel: hold and envelope ballistics, then makeup and reduction; returns the largest reduction. */
    private double applyGain(float[] d, int c, int from, int len) {
        double[] red = redBuf[c];
        double h = hold[c];
        double e = env[c];
        double peak = 0;
        double ch = coefHold;
        double ca = coefAttack;
        double cf = coefFall2;
        for (int i = 0; i < len; i++) {
            double cdb = red[i];
            // branch-free (a double select is a branch on x86, mispredicted on noise-like input):
            // the hold jumps up to cdb, else decays towards it, so it is the larger of the two;
            // coefFall2 <= coefAttack, so the slower (attack) step is the smaller one while rising and
            // the faster (fall) step the smaller one while falling
            h = Math.max(cdb, ch * h + (1 - ch) * cdb);
            e = Math.min(ca * e + (1 - ca) * h, cf * e + (1 - cf) * h);
            peak = Math.max(peak, e);
            double g = gainBuf[i];
            d[from + i] = (float) (e == 0 ? d[from + i] * g
                    : d[from + i] * g * DspMath.fastExp2(-e * DspMath.LOG2_PER_DB));
        }
        hold[c] = h;
        env[c] = e;
        return peak;
    }

    private void sanitize(int nch) {
        boolean bad = false;
        for (int c = 0; c < nch; c++) {
            if (!Double.isFinite(hold[c]) || !Double.isFinite(env[c]) || !Double.isFinite(meanSquare[c])) {
                bad = true;
            }
            hold[c] = DspMath.flush(hold[c]);
            env[c] = DspMath.flush(env[c]);
            meanSquare[c] = DspMath.flush(meanSquare[c]);
            scFilter.sanitize(c);
        }
        if (bad) {
            clearState();
        }
    }
}
