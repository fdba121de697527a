package org.mixlab.dsp;

import java.util.List;

/**
 * Echo delay (type id {@code delay}), 100 % wet. Time is free in ms or synced to the session tempo in note values
 * (straight, dotted = x1.5, triplet = x2/3). Echo times are exact to the sample: an impulse comes back after
 * round(time * fs) samples at full level, and every later echo is scaled by the feedback. Low- and high-cut
 * one-pole filters sit in the feedback loop only (each repeat gets darker and thinner, the first echo is
 * unfiltered); at the ends of their ranges (20 Hz, 20 kHz) they are bypassed so the loop is then exactly flat.
 * Time changes cross-fade between a tap at the old and one at the new time over 50 ms (no pitch bend, no click).
 * Ping-pong sends the (mono-summed) input into the left line and crosses the feedback, so echoes alternate
 * left/right. A mono block gives the same echo train summed to one channel.
 */
public final class DelayProcessor extends Processor implements TempoAware {
    /** Parameter index of timeMs: 1..2000 ms, log, default 375. */
    public static final int TIME_MS = 0;
    /** Parameter index of sync: toggle, default off. */
    public static final int SYNC = 1;
    /** Parameter index of note: choice of note values, default 7 ("1/8"). */
    public static final int NOTE = 2;
    /** Parameter index of feedbackPct: 0..95 %, default 35. */
    public static final int FEEDBACK_PCT = 3;
    /** Parameter index of lowCutHz: 20..2000 Hz, log, default 150 (20 = off). */
    public static final int LOW_CUT_HZ = 4;
    /** Parameter index of highCutHz: 1000..20000 Hz, log, default 8000 (20000 = off). */
    public static final int HIGH_CUT_HZ = 5;
    /** Parameter index of pingPong: toggle, default off. */
    public static final int PING_PONG = 6;

    /** Longest delay in ms, for slow tempos with long synced notes (free time tops out at 2000 ms). */
    public static final double MAX_DELAY_MS = 4000.0;

