package org.mixlab.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Parametric equaliser: high-pass and low-pass (12/24/48 dB/oct cascaded Butterworth), low and high shelf with Q,
 * four peaking bands and an output gain, all RBJ Audio EQ Cookbook biquads in series.
 * <p>
 * Frequencies, Qs and band gains glide multiplicatively over 20 ms; while any of a band's values glides, its
 * coefficients are recomputed every 16 samples. Switching a shelf or bell off ramps its gain to 0 dB before it is
 * bypassed; switching a cut filter on or off (or changing its slope) crossfades with the unfiltered signal over 20 ms.
 */
public final class EqProcessor extends Processor {
    /** Parameter index of hpOn; the others follow in the order of the shared contract. */
    public static final int HP_ON = 0;
    /** Parameter index of hpFreqHz (20..2000 Hz, default 80). */
    public static final int HP_FREQ_HZ = 1;
    /** Parameter index of hpSlope (choice 12/24/48 dB/oct, default 1). */
    public static final int HP_SLOPE = 2;
    /** Parameter index of lpOn. */
    public static final int LP_ON = 3;
    /** Parameter index of lpFreqHz (1000..20000 Hz, default 18000). */
    public static final int LP_FREQ_HZ = 4;
    /** Parameter index of lpSlope (choice, default 1). */
    public static final int LP_SLOPE = 5;
    /** Parameter index of lowShelfOn; lowShelfFreqHz, lowShelfGainDb and lowShelfQ follow. */
    public static final int LOW_SHELF_ON = 6;
    /** Parameter index of b1On; b1FreqHz, b1GainDb, b1Q follow, then b2..b4 in groups of four. */
    public static final int B1_ON = 10;
    /** Parameter index of highShelfOn; highShelfFreqHz, highShelfGainDb and highShelfQ follow. */
    public static final int HIGH_SHELF_ON = 26;
    /** Parameter index of outputDb (-12..12 dB, default 0). */
    public static final int OUTPUT_DB = 30;
    /** Parameter index of channels (0 Stereo, 1 Mid only, 2 Side only; default Stereo): the M/S EQ of mastering. */
    public static final int CHANNELS = 31;

    /** Glide time of every continuous parameter and of the on/off crossfades, in ms. */
    public static final double RAMP_MS = 20.0;
    /** Coefficient update interval while a value glides, in samples. */
    public static final int SUB_BLOCK = 16;
    private static final double DRAW_RATE = 48_000;
    private static final double[] BELL_DEFAULT_HZ = {200, 800, 2500, 6000};

    /** A high-pass or low-pass made of up to four Butterworth sections, crossfaded against the dry signal. */
    private static final class Cut {
        final boolean highpass;
        final int onIdx;
        Biquad[] sections = new Biquad[4];
        Biquad[] next = new Biquad[4];
        final SmoothedValue freq = new SmoothedValue(1000, true);
        final SmoothedValue mix = new SmoothedValue(0, false);
        final SmoothedValue slopeFade = new SmoothedValue(0, false);
        int slope;
        int nextSlope;
        boolean slopeFading;
        boolean running;
        boolean dirty = true;

        Cut(boolean highpass, int onIdx, int channels) {
            this.highpass = highpass;
            this.onIdx = onIdx;
            for (int i = 0; i < 4; i++) {
                sections[i] = new Biquad(channels);
                next[i] = new Biquad(channels);
            }
        }

        static int count(int slopeIndex) {
            return slopeIndex == 0 ? 1 : slopeIndex == 1 ? 2 : 4;
        }

        void design(Biquad[] target, double fs, double hz, int slopeIndex) {
            int count = count(slopeIndex);
            for (int s = 0; s < count; s++) {
                double q = Biquad.butterworthQ(2 * count, s);
                if (highpass) {
                    target[s].setHighpass(fs, hz, q);
                } else {
                    target[s].setLowpass(fs, hz, q);
                }
            }
        }

        void reset() {
            for (int i = 0; i < 4; i++) {
                sections[i].reset();
                next[i].reset();
            }
        }
    }

    /** A shelf or bell; off means its gain glides to 0 dB and the section is then skipped. */
    private static final class Band {
        static final int LOW_SHELF = 0;
        static final int BELL = 1;
        static final int HIGH_SHELF = 2;
        final int kind;
        final int onIdx;
        final Biquad filter;
        final SmoothedValue freq = new SmoothedValue(1000, true);
        final SmoothedValue gain = new SmoothedValue(1, true); // linear amplitude at the band's peak
        final SmoothedValue q = new SmoothedValue(1, true);
        boolean dirty = true;
        boolean active;

