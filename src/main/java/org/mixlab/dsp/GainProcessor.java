package org.mixlab.dsp;

import java.util.List;

/**
 * Balance utility: fader gain, polarity and mute. Gain glides multiplicatively over 20 ms, polarity crossfades
 * through zero over 20 ms and mute ramps linearly over 20 ms, so no switch clicks. -100 dB is silence.
 */
public final class GainProcessor extends Processor {
    /** Parameter index of gainDb (-100..+12 dB, default 0, fader taper; -100 = silence). */
    public static final int GAIN_DB = 0;
    /** Parameter index of polarity (toggle, default off). */
    public static final int POLARITY = 1;
    /** Parameter index of mute (toggle, default off; ramps over 20 ms). */
    public static final int MUTE = 2;

    /** Ramp length for every parameter, in ms. */
    public static final double RAMP_MS = 20.0;
    private static final double FLOOR_DB = -100.0;

    private final SmoothedValue gain = new SmoothedValue(1.0, true);
    private final SmoothedValue polarity = new SmoothedValue(1.0, false);
    private final SmoothedValue mute = new SmoothedValue(1.0, false);
    private double sampleRate = 48_000;

    /** Creates the processor at its defaults. */
    public GainProcessor() {
        super(List.of(
                ParamSpec.fader("gainDb", "Gain", FLOOR_DB, 12, 0),
                ParamSpec.toggle("polarity", "Polarity", false),
                ParamSpec.toggle("mute", "Mute", false)));
        snap();
    }

    @Override
    public String typeId() {
        return "gain";
    }

    @Override
    public String displayName() {
        return "Gain";
    }

    @Override
    public boolean supportsMix() {
        return false;
    }

    private static double linearGain(double db) {
        // the multiplicative ramp needs a positive floor; -100 dB itself is treated as exact silence once reached
        return DspMath.dbToGain(Math.max(db, FLOOR_DB));
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        switch (index) {
            case GAIN_DB -> gain.setTarget(linearGain(value));
            case POLARITY -> polarity.setTarget(value >= 0.5 ? -1.0 : 1.0);
            default -> mute.setTarget(value >= 0.5 ? 0.0 : 1.0);
        }
    }

    private void snap() {
        gain.setCurrentAndTarget(linearGain(values[GAIN_DB]));
        polarity.setCurrentAndTarget(values[POLARITY] >= 0.5 ? -1.0 : 1.0);
        mute.setCurrentAndTarget(values[MUTE] >= 0.5 ? 0.0 : 1.0);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        gain.reset(sampleRate, RAMP_MS);
        polarity.reset(sampleRate, RAMP_MS);
        mute.reset(sampleRate, RAMP_MS);
        reset();
    }

    @Override
    public void reset() {
        snap();
    }

    @Override
    public void process(AudioBlock block) {
        int n = block.numSamples();
        int channels = block.numChannels();
        boolean silentTarget = values[GAIN_DB] <= FLOOR_DB;
        if (!gain.isSmoothing() && !polarity.isSmoothing() && !mute.isSmoothing()) {
            double g = silentTarget ? 0.0 : gain.current() * polarity.current() * mute.current();
            float gf = (float) g;
            if (gf == 1f) {
                return;
            }
            for (int c = 0; c < channels; c++) {
                float[] d = block.channel(c);
                for (int i = 0; i < n; i++) {
                    d[i] *= gf;
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double g = gain.next() * polarity.next() * mute.next();
            if (silentTarget && !gain.isSmoothing()) {
                g = 0.0;
            }
            for (int c = 0; c < channels; c++) {
                float[] d = block.channel(c);
                d[i] = (float) (d[i] * g);
            }
        }
    }
}
