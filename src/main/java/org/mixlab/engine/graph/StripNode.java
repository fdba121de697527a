package org.mixlab.engine.graph;

import java.util.concurrent.atomic.AtomicBoolean;
import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.DspMath;
import org.mixlab.dsp.ProcessSpec;
import org.mixlab.dsp.SmoothedValue;

/**
 * One channel strip on the audio thread: trim and polarity, the insert chain, pre-fader sends, fader and pan
 * (to stereo), post-fader sends, and a peak meter. Controls arrive through a {@link ParameterBank}.
 */
public final class StripNode {
    /** Bank index: effective fader level in dB (fader plus VCA offsets), -100 (silence) to +12. */
    public static final int GAIN_DB = 0;
    /** Bank index: pan, -100 to 100. */
    public static final int PAN = 1;
    /** Bank index: muted (own mute, or silenced by another strip's solo), 0 or 1. */
    public static final int MUTED = 2;
    /** Bank index: input trim in dB. */
    public static final int TRIM_DB = 3;
    /** Bank index: polarity inverted, 0 or 1. */
    public static final int POLARITY = 4;
    /** Bank index: pan law (see {@link PanLaw}). */
    public static final int PAN_LAW = 5;
    /** Bank index of the first send level (dB); send k is at FIRST_SEND + k. */
    public static final int FIRST_SEND = 6;

    /** Fader and pan ramp time, ms. */
    public static final double RAMP_MS = 30;

    final String id;
    final InsertSlot[] inserts;
    final ParameterBank bank;
    final int[] sendTargets;
    final boolean[] sendPre;
    final SmoothedValue[] sendGain;
    private final SmoothedValue gainL = new SmoothedValue(1, false);
    private final SmoothedValue gainR = new SmoothedValue(1, false);
    private final SmoothedValue inputGain = new SmoothedValue(1, false);
    private double gainDb;
    private double pan;
    private boolean muted;
    private double trimDb;
    private boolean polarity;
    private int panLaw;
    private boolean stereoSource;
    private int latency;

    private volatile double meterPeak;
    private double peakSinceAck;
    private final AtomicBoolean meterConsumed = new AtomicBoolean(true);

    /**
     * @param id          strip id
     * @param inserts     insert chain
     * @param sendTargets aux index of each send
     * @param sendPre     whether each send is pre-fader
     */
    public StripNode(String id, InsertSlot[] inserts, int[] sendTargets, boolean[] sendPre) {
        this.id = id;
        this.inserts = inserts;
        this.sendTargets = sendTargets;
        this.sendPre = sendPre;
        this.sendGain = new SmoothedValue[sendTargets.length];
        for (int i = 0; i < sendGain.length; i++) {
            sendGain[i] = new SmoothedValue(0, false);
        }
        this.bank = new ParameterBank(FIRST_SEND + sendTargets.length);
    }

    /** The strip id. */
    public String id() {
        return id;
    }

    /** The control bank (UI writes, audio reads). */
    public ParameterBank bank() {
        return bank;
    }

    /** The insert slots. */
    public InsertSlot[] inserts() {
        return inserts;
    }

    /** Total latency of the insert chain in samples. */
    public int latencySamples() {
        return latency;
    }

    /** Sets the initial control values without ramps (call before prepare). */
    public void initControls(double newGainDb, double newPan, boolean newMuted, double newTrimDb,
                             boolean newPolarity, int newPanLaw, double[] sendLevelsDb) {
        bank.set(GAIN_DB, newGainDb);
        bank.set(PAN, newPan);
        bank.set(MUTED, newMuted ? 1 : 0);
        bank.set(TRIM_DB, newTrimDb);
        bank.set(POLARITY, newPolarity ? 1 : 0);
        bank.set(PAN_LAW, newPanLaw);
        for (int i = 0; i < sendLevelsDb.length; i++) {
            bank.set(FIRST_SEND + i, sendLevelsDb[i]);
        }
    }

    /** Prepares the inserts (stereo) and snaps every smoother to its control value. */
    public void prepare(ProcessSpec spec, boolean stereoInput) {
        this.stereoSource = stereoInput;
        latency = 0;
        for (InsertSlot s : inserts) {
            s.prepare(spec);
            latency += s.latencySamples();
        }
        gainL.reset(spec.sampleRate(), RAMP_MS);
        gainR.reset(spec.sampleRate(), RAMP_MS);
        inputGain.reset(spec.sampleRate(), RAMP_MS);
        for (SmoothedValue s : sendGain) {
            s.reset(spec.sampleRate(), RAMP_MS);
        }
        pullControls();
        gainL.setCurrentAndTarget(gainL.target());
        gainR.setCurrentAndTarget(gainR.target());
        inputGain.setCurrentAndTarget(inputGain.target());
        for (SmoothedValue s : sendGain) {
            s.setCurrentAndTarget(s.target());
        }
    }

    /** Clears the inserts' state. */
    public void reset() {
        for (InsertSlot s : inserts) {
            s.reset();
        }
    }