        Band(int kind, int onIdx, int channels) {
            this.kind = kind;
            this.onIdx = onIdx;
            this.filter = new Biquad(channels);
        }

        void design(Biquad target, double fs, double hz, double qv, double gainDb) {
            switch (kind) {
                case LOW_SHELF -> target.setLowShelf(fs, hz, qv, gainDb);
                case HIGH_SHELF -> target.setHighShelf(fs, hz, qv, gainDb);
                default -> target.setPeaking(fs, hz, qv, gainDb);
            }
        }
    }

    private Cut hp;
    private Cut lp;
    private Band[] bands;
    private final SmoothedValue output = new SmoothedValue(1, true);
    private final Biquad probe = new Biquad(1);
    private final Biquad[] probeSections = {new Biquad(1), new Biquad(1), new Biquad(1), new Biquad(1)};
    private final float[] dry = new float[SUB_BLOCK];
    private final float[] mixRamp = new float[SUB_BLOCK];
    private final float[] slopeRamp = new float[SUB_BLOCK];
    private final float[] alt = new float[SUB_BLOCK];
    /** The sections of the steady-state path, in processing order (at most 4 + 4 + 6). */
    private final Biquad[] chain = new Biquad[14];
    private Cut[] cuts = new Cut[0];
    private double sampleRate;
    private boolean prepared;
    private int channels = 2;

    /** Creates the equaliser at its defaults (every band off, flat). */
    public EqProcessor() {
        super(specs());
        build(2);
        snap();
    }

    private static List<ParamSpec> specs() {
        List<ParamSpec> p = new ArrayList<>();
        String[] slopes = {"12 dB/oct", "24 dB/oct", "48 dB/oct"};
        p.add(ParamSpec.toggle("hpOn", "High-pass", false));
        p.add(ParamSpec.log("hpFreqHz", "High-pass freq", "Hz", 20, 2000, 80));
        p.add(ParamSpec.choice("hpSlope", "High-pass slope", 1, slopes));
        p.add(ParamSpec.toggle("lpOn", "Low-pass", false));
        p.add(ParamSpec.log("lpFreqHz", "Low-pass freq", "Hz", 1000, 20000, 18000));
        p.add(ParamSpec.choice("lpSlope", "Low-pass slope", 1, slopes));
        p.add(ParamSpec.toggle("lowShelfOn", "Low shelf", false));
        p.add(ParamSpec.log("lowShelfFreqHz", "Low shelf freq", "Hz", 20, 1000, 100));
        p.add(ParamSpec.linear("lowShelfGainDb", "Low shelf gain", "dB", -18, 18, 0));
        p.add(ParamSpec.log("lowShelfQ", "Low shelf Q", "", 0.3, 2, 0.707));
        for (int b = 1; b <= 4; b++) {
            p.add(ParamSpec.toggle("b" + b + "On", "Band " + b, false));
            p.add(ParamSpec.log("b" + b + "FreqHz", "Band " + b + " freq", "Hz", 20, 20000, BELL_DEFAULT_HZ[b - 1]));
            p.add(ParamSpec.linear("b" + b + "GainDb", "Band " + b + " gain", "dB", -18, 18, 0));
            p.add(ParamSpec.log("b" + b + "Q", "Band " + b + " Q", "", 0.1, 18, 1.0));
        }
        p.add(ParamSpec.toggle("highShelfOn", "High shelf", false));
        p.add(ParamSpec.log("highShelfFreqHz", "High shelf freq", "Hz", 1000, 20000, 8000));
        p.add(ParamSpec.linear("highShelfGainDb", "High shelf gain", "dB", -18, 18, 0));
        p.add(ParamSpec.log("highShelfQ", "High shelf Q", "", 0.3, 2, 0.707));
        p.add(ParamSpec.linear("outputDb", "Output", "dB", -12, 12, 0));
        p.add(ParamSpec.choice("channels", "Apply to", 0, "Stereo", "Mid", "Side"));
        return p;
    }

