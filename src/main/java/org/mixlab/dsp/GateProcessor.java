package org.mixlab.dsp;

import java.util.List;

/**
 * Noise gate and downward expander with hold, linked across channels (the loudest channel decides).
 * <ul>
 *   <li>The gate is open while the detector (max |x| over the channels) is at or above the threshold, and for
 *   {@code holdMs} after the last such sample. Then it closes.</li>
 *   <li>Closed, the gate attenuates by {@code rangeDb}; the expander attenuates by (ratio - 1)(T - level) dB, at most
 *   {@code rangeDb}, where level is the instantaneous detector level in dB.</li>
 *   <li>The gain in dB moves as a one-pole: towards a higher gain with the attack time, towards a lower gain with the
 *   release time, so a full open or close reaches 63 % of its dB change after exactly that time.</li>
 *   <li>After prepare or reset the gate starts closed.</li>
 * </ul>
 */
public final class GateProcessor extends Processor implements GainReductionSource {
    /** Parameter index of mode (choice "Gate","Expander", default 0). */
    public static final int MODE = 0;
    /** Parameter index of thresholdDb (-80..0 dB, default -50). */
    public static final int THRESHOLD_DB = 1;
    /** Parameter index of rangeDb (0..80 dB, default 40). */
    public static final int RANGE_DB = 2;
    /** Parameter index of ratio (1..10 log, default 2; expander only). */
    public static final int RATIO = 3;
    /** Parameter index of attackMs (0.1..50 ms log, default 1). */
    public static final int ATTACK_MS = 4;
    /** Parameter index of holdMs (0..500 ms, default 20). */
    public static final int HOLD_MS = 5;
    /** Parameter index of releaseMs (5..2000 ms log, default 100). */
    public static final int RELEASE_MS = 6;

    /** Glide time of every continuous parameter, in ms. */
    public static final double RAMP_MS = 20.0;
    private static final int SUB = 16;

    private final SmoothedValue threshold = new SmoothedValue(-50, false);
    private final SmoothedValue range = new SmoothedValue(40, false);
    private final SmoothedValue ratio = new SmoothedValue(2, true);
    private final SmoothedValue attack = new SmoothedValue(1, true);
    private final SmoothedValue hold = new SmoothedValue(20, false);
    private final SmoothedValue release = new SmoothedValue(100, true);
    private final SmoothedValue expander = new SmoothedValue(0, false);
    private double sampleRate = 48_000;
    private double coefAttack;
    private double coefRelease;
    private boolean timesDirty = true;
    private double gainDb;
    private int holdLeft;
    private volatile double gainReductionDb;

    /** Creates the gate at its defaults. */
    public GateProcessor() {
        super(List.of(
                ParamSpec.choice("mode", "Mode", 0, "Gate", "Expander"),
                ParamSpec.linear("thresholdDb", "Threshold", "dB", -80, 0, -50),
                ParamSpec.linear("rangeDb", "Range", "dB", 0, 80, 40),
                ParamSpec.log("ratio", "Ratio", ":1", 1, 10, 2),
                ParamSpec.log("attackMs", "Attack", "ms", 0.1, 50, 1),
                ParamSpec.linear("holdMs", "Hold", "ms", 0, 500, 20),
                ParamSpec.log("releaseMs", "Release", "ms", 5, 2000, 100)));
        snap();
        gainDb = -values[RANGE_DB];
    }

    @Override
    public String typeId() {
        return "gate";
    }

    @Override
    public String displayName() {
        return "Gate / Expander";
    }

    @Override
    public double gainReductionDb() {
        return gainReductionDb;
    }

