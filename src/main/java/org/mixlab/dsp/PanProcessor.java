package org.mixlab.dsp;

import java.util.List;

/**
 * Panner with four pan laws and stereo width. Mono input is spread to two channels with the selected law; stereo
 * input first has its side signal scaled by width, then is balanced: the near side stays at unity and the far side
 * follows the law's curve normalised to 1 at centre. Channel gains and width glide linearly over 20 ms.
 */
public final class PanProcessor extends Processor {
    /** Parameter index of pan (-100..100 %, default 0; -100 = hard left). */
    public static final int PAN = 0;
    /** Parameter index of law (choice "-3 dB","-4.5 dB","-6 dB","0 dB", default 0). */
    public static final int LAW = 1;
    /** Parameter index of widthPct (0..200 %, default 100; stereo input only). */
    public static final int WIDTH_PCT = 2;

    /** Ramp length for gains and width, in ms. */
    public static final double RAMP_MS = 20.0;
    /** Exponent applied to the constant-power curve for the -4.5 dB law, so that centre is exactly -4.5 dB. */
    static final double K_45 = 4.5 / (20.0 * Math.log10(Math.sqrt(2.0)));

    private final SmoothedValue monoL = new SmoothedValue(1, false);
    private final SmoothedValue monoR = new SmoothedValue(1, false);
    private final SmoothedValue balL = new SmoothedValue(1, false);
    private final SmoothedValue balR = new SmoothedValue(1, false);
    private final SmoothedValue width = new SmoothedValue(1, false);

    /** Creates the processor at its defaults. */
    public PanProcessor() {
        super(List.of(
                ParamSpec.linear("pan", "Pan", "%", -100, 100, 0),
                ParamSpec.choice("law", "Pan law", 0, "-3 dB", "-4.5 dB", "-6 dB", "0 dB"),
                ParamSpec.linear("widthPct", "Width", "%", 0, 200, 100)));
        snap();
    }

    @Override
    public String typeId() {
        return "pan";
    }

    @Override
    public String displayName() {
        return "Pan";
    }

    @Override
    public boolean supportsMix() {
        return false;
    }

    /**
     * Gain of the left channel (or the right with {@code -panPct}) for a mono source under a law (0..3), where
     * {@code panPct} runs -100..100.
     */
    public static double lawGain(int law, double panPct) {
        double p = DspMath.clamp(panPct / 100.0, -1, 1);
        double theta = (p + 1) * Math.PI / 4;
        switch (law) {
            case 0:
                return Math.cos(theta);
            case 1: {
                double c = Math.cos(theta);
                return c <= 0 ? 0 : Math.pow(c, K_45);
            }
            case 2:
                return (1 - p) * 0.5;
            default:
                return Math.min(1.0, 1 - p);
        }
    }

    private void updateTargets(boolean snap) {
        int law = (int) values[LAW];
        double pan = values[PAN];
        double l = lawGain(law, pan);
        double r = lawGain(law, -pan);
        double centre = lawGain(law, 0);
        double bl = Math.min(1.0, l / centre);
        double br = Math.min(1.0, r / centre);
        double w = values[WIDTH_PCT] / 100.0;
        if (snap) {
            monoL.setCurrentAndTarget(l);
            monoR.setCurrentAndTarget(r);
            balL.setCurrentAndTarget(bl);
            balR.setCurrentAndTarget(br);
            width.setCurrentAndTarget(w);
        } else {
            monoL.setTarget(l);
            monoR.setTarget(r);
            balL.setTarget(bl);
            balR.setTarget(br);
            width.setTarget(w);
        }
    }

    private void snap() {
        updateTargets(true);
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        updateTargets(false);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        double sr = spec.sampleRate();
        monoL.reset(sr, RAMP_MS);
        monoR.reset(sr, RAMP_MS);
        balL.reset(sr, RAMP_MS);
        balR.reset(sr, RAMP_MS);
        width.reset(sr, RAMP_MS);
        reset();
    }

    @Override
    public void reset() {
        snap();
    }

    @Override
    public void process(AudioBlock block) {
        int n = block.numSamples();
        if (block.numChannels() == 1) {
            float[] x = block.channel(0);
            // keep the stereo ramps moving so a later stereo block continues where this one ends
            balL.skip(n);
            balR.skip(n);
            width.skip(n);
            if (block.allocatedChannels() < 2) {
                for (int i = 0; i < n; i++) {
                    x[i] = (float) (x[i] * 0.5 * (monoL.next() + monoR.next()));
                }
                return;
            }
            float[] r = block.channel(1);
            for (int i = 0; i < n; i++) {
                double s = x[i];
                x[i] = (float) (s * monoL.next());
                r[i] = (float) (s * monoR.next());
            }
            block.setNumChannels(2);
            return;
        }
        monoL.skip(n);
        monoR.skip(n);
        float[] l = block.channel(0);
        float[] r = block.channel(1);
        for (int i = 0; i < n; i++) {
            double m = 0.5 * (l[i] + r[i]);
            double s = 0.5 * (l[i] - r[i]) * width.next();
            l[i] = (float) ((m + s) * balL.next());
            r[i] = (float) ((m - s) * balR.next());
        }
    }
}
