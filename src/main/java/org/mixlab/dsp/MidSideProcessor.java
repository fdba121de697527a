package org.mixlab.dsp;

import java.util.List;

/**
 * Mid/side width, mid and side gain, and a mono-maker that sums everything below {@code monoBelowHz} to mono through
 * a Linkwitz-Riley crossover (LR4 or LR8) while the band above keeps its width. Mono input only gets the mid gain.
 * Turning the mono-maker on or off crossfades with the plain signal over 20 ms; changing its slope crossfades from the
 * old crossover to a fresh one over 20 ms.
 */
public final class MidSideProcessor extends Processor {
    /** Parameter index of widthPct (0..200 %, default 100). */
    public static final int WIDTH_PCT = 0;
    /** Parameter index of monoOn (toggle, default off). */
    public static final int MONO_ON = 1;
    /** Parameter index of monoBelowHz (20..500 Hz log, default 120). */
    public static final int MONO_BELOW_HZ = 2;
    /** Parameter index of monoSlope (choice "LR4","LR8", default 1). */
    public static final int MONO_SLOPE = 3;
    /** Parameter index of midGainDb (-12..12 dB, default 0). */
    public static final int MID_GAIN_DB = 4;
    /** Parameter index of sideGainDb (-12..12 dB, default 0). */
    public static final int SIDE_GAIN_DB = 5;

    /** Ramp length for every parameter and for the mono-maker crossfade, in ms. */
    public static final double RAMP_MS = 20.0;
    private static final int SUB = 16;

    private final SmoothedValue width = new SmoothedValue(1, false);
    private final SmoothedValue midGain = new SmoothedValue(1, true);
    private final SmoothedValue sideGain = new SmoothedValue(1, true);
    private final SmoothedValue monoHz = new SmoothedValue(120, true);
    private final SmoothedValue monoMix = new SmoothedValue(0, false);
    private final SmoothedValue slopeFade = new SmoothedValue(0, false);
    private LinkwitzRiley crossover = new LinkwitzRiley(2);
    private LinkwitzRiley nextCrossover = new LinkwitzRiley(2);
    private final float[] lowL2 = new float[SUB];
    private final float[] lowR2 = new float[SUB];
    private final float[] highL2 = new float[SUB];
    private final float[] highR2 = new float[SUB];
    private final float[] lowL = new float[SUB];
    private final float[] lowR = new float[SUB];
    private final float[] highL = new float[SUB];
    private final float[] highR = new float[SUB];
    private double sampleRate = 48_000;
    private int activeSlope;
    private int nextSlope;
    private boolean slopeFading;
    private boolean running;
    private boolean coeffsDirty = true;

    /** Creates the processor at its defaults. */
    public MidSideProcessor() {
        super(List.of(
                ParamSpec.linear("widthPct", "Width", "%", 0, 200, 100),
                ParamSpec.toggle("monoOn", "Mono below", false),
                ParamSpec.log("monoBelowHz", "Mono below", "Hz", 20, 500, 120),
                ParamSpec.choice("monoSlope", "Mono slope", 1, "LR4", "LR8"),
                ParamSpec.linear("midGainDb", "Mid gain", "dB", -12, 12, 0),
                ParamSpec.linear("sideGainDb", "Side gain", "dB", -12, 12, 0)));
        snap();
    }

    @Override
    public String typeId() {
        return "midside";
    }

    @Override
    public String displayName() {
        return "Mid/Side";
    }

    private boolean monoWanted() {
        return values[MONO_ON] >= 0.5;
    }

    private void snap() {
        width.setCurrentAndTarget(values[WIDTH_PCT] / 100.0);
        midGain.setCurrentAndTarget(DspMath.dbToGain(values[MID_GAIN_DB]));
        sideGain.setCurrentAndTarget(DspMath.dbToGain(values[SIDE_GAIN_DB]));
        monoHz.setCurrentAndTarget(values[MONO_BELOW_HZ]);
        activeSlope = (int) values[MONO_SLOPE];
        monoMix.setCurrentAndTarget(monoWanted() ? 1 : 0);
        slopeFade.setCurrentAndTarget(0);
        slopeFading = false;
        running = monoWanted();
        coeffsDirty = true;
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        switch (index) {
            case WIDTH_PCT -> width.setTarget(value / 100.0);
            case MID_GAIN_DB -> midGain.setTarget(DspMath.dbToGain(value));
            case SIDE_GAIN_DB -> sideGain.setTarget(DspMath.dbToGain(value));
            case MONO_BELOW_HZ -> monoHz.setTarget(value);
            case MONO_SLOPE -> {
                if (!running) {
                    activeSlope = (int) value;
                    coeffsDirty = true;
                } // while running, process() crossfades to a crossover with the new slope
            }
            default -> monoMix.setTarget(monoWanted() ? 1 : 0);
        }
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        crossover = new LinkwitzRiley(2);
        nextCrossover = new LinkwitzRiley(2);
        slopeFade.reset(sampleRate, RAMP_MS);
        width.reset(sampleRate, RAMP_MS);
        midGain.reset(sampleRate, RAMP_MS);
        sideGain.reset(sampleRate, RAMP_MS);
        monoHz.reset(sampleRate, RAMP_MS);
        monoMix.reset(sampleRate, RAMP_MS);
        reset();
    }