    private void build(int ch) {
        channels = ch;
        hp = new Cut(true, HP_ON, ch);
        lp = new Cut(false, LP_ON, ch);
        cuts = new Cut[] {hp, lp};
        bands = new Band[6];
        bands[0] = new Band(Band.LOW_SHELF, LOW_SHELF_ON, ch);
        for (int b = 0; b < 4; b++) {
            bands[1 + b] = new Band(Band.BELL, B1_ON + 4 * b, ch);
        }
        bands[5] = new Band(Band.HIGH_SHELF, HIGH_SHELF_ON, ch);
    }

    @Override
    public String typeId() {
        return "eq";
    }

    @Override
    public String displayName() {
        return "Equalizer";
    }

    private boolean on(int idx) {
        return values[idx] >= 0.5;
    }

    private double bandGainTarget(Band b) {
        return on(b.onIdx) ? Math.pow(10.0, values[b.onIdx + 2] / 40.0) : 1.0;
    }

    private void snap() {
        snapCut(hp);
        snapCut(lp);
        for (Band b : bands) {
            b.freq.setCurrentAndTarget(values[b.onIdx + 1]);
            b.gain.setCurrentAndTarget(bandGainTarget(b));
            b.q.setCurrentAndTarget(values[b.onIdx + 3]);
            b.active = on(b.onIdx);
            b.dirty = true;
            b.filter.reset();
        }
        output.setCurrentAndTarget(DspMath.dbToGain(values[OUTPUT_DB]));
    }

    private void snapCut(Cut c) {
        c.freq.setCurrentAndTarget(values[c.onIdx + 1]);
        c.slope = (int) values[c.onIdx + 2];
        c.mix.setCurrentAndTarget(on(c.onIdx) ? 1 : 0);
        c.slopeFade.setCurrentAndTarget(0);
        c.slopeFading = false;
        c.running = on(c.onIdx);
        c.dirty = true;
        c.reset();
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        if (index == CHANNELS) {
            if (prepared) {
                snap(); // the filters now see another signal: start them from rest
            }
            return;
        }
        if (index == OUTPUT_DB) {
            output.setTarget(DspMath.dbToGain(value));
            return;
        }
        if (index < LOW_SHELF_ON) {
            Cut c = index < LP_ON ? hp : lp;
            int field = index - c.onIdx;
            if (field == 1) {
                c.freq.setTarget(value);
            } else if (field == 2) {
                if (!c.running) {
                    c.slope = (int) value;
                    c.dirty = true;
                } // while running, process() crossfades to the new slope
            } else {
                c.mix.setTarget(on(c.onIdx) ? 1 : 0);
            }
            return;
        }
        Band b = index < B1_ON ? bands[0] : index >= HIGH_SHELF_ON ? bands[5] : bands[1 + (index - B1_ON) / 4];
        switch (index - b.onIdx) {
            case 1 -> b.freq.setTarget(value);
            case 3 -> b.q.setTarget(value);
            default -> {
                b.gain.setTarget(bandGainTarget(b));
                if (on(b.onIdx) && !b.active) {
                    b.active = true;
                    b.dirty = true;
                    b.filter.reset();
                }
            }
        }
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        prepared = true;
        build(Math.max(2, spec.channels()));
        hp.freq.reset(sampleRate, RAMP_MS);
        hp.mix.reset(sampleRate, RAMP_MS);
        hp.slopeFade.reset(sampleRate, RAMP_MS);
        lp.freq.reset(sampleRate, RAMP_MS);
        lp.mix.reset(sampleRate, RAMP_MS);
        lp.slopeFade.reset(sampleRate, RAMP_MS);
        for (Band b : bands) {
            b.freq.reset(sampleRate, RAMP_MS);
            b.gain.reset(sampleRate, RAMP_MS);
            b.q.reset(sampleRate, RAMP_MS);
        }
        output.reset(sampleRate, RAMP_MS);
        reset();
    }

    @Override
    public void reset() {
        snap();
    }

    private final float[][] msHolder = {new float[1]};
    private final AudioBlock msBlock = new AudioBlock(msHolder, 0);