    /**
     * Static gain in dB (0 or negative) the current settings apply to a steady level of {@code levelDb} once the
     * hold has run out: 0 at or above threshold, otherwise -range (gate) or -min(range, (ratio - 1)(T - level)).
     */
    public double staticGainDb(double levelDb) {
        double t = values[THRESHOLD_DB];
        if (levelDb >= t) {
            return 0;
        }
        if (values[MODE] < 0.5) {
            return -values[RANGE_DB];
        }
        return -Math.min(values[RANGE_DB], (values[RATIO] - 1) * (t - levelDb));
    }

    private void snap() {
        threshold.setCurrentAndTarget(values[THRESHOLD_DB]);
        range.setCurrentAndTarget(values[RANGE_DB]);
        ratio.setCurrentAndTarget(values[RATIO]);
        attack.setCurrentAndTarget(values[ATTACK_MS]);
        hold.setCurrentAndTarget(values[HOLD_MS]);
        release.setCurrentAndTarget(values[RELEASE_MS]);
        expander.setCurrentAndTarget(values[MODE] >= 0.5 ? 1 : 0);
        timesDirty = true;
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        switch (index) {
            case MODE -> expander.setTarget(value >= 0.5 ? 1 : 0);
            case THRESHOLD_DB -> threshold.setTarget(value);
            case RANGE_DB -> range.setTarget(value);
            case RATIO -> ratio.setTarget(value);
            case ATTACK_MS -> attack.setTarget(value);
            case HOLD_MS -> hold.setTarget(value);
            default -> release.setTarget(value);
        }
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        SmoothedValue[] all = {threshold, range, ratio, attack, hold, release, expander};
        for (SmoothedValue v : all) {
            v.reset(sampleRate, RAMP_MS);
        }
        reset();
    }

    @Override
    public void reset() {
        snap();
        gainDb = -values[RANGE_DB];
        holdLeft = 0;
        gainReductionDb = 0;
    }

    @Override
    public void process(AudioBlock block) {
        int n = block.numSamples();
        int nch = block.numChannels();
        double maxReduction = 0;
        double g = gainDb;
        int left = holdLeft;
        for (int from = 0; from < n; from += SUB) {
            int to = Math.min(n, from + SUB);
            int len = to - from;
            if (attack.isSmoothing() || release.isSmoothing()) {
                attack.skip(len);
                release.skip(len);
                timesDirty = true;
            }
            if (timesDirty) {
                coefAttack = Math.exp(-1000.0 / (attack.current() * sampleRate));
                coefRelease = Math.exp(-1000.0 / (release.current() * sampleRate));
                timesDirty = false;
            }
            double thrDb = threshold.skip(len);
            double thrLin = DspMath.dbToGain(thrDb);
            double rat = ratio.skip(len);
            int holdSamples = (int) Math.round(hold.skip(len) * sampleRate / 1000.0);
            for (int i = from; i < to; i++) {
                double level = 0;
                for (int c = 0; c < nch; c++) {
                    double a = Math.abs(block.channel(c)[i]);
                    if (a > level) {
                        level = a;
                    }
                }
                double rng = range.next();
                double ex = expander.next();
                double target;
                if (level >= thrLin) {
                    left = holdSamples;
                    target = 0;
                } else if (left > 0) {
                    left--;
                    target = 0;
                } else {
                    double expDb = (rat - 1) * (thrDb - DspMath.fastGainToDb(level + 1e-30));
                    target = -rng + ex * (rng - Math.min(rng, expDb));
                }
                g = target > g ? coefAttack * g + (1 - coefAttack) * target
                        : coefRelease * g + (1 - coefRelease) * target;
                if (-g > maxReduction) {
                    maxReduction = -g;
                }
                double lin = DspMath.fastDbToGain(g);
                for (int c = 0; c < nch; c++) {
                    float[] d = block.channel(c);
                    d[i] = (float) (d[i] * lin);
                }
            }
        }
        if (!Double.isFinite(g)) {
            g = -values[RANGE_DB];
            left = 0;
        }
        gainDb = DspMath.flush(g);
        holdLeft = left;
        gainReductionDb = maxReduction;
    }
}