    @Override
    public void reset() {
        snap();
        crossover.reset();
        nextCrossover.reset();
    }

    /** Analytic attenuation, in dB (negative), of side content {@code octaves} below the current crossover. */
    public double sideAttenuationDb(double octaves) {
        LinkwitzRiley probe = new LinkwitzRiley(1);
        LinkwitzRiley.Order order = values[MONO_SLOPE] >= 0.5 ? LinkwitzRiley.Order.LR8 : LinkwitzRiley.Order.LR4;
        probe.setup(sampleRate, values[MONO_BELOW_HZ], order);
        return probe.highMagnitudeDb(values[MONO_BELOW_HZ] * Math.pow(2, -octaves), sampleRate);
    }

    @Override
    public void process(AudioBlock block) {
        int n = block.numSamples();
        if (block.numChannels() == 1) {
            float[] x = block.channel(0);
            width.skip(n);
            sideGain.skip(n);
            monoHz.skip(n);
            monoMix.skip(n);
            slopeFade.skip(n);
            for (int i = 0; i < n; i++) {
                x[i] = (float) (x[i] * midGain.next());
            }
            return;
        }
        float[] l = block.channel(0);
        float[] r = block.channel(1);
        for (int from = 0; from < n; from += SUB) {
            int to = Math.min(n, from + SUB);
            int len = to - from;
            updateMonoState(len);
            if (running) {
                crossover.split(l, from, lowL, highL, 0, len);
                crossover.split(r, from, lowR, highR, 1, len);
                boolean fading = slopeFading;
                if (fading) {
                    nextCrossover.split(l, from, lowL2, highL2, 0, len);
                    nextCrossover.split(r, from, lowR2, highR2, 1, len);
                }
                for (int i = 0; i < len; i++) {
                    double mix = monoMix.next();
                    double m = 0.5 * (l[from + i] + r[from + i]);
                    double s = 0.5 * (l[from + i] - r[from + i]);
                    double mm = 0.5 * (lowL[i] + lowR[i] + highL[i] + highR[i]);
                    double sm = 0.5 * (highL[i] - highR[i]);
                    if (fading) {
                        double x = slopeFade.next();
                        mm += x * (0.5 * (lowL2[i] + lowR2[i] + highL2[i] + highR2[i]) - mm);
                        sm += x * (0.5 * (highL2[i] - highR2[i]) - sm);
                    }
                    m += mix * (mm - m);
                    s += mix * (sm - s);
                    write(l, r, from + i, m, s);
                }
                if (fading && !slopeFade.isSmoothing()) {
                    LinkwitzRiley t = crossover;
                    crossover = nextCrossover;
                    nextCrossover = t;
                    activeSlope = nextSlope;
                    slopeFading = false;
                }
            } else {
                for (int i = from; i < to; i++) {
                    monoMix.next();
                    write(l, r, i, 0.5 * (l[i] + r[i]), 0.5 * (l[i] - r[i]));
                }
            }
        }
    }

    private void write(float[] l, float[] r, int i, double m, double s) {
        double mo = m * midGain.next();
        double so = s * sideGain.next() * width.next();
        l[i] = (float) (mo + so);
        r[i] = (float) (mo - so);
    }

    private static LinkwitzRiley.Order order(int slope) {
        return slope == 1 ? LinkwitzRiley.Order.LR8 : LinkwitzRiley.Order.LR4;
    }

    private void updateMonoState(int len) {
        int wantedSlope = (int) values[MONO_SLOPE];
        if (running && monoMix.current() == 0 && monoMix.target() == 0) {
            running = false;
            slopeFading = false;
        }
        if (!running && monoMix.target() > 0) {
            running = true;
            activeSlope = wantedSlope;
            crossover.reset();
            coeffsDirty = true;
        }
        if (!running) {
            activeSlope = wantedSlope;
            monoHz.skip(len);
            return;
        }
        if (!slopeFading && wantedSlope != activeSlope) {
            slopeFading = true;
            nextSlope = wantedSlope;
            nextCrossover.reset();
            slopeFade.setCurrentAndTarget(0);
            slopeFade.setTarget(1);
            coeffsDirty = true;
        }
        if (monoHz.isSmoothing()) {
            monoHz.skip(len);
            coeffsDirty = true;
        }
        if (coeffsDirty) {
            crossover.setup(sampleRate, monoHz.current(), order(activeSlope));
            if (slopeFading) {
                nextCrossover.setup(sampleRate, monoHz.current(), order(nextSlope));
            }
            coeffsDirty = false;
        }
    }
}