    @Override
    public void process(AudioBlock block) {
        int mode = (int) values[CHANNELS];
        if (mode == 0 || block.numChannels() != 2) {
            processStereo(block);
            return;
        }
        // M/S EQ: encode, equalise only the mid or the side, decode
        int n = block.numSamples();
        float[] l = block.channel(0);
        float[] r = block.channel(1);
        for (int i = 0; i < n; i++) {
            float m = 0.5f * (l[i] + r[i]);
            float sd = 0.5f * (l[i] - r[i]);
            l[i] = m;
            r[i] = sd;
        }
        msHolder[0] = mode == 1 ? l : r;
        msBlock.setNumChannels(1);
        msBlock.setNumSamples(n);
        processStereo(msBlock);
        for (int i = 0; i < n; i++) {
            float m = l[i];
            float sd = r[i];
            l[i] = m + sd;
            r[i] = m - sd;
        }
    }

    private void processStereo(AudioBlock block) {
        int n = block.numSamples();
        int nch = Math.min(block.numChannels(), channels);
        int count = steadyChain();
        if (count >= 0) {
            // nothing glides or fades: the whole block through the active sections, two per pass
            double g = output.current();
            for (int c = 0; c < nch; c++) {
                float[] d = block.channel(c);
                Biquad.processChain(chain, count, d, c, 0, n);
                if (g != 1.0) {
                    for (int i = 0; i < n; i++) {
                        d[i] = (float) (d[i] * g);
                    }
                }
            }
            return;
        }
        for (int from = 0; from < n; from += SUB_BLOCK) {
            int to = Math.min(n, from + SUB_BLOCK);
            processCut(hp, block, nch, from, to);
            processCut(lp, block, nch, from, to);
            for (Band b : bands) {
                processBand(b, block, nch, from, to);
            }
            if (output.isSmoothing()) {
                for (int i = from; i < to; i++) {
                    double g = output.next();
                    for (int c = 0; c < nch; c++) {
                        float[] d = block.channel(c);
                        d[i] = (float) (d[i] * g);
                    }
                }
            } else {
                double g = output.current();
                if (g != 1.0) {
                    for (int c = 0; c < nch; c++) {
                        float[] d = block.channel(c);
                        for (int i = from; i < to; i++) {
                            d[i] = (float) (d[i] * g);
                        }
                    }
                }
            }
        }
    }

    /**
     * When no control glides, no band or cut fades in or out and no coefficients wait to be recomputed, collects the
     * sections that filter (in processing order) into {@link #chain} and returns how many; otherwise returns -1 and the
     * block goes through the sub-block path, which moves the smoothers.
     */
    private int steadyChain() {
        if (output.isSmoothing()) {
            return -1;
        }
        int k = 0;
        for (Cut c : cuts) {
            if (c.freq.isSmoothing()) {
                return -1;
            }
            if (c.running) {
                if (c.dirty || c.slopeFading || c.mix.current() != 1.0 || c.mix.target() != 1.0
                        || (int) values[c.onIdx + 2] != c.slope) {
                    return -1;
                }
                int count = Cut.count(c.slope);
                for (int s = 0; s < count; s++) {
                    chain[k++] = c.sections[s];
                }
            } else if (c.mix.target() > 0) {
                return -1;
            }
        }
        for (Band b : bands) {
            if (b.freq.isSmoothing() || b.gain.isSmoothing() || b.q.isSmoothing()) {
                return -1;
            }
            if (b.active) {
                if (b.dirty || !on(b.onIdx)) {
                    return -1;
                }
                chain[k++] = b.filter;
            }
        }
        return k;
    }