    private static final String[] NOTE_LABELS = {"1/1", "1/2", "1/2D", "1/2T", "1/4", "1/4D", "1/4T", "1/8", "1/8D",
        "1/8T", "1/16", "1/16D", "1/16T"};
    private static final double[] NOTE_BEATS = {4, 2, 3, 4.0 / 3, 1, 1.5, 2.0 / 3, 0.5, 0.75, 1.0 / 3, 0.25, 0.375,
        1.0 / 6};

    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.log("timeMs", "Time", "ms", 1, 2000, 375),
            ParamSpec.toggle("sync", "Sync", false),
            ParamSpec.choice("note", "Note", 7, NOTE_LABELS),
            ParamSpec.linear("feedbackPct", "Feedback", "%", 0, 95, 35),
            ParamSpec.log("lowCutHz", "Low cut", "Hz", 20, 2000, 150),
            ParamSpec.log("highCutHz", "High cut", "Hz", 1000, 20000, 8000),
            ParamSpec.toggle("pingPong", "Ping-pong", false));

    private double sampleRate = 44100;
    private double tempoBpm = 120;
    private final DelayLine[] lines = {new DelayLine(), new DelayLine()};
    private final OnePole[] lowCut = {new OnePole(), new OnePole()};
    private final OnePole[] highCut = {new OnePole(), new OnePole()};
    private final CrossfadeTap tap = new CrossfadeTap();
    private final SmoothedValue feedback = new SmoothedValue(0.35, false);
    private final SmoothedValue lowCutHz = new SmoothedValue(150, true);
    private final SmoothedValue highCutHz = new SmoothedValue(8000, true);
    private final SmoothedValue lowCutAmount = new SmoothedValue(1, false);
    private final SmoothedValue highCutAmount = new SmoothedValue(1, false);
    private final SmoothedValue pingPong = new SmoothedValue(0, false);

    /** Creates a delay with default parameters; call prepare before processing. */
    public DelayProcessor() {
        super(PARAMS);
        prepare(new ProcessSpec(44100, 512, 2));
    }

    /** {@inheritDoc} Output is 100 % wet, so as an insert it starts at 30 %: the echoes under the dry sound. */
    @Override
    public double insertMixDefault() {
        return 0.3;
    }

    @Override
    public String typeId() {
        return "delay";
    }

    @Override
    public String displayName() {
        return "Delay";
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        int max = (int) Math.ceil(MAX_DELAY_MS * sampleRate / 1000.0) + 1;
        for (DelayLine l : lines) {
            l.setMaximumDelay(max);
        }
        tap.setFadeSamples((int) Math.round(0.05 * sampleRate));
        feedback.reset(sampleRate, 20);
        lowCutHz.reset(sampleRate, 30);
        highCutHz.reset(sampleRate, 30);
        lowCutAmount.reset(sampleRate, 20);
        highCutAmount.reset(sampleRate, 20);
        pingPong.reset(sampleRate, 20);
        reset();
    }

    @Override
    public void reset() {
        for (int c = 0; c < 2; c++) {
            lines[c].reset();
            lowCut[c].reset();
            highCut[c].reset();
        }
        tap.jumpTo(targetDelaySamples());
        feedback.setCurrentAndTarget(values[FEEDBACK_PCT] / 100.0);
        lowCutHz.setCurrentAndTarget(values[LOW_CUT_HZ]);
        highCutHz.setCurrentAndTarget(values[HIGH_CUT_HZ]);
        lowCutAmount.setCurrentAndTarget(values[LOW_CUT_HZ] > PARAMS.get(LOW_CUT_HZ).min() ? 1 : 0);
        highCutAmount.setCurrentAndTarget(values[HIGH_CUT_HZ] < PARAMS.get(HIGH_CUT_HZ).max() ? 1 : 0);
        pingPong.setCurrentAndTarget(values[PING_PONG]);
        updateFilterCoefficients();
    }

    /** Sets the session tempo, 20..300 BPM (default 120); synced times follow it. */
    @Override
    public void setTempoBpm(double bpm) {
        double b = Double.isNaN(bpm) ? 120 : DspMath.clamp(bpm, 20, 300);
        if (b != tempoBpm) {
            tempoBpm = b;
            tap.setTarget(targetDelaySamples());
        }
    }

    /** The current delay time in ms: the free time, or the synced note at the current tempo (capped at 4 s). */
    public double effectiveTimeMs() {
        if (values[SYNC] >= 0.5) {
            return Math.min(MAX_DELAY_MS, NOTE_BEATS[(int) values[NOTE]] * 60000.0 / tempoBpm);
        }
        return values[TIME_MS];
    }

    /** The current delay in whole samples, round(time * fs). */
    public int delaySamples() {
        return targetDelaySamples();
    }

    private int targetDelaySamples() {
        int d = (int) Math.round(effectiveTimeMs() * sampleRate / 1000.0);
        return Math.max(1, Math.min(d, lines[0].maximumDelay()));
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        switch (index) {
            case TIME_MS, SYNC, NOTE -> tap.setTarget(targetDelaySamples());
            case FEEDBACK_PCT -> feedback.setTarget(value / 100.0);
            case LOW_CUT_HZ -> {
                lowCutHz.setTarget(value);
                lowCutAmount.setTarget(value > PARAMS.get(LOW_CUT_HZ).min() ? 1 : 0);
            }
            case HIGH_CUT_HZ -> {
                highCutHz.setTarget(value);
                highCutAmount.setTarget(value < PARAMS.get(HIGH_CUT_HZ).max() ? 1 : 0);
            }
            case PING_PONG -> pingPong.setTarget(value);
            default -> { }
        }
    }

    private void updateFilterCoefficients() {
        double gl = OnePole.coefficient(lowCutHz.current(), sampleRate);
        double gh = OnePole.coefficient(highCutHz.current(), sampleRate);
        for (int c = 0; c < 2; c++) {
            lowCut[c].setCoefficient(gl);
            highCut[c].setCoefficient(gh);
        }
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
        DelayLine lineL = lines[0];
        DelayLine lineR = lines[1];
        double outCheck = 0;
        for (int i = 0; i < n; i++) {
            if (lowCutHz.isSmoothing() || highCutHz.isSmoothing()) {
                lowCutHz.next();
                highCutHz.next();
                updateFilterCoefficients();
            }
            double fb = feedback.next();
            double lowAmt = lowCutAmount.next();
            double highAmt = highCutAmount.next();
            double pp = pingPong.next();

            double xl = left[i];
            double xr = stereo ? right[i] : 0.0;
            tap.begin();
            double yl = tap.read(lineL);
            double yr = tap.read(lineR);
            tap.advance();

            double fl = loopFilter(0, yl, lowAmt, highAmt);
            double fr = loopFilter(1, yr, lowAmt, highAmt);
            double mono = stereo ? 0.5 * (xl + xr) : xl;
            double inL = (1 - pp) * xl + pp * mono + fb * ((1 - pp) * fl + pp * fr);
            double inR = (1 - pp) * xr + fb * ((1 - pp) * fr + pp * fl);
            lineL.write(DspMath.flush(inL));
            lineR.write(DspMath.flush(inR));

            if (stereo) {
                left[i] = (float) DspMath.flush(yl);
                right[i] = (float) DspMath.flush(yr);
            } else {
                left[i] = (float) DspMath.flush(yl + pp * yr);
            }
            outCheck += yl + yr;
        }
        if (outCheck - outCheck != 0) {
            reset();
            block.clear();
        }
    }

    private double loopFilter(int c, double y, double lowAmt, double highAmt) {
        double a = y - lowAmt * lowCut[c].lowpass(y);
        double lp = highCut[c].lowpass(a);
        return a + highAmt * (lp - a);
    }
}