    private final ParameterBank.Sink sink = this::accept;

    private void accept(int index, double value) {
        switch (index) {
            case GAIN_DB: gainDb = value; break;
            case PAN: pan = value; break;
            case MUTED: muted = value >= 0.5; break;
            case TRIM_DB: trimDb = value; break;
            case POLARITY: polarity = value >= 0.5; break;
            case PAN_LAW: panLaw = (int) value; break;
            default: {
                int k = index - FIRST_SEND;
                sendGain[k].setTarget(value <= -100 ? 0 : DspMath.dbToGain(value));
            }
        }
    }

    private void pullControls() {
        if (bank.pull(sink)) {
            double g = muted || gainDb <= -100 ? 0 : DspMath.dbToGain(gainDb);
            if (stereoSource) {
                gainL.setTarget(g * PanLaw.balanceLeft(pan));
                gainR.setTarget(g * PanLaw.balanceRight(pan));
            } else {
                gainL.setTarget(g * PanLaw.left(pan, panLaw));
                gainR.setTarget(g * PanLaw.right(pan, panLaw));
            }
            inputGain.setTarget((polarity ? -1 : 1) * DspMath.dbToGain(trimDb));
        }
    }

    /**
     * Processes the strip. {@code block} holds the input (1 or 2 channels, allocated 2) and ends as stereo post-fader
     * output. Sends are added into {@code auxInputs[target]}.
     */
    public void process(AudioBlock block, AudioBlock[] auxInputs) {
        pullControls();
        int n = block.numSamples();
        if (inputGain.isSmoothing() || inputGain.target() != 1.0) {
            for (int i = 0; i < n; i++) {
                float g = (float) inputGain.next();
                for (int c = 0; c < block.numChannels(); c++) {
                    block.channel(c)[i] *= g;
                }
            }
        }
        for (InsertSlot s : inserts) {
            s.process(block);
        }
        for (int k = 0; k < sendTargets.length; k++) {
            if (sendPre[k]) {
                addSend(block, auxInputs[sendTargets[k]], sendGain[k]);
            }
        }
        // fader and pan: to stereo
        float[] l = block.channel(0);
        float[] r = block.channel(1);
        boolean steady = !gainL.isSmoothing() && !gainR.isSmoothing();
        if (block.numChannels() == 1 && steady) {
            double gl = gainL.current();
            double gr = gainR.current();
            for (int i = 0; i < n; i++) {
                float x = l[i];
                l[i] = (float) (x * gl);
                r[i] = (float) (x * gr);
            }
            block.setNumChannels(2);
        } else if (block.numChannels() == 1) {
            for (int i = 0; i < n; i++) {
                float x = l[i];
                l[i] = (float) (x * gainL.next());
                r[i] = (float) (x * gainR.next());
            }
            block.setNumChannels(2);
        } else if (steady) {
            double gl = gainL.current();
            double gr = gainR.current();
            for (int i = 0; i < n; i++) {
                l[i] = (float) (l[i] * gl);
                r[i] = (float) (r[i] * gr);
            }
        } else {
            for (int i = 0; i < n; i++) {
                l[i] = (float) (l[i] * gainL.next());
                r[i] = (float) (r[i] * gainR.next());
            }
        }
        for (int k = 0; k < sendTargets.length; k++) {
            if (!sendPre[k]) {
                addSend(block, auxInputs[sendTargets[k]], sendGain[k]);
            }
        }
        meter(block);
    }

    private static void addSend(AudioBlock from, AudioBlock to, SmoothedValue g) {
        int n = Math.min(from.numSamples(), to.numSamples());
        if (!g.isSmoothing() && g.target() == 0) {
            return;
        }
        float[] l = from.channel(0);
        float[] r = from.numChannels() > 1 ? from.channel(1) : l;
        float[] tl = to.channel(0);
        float[] tr = to.channel(1);
        if (!g.isSmoothing()) {
            float gi = (float) g.current();
            for (int i = 0; i < n; i++) {
                tl[i] += gi * l[i];
                tr[i] += gi * r[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            float gi = (float) g.next();
            tl[i] += gi * l[i];
            tr[i] += gi * r[i];
        }
    }

    private void meter(AudioBlock block) {
        float peak = 0;
        int n = block.numSamples();
        for (int c = 0; c < block.numChannels(); c++) {
            float[] d = block.channel(c);
            for (int i = 0; i < n; i++) {
                float a = Math.abs(d[i]);
                if (a > peak) {
                    peak = a;
                }
            }
        }
        if (meterConsumed.getAndSet(false)) {
            peakSinceAck = peak;
        } else if (peak > peakSinceAck) {
            peakSinceAck = peak;
        }
        meterPeak = peakSinceAck;
    }

    /** UI thread: the highest sample peak since the previous call, linear; starts a new window. */
    public double takePeak() {
        double p = meterPeak;
        meterConsumed.set(true);
        return p;
    }
}