    private void processCut(Cut c, AudioBlock block, int nch, int from, int to) {
        int len = to - from;
        int wanted = (int) values[c.onIdx + 2];
        if (c.running && c.mix.current() == 0 && c.mix.target() == 0) {
            c.running = false;
            c.slopeFading = false;
        }
        if (!c.running && c.mix.target() > 0) {
            c.running = true;
            c.slope = wanted;
            c.slopeFading = false;
            c.reset();
            c.dirty = true;
        }
        if (!c.running) {
            c.slope = wanted;
            c.freq.skip(len);
            return;
        }
        if (!c.slopeFading && wanted != c.slope) {
            // crossfade from the current sections to a fresh set at the new slope
            c.slopeFading = true;
            c.nextSlope = wanted;
            for (int i = 0; i < 4; i++) {
                c.next[i].reset();
            }
            c.slopeFade.setCurrentAndTarget(0);
            c.slopeFade.setTarget(1);
            c.dirty = true;
        }
        if (c.freq.isSmoothing()) {
            c.freq.skip(len);
            c.dirty = true;
        }
        if (c.dirty) {
            c.design(c.sections, sampleRate(), c.freq.current(), c.slope);
            if (c.slopeFading) {
                c.design(c.next, sampleRate(), c.freq.current(), c.nextSlope);
            }
            c.dirty = false;
        }
        boolean fading = c.mix.isSmoothing() || c.mix.current() != 1.0;
        if (fading) {
            for (int i = 0; i < len; i++) {
                mixRamp[i] = (float) c.mix.next();
            }
        }
        boolean slopeFading = c.slopeFading;
        if (slopeFading) {
            for (int i = 0; i < len; i++) {
                slopeRamp[i] = (float) c.slopeFade.next();
            }
        }
        int count = Cut.count(c.slope);
        int nextCount = Cut.count(c.nextSlope);
        for (int ch = 0; ch < nch; ch++) {
            float[] d = block.channel(ch);
            if (fading || slopeFading) {
                System.arraycopy(d, from, dry, 0, len);
            }
            for (int s = 0; s < count; s++) {
                c.sections[s].process(d, ch, from, to);
            }
            if (slopeFading) {
                System.arraycopy(dry, 0, alt, 0, len);
                for (int s = 0; s < nextCount; s++) {
                    c.next[s].process(alt, ch, 0, len);
                }
                for (int i = 0; i < len; i++) {
                    d[from + i] += slopeRamp[i] * (alt[i] - d[from + i]);
                }
            }
            if (fading) {
                for (int i = 0; i < len; i++) {
                    d[from + i] = dry[i] + mixRamp[i] * (d[from + i] - dry[i]);
                }
            }
        }
        if (slopeFading && !c.slopeFade.isSmoothing()) {
            Biquad[] t = c.sections;
            c.sections = c.next;
            c.next = t;
            c.slope = c.nextSlope;
            c.slopeFading = false;
        }
    }

    private void processBand(Band b, AudioBlock block, int nch, int from, int to) {
        int len = to - from;
        if (!b.active) {
            b.freq.skip(len);
            b.q.skip(len);
            b.gain.skip(len);
            return;
        }
        boolean gliding = b.freq.isSmoothing() || b.gain.isSmoothing() || b.q.isSmoothing();
        if (gliding) {
            b.freq.skip(len);
            b.gain.skip(len);
            b.q.skip(len);
            b.dirty = true;
        }
        if (!on(b.onIdx) && !b.gain.isSmoothing()) {
            b.active = false;
            return;
        }
        if (b.dirty) {
            b.design(b.filter, sampleRate(), b.freq.current(), b.q.current(),
                    40.0 * Math.log10(b.gain.current()));
            b.dirty = false;
        }
        for (int ch = 0; ch < nch; ch++) {
            b.filter.process(block.channel(ch), ch, from, to);
        }
    }

    private double sampleRate() {
        return prepared ? sampleRate : DRAW_RATE;
    }

    /**
     * Magnitude response, in dB, of the current (target) settings at each of {@code freqsHz}, written to
     * {@code outDb}; uses the prepared sample rate, or 48 kHz before prepare. Does not disturb audio processing
     * state, but must not run concurrently with {@link #process} on the same instance.
     */
    public void magnitudeDb(double[] freqsHz, double[] outDb) {
        double fs = sampleRate();
        double outGain = values[OUTPUT_DB];
        for (int i = 0; i < freqsHz.length; i++) {
            outDb[i] = outGain;
        }
        addCutMagnitude(hp, fs, freqsHz, outDb);
        addCutMagnitude(lp, fs, freqsHz, outDb);
        for (Band b : bands) {
            if (!on(b.onIdx)) {
                continue;
            }
            b.design(probe, fs, values[b.onIdx + 1], values[b.onIdx + 3], values[b.onIdx + 2]);
            for (int i = 0; i < freqsHz.length; i++) {
                outDb[i] += probe.magnitudeDb(freqsHz[i], fs);
            }
        }
    }

    private void addCutMagnitude(Cut c, double fs, double[] freqsHz, double[] outDb) {
        if (!on(c.onIdx)) {
            return;
        }
        int slope = (int) values[c.onIdx + 2];
        c.design(probeSections, fs, values[c.onIdx + 1], slope);
        int count = slope == 0 ? 1 : slope == 1 ? 2 : 4;
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < freqsHz.length; i++) {
                outDb[i] += probeSections[s].magnitudeDb(freqsHz[i], fs);
            }
        }
    }
}
