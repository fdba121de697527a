package org.mixlab.dsp;

import java.util.List;

/**
 * Stereo chorus (type id {@code chorus}), 100 % wet: each side is one voice read from a delay line whose delay swings
 * sinusoidally by +-depth/2 around the centre delay, the right voice's LFO a quarter cycle after the left's, read with
 * cubic interpolation. Feedback returns the voice into its own line. Width scales the side (L - R) signal: 0 % gives
 * two identical voices, 100 % the full quadrature pair. A mono block gets both voices from its one input and their
 * average. The delay never goes below 2 samples (interpolation headroom).
 */
public final class ChorusProcessor extends Processor {
    /** Parameter index of rateHz: 0.05..5 Hz, log, default 0.8. */
    public static final int RATE_HZ = 0;
    /** Parameter index of depthMs (peak-to-peak delay swing): 0..10 ms, default 3. */
    public static final int DEPTH_MS = 1;
    /** Parameter index of delayMs (centre delay): 5..40 ms, default 15. */
    public static final int DELAY_MS = 2;
    /** Parameter index of feedbackPct: 0..90 %, default 0. */
    public static final int FEEDBACK_PCT = 3;
    /** Parameter index of widthPct: 0..100 %, default 100. */
    public static final int WIDTH_PCT = 4;

    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.log("rateHz", "Rate", "Hz", 0.05, 5, 0.8),
            ParamSpec.linear("depthMs", "Depth", "ms", 0, 10, 3),
            ParamSpec.linear("delayMs", "Delay", "ms", 5, 40, 15),
            ParamSpec.linear("feedbackPct", "Feedback", "%", 0, 90, 0),
            ParamSpec.linear("widthPct", "Width", "%", 0, 100, 100));

    /** Phase offset of the right voice's LFO, in cycles. */
    static final double RIGHT_PHASE = 0.25;

    private double sampleRate = 44100;
    private double msToSamples = 44.1;
    private final DelayLine[] lines = {new DelayLine(), new DelayLine()};
    private final Lfo lfo = new Lfo();
    private final SmoothedValue rateHz = new SmoothedValue(0.8, true);
    private final SmoothedValue depthMs = new SmoothedValue(3, false);
    private final SmoothedValue delayMs = new SmoothedValue(15, false);
    private final SmoothedValue feedback = new SmoothedValue(0, false);
    private final SmoothedValue width = new SmoothedValue(1, false);

    /** Creates a chorus with default parameters; call prepare before processing. */
    public ChorusProcessor() {
        super(PARAMS);
        prepare(new ProcessSpec(44100, 512, 2));
    }

    /** {@inheritDoc} Output is 100 % wet, so as an insert it starts at 50 %: dry and modulated voices equally. */
    @Override
    public double insertMixDefault() {
        return 0.5;
    }

    @Override
    public String typeId() {
        return "chorus";
    }

    @Override
    public String displayName() {
        return "Chorus";
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        msToSamples = sampleRate / 1000.0;
        int max = (int) Math.ceil(45.0 * msToSamples) + 4;
        lines[0].setMaximumDelay(max);
        lines[1].setMaximumDelay(max);
        rateHz.reset(sampleRate, 50);
        depthMs.reset(sampleRate, 50);
        delayMs.reset(sampleRate, 100);
        feedback.reset(sampleRate, 20);
        width.reset(sampleRate, 20);
        reset();
    }

    @Override
    public void reset() {
        lines[0].reset();
        lines[1].reset();
        lfo.setPhase(0);
        rateHz.setCurrentAndTarget(values[RATE_HZ]);
        depthMs.setCurrentAndTarget(values[DEPTH_MS]);
        delayMs.setCurrentAndTarget(values[DELAY_MS]);
        feedback.setCurrentAndTarget(values[FEEDBACK_PCT] / 100.0);
        width.setCurrentAndTarget(values[WIDTH_PCT] / 100.0);
        lfo.setRate(values[RATE_HZ], sampleRate);
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        switch (index) {
            case RATE_HZ -> rateHz.setTarget(value);
            case DEPTH_MS -> depthMs.setTarget(value);
            case DELAY_MS -> delayMs.setTarget(value);
            case FEEDBACK_PCT -> feedback.setTarget(value / 100.0);
            case WIDTH_PCT -> width.setTarget(value / 100.0);
            default -> { }
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
        double check = 0;
        for (int i = 0; i < n; i++) {
            if (rateHz.isSmoothing()) {
                lfo.setRate(rateHz.next(), sampleRate);
            }
            double centre = delayMs.next() * msToSamples;
            double swing = 0.5 * depthMs.next() * msToSamples;
            double fb = feedback.next();
            double w = width.next();
            double dl = centre + swing * lfo.value(0);
            double dr = centre + swing * lfo.value(RIGHT_PHASE);
            lfo.advance();
            double xl = left[i];
            double yl = lineL.readCubic(dl);
            double yr;
            if (stereo) {
                yr = lineR.readCubic(dr);
                lineL.write(DspMath.flush(xl + fb * yl));
                lineR.write(DspMath.flush(right[i] + fb * yr));
            } else {
                yr = lineL.readCubic(dr);
                lineL.write(DspMath.flush(xl + fb * 0.5 * (yl + yr)));
            }
            double mid = 0.5 * (yl + yr);
            double side = 0.5 * (yl - yr) * w;
            if (stereo) {
                left[i] = (float) DspMath.flush(mid + side);
                right[i] = (float) DspMath.flush(mid - side);
            } else {
                left[i] = (float) DspMath.flush(mid);
            }
            check += mid + side;
        }
        if (check - check != 0) {
            reset();
            block.clear();
        }
    }
}
