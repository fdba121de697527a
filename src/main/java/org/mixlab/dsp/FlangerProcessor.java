package org.mixlab.dsp;

import java.util.List;

/**
 * Flanger (type id {@code flanger}). Its output is the flanged signal itself, 0.5 (x + v), where v is the input
 * delayed by a swept delay with feedback (v[n] = d(x + fb v)), so at the slot's 100 % mix the comb notches are fully
 * there; the slot's mix below 100 % makes them shallower. The delay sweeps from delayMs (LFO trough) to delayMs +
 * depthMs (crest); with depth 0 and feedback 0 the notches sit at odd multiples of 1/(2 delay). Negative feedback
 * moves the resonant peaks to where the notches were. The output is scaled by sqrt(1 - |fb|) so that heavy feedback
 * stays within about +7.5 dB at its resonances. Stereo: the right LFO runs a quarter cycle after the left. A mono
 * block runs the left voice only (averaging two differently swept combs would fill the notches in).
 */
public final class FlangerProcessor extends Processor {
    /** Parameter index of rateHz: 0.05..5 Hz, log, default 0.25. */
    public static final int RATE_HZ = 0;
    /** Parameter index of depthMs (sweep range above the base delay): 0..5 ms, default 1.5. */
    public static final int DEPTH_MS = 1;
    /** Parameter index of delayMs (shortest delay of the sweep): 0.1..10 ms, default 2. */
    public static final int DELAY_MS = 2;
    /** Parameter index of feedbackPct: -95..95 %, default 50. */
    public static final int FEEDBACK_PCT = 3;

    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.log("rateHz", "Rate", "Hz", 0.05, 5, 0.25),
            ParamSpec.linear("depthMs", "Depth", "ms", 0, 5, 1.5),
            ParamSpec.linear("delayMs", "Delay", "ms", 0.1, 10, 2),
            ParamSpec.linear("feedbackPct", "Feedback", "%", -95, 95, 50));

    /** Phase offset of the right channel's LFO, in cycles. */
    static final double RIGHT_PHASE = 0.25;

    private double sampleRate = 44100;
    private double msToSamples = 44.1;
    private final DelayLine[] lines = {new DelayLine(), new DelayLine()};
    private final Lfo lfo = new Lfo();
    private final SmoothedValue rateHz = new SmoothedValue(0.25, true);
    private final SmoothedValue depthMs = new SmoothedValue(1.5, false);
    private final SmoothedValue delayMs = new SmoothedValue(2, false);
    private final SmoothedValue feedback = new SmoothedValue(0.5, false);

    /** Creates a flanger with default parameters; call prepare before processing. */
    public FlangerProcessor() {
        super(PARAMS);
        prepare(new ProcessSpec(44100, 512, 2));
    }

    @Override
    public String typeId() {
        return "flanger";
    }

    @Override
    public String displayName() {
        return "Flanger";
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        msToSamples = sampleRate / 1000.0;
        int max = (int) Math.ceil(15.0 * msToSamples) + 4;
        lines[0].setMaximumDelay(max);
        lines[1].setMaximumDelay(max);
        rateHz.reset(sampleRate, 50);
        depthMs.reset(sampleRate, 50);
        delayMs.reset(sampleRate, 50);
        feedback.reset(sampleRate, 20);
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
        lfo.setRate(values[RATE_HZ], sampleRate);
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        switch (index) {
            case RATE_HZ -> rateHz.setTarget(value);
            case DEPTH_MS -> depthMs.setTarget(value);
            case DELAY_MS -> delayMs.setTarget(value);
            case FEEDBACK_PCT -> feedback.setTarget(value / 100.0);
            default -> { }
        }
    }

    @Override
    public void process(AudioBlock block) {
        int n = block.numSamples();
        boolean stereo = block.numChannels() >= 2;
        float[] left = block.channel(0);
        float[] right = block.channel(stereo ? 1 : 0);
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
            double base = delayMs.next() * msToSamples;
            double range = depthMs.next() * msToSamples;
            double fb = feedback.next();
            double gain = 0.5 * Math.sqrt(1.0 - Math.abs(fb));
            double xl = left[i];
            double vl = lineL.readCubic(base + range * (0.5 + 0.5 * lfo.value(0)));
            lineL.write(DspMath.flush(xl + fb * vl));
            double yl = gain * (xl + vl);
            left[i] = (float) DspMath.flush(yl);
            check += yl;
            if (stereo) {
                double xr = right[i];
                double vr = lineR.readCubic(base + range * (0.5 + 0.5 * lfo.value(RIGHT_PHASE)));
                lineR.write(DspMath.flush(xr + fb * vr));
                double yr = gain * (xr + vr);
                right[i] = (float) DspMath.flush(yr);
                check += yr;
            }
            lfo.advance();
        }
        if (check - check != 0) {
            reset();
            block.clear();
        }
    }
}
