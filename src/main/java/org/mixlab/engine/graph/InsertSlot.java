package org.mixlab.engine.graph;

import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.dsp.ProcessSpec;
import org.mixlab.dsp.Processor;
import org.mixlab.dsp.SmoothedValue;

/**
 * An insert: one processor plus what every slot offers: a click-free bypass (20 ms crossfade), a dry/wet mix whose
 * dry path is delayed by the processor's latency, and the parameter hand-off from the UI. A fully bypassed slot skips
 * its processor (saving CPU) and resets it when it comes back, behind the crossfade.
 */
public final class InsertSlot {
    /** Crossfade time for bypass and mix changes, ms. */
    public static final double CROSSFADE_MS = 20;

    private final String id;
    private final Processor processor;
    private final ParameterBank bank;
    private final int bypassIndex;
    private final int mixIndex;
    private final SmoothedValue wet = new SmoothedValue(1, false);
    private boolean bypassed;
    private double mix = 1;
    private boolean sleeping;
    private AudioBlock scratch;
    private float[][] dryDelay;
    private int dryPos;
    private int latency;

    /**
     * @param id        the insert's id in the session
     * @param processor the processor, parameters already set to the session's values
     * @param bypass    initial bypass
     * @param mix       initial dry/wet, 0 to 1
     */
    public InsertSlot(String id, Processor processor, boolean bypass, double mix) {
        this.id = id;
        this.processor = processor;
        int n = processor.params().size();
        this.bank = new ParameterBank(n + 2);
        this.bypassIndex = n;
        this.mixIndex = n + 1;
        for (int i = 0; i < n; i++) {
            bank.set(i, processor.getParameter(i));
        }
        this.bypassed = bypass;
        this.mix = processor.supportsMix() ? clampMix(mix) : 1;
        bank.set(bypassIndex, bypass ? 1 : 0);
        bank.set(mixIndex, this.mix);
        wet.setCurrentAndTarget(bypass ? 0 : this.mix);
        sleeping = bypass;
    }

    private static double clampMix(double m) {
        return Double.isNaN(m) ? 1 : Math.max(0, Math.min(1, m));
    }

    /** The insert's id. */
    public String id() {
        return id;
    }

    /** The processor (audio thread owns it while playing). */
    public Processor processor() {
        return processor;
    }

    /** Latency in samples; constant whether bypassed or not, so alignment never jumps. */
    public int latencySamples() {
        return latency;
    }

    /** Allocates buffers and prepares the processor. */
    public void prepare(ProcessSpec spec) {
        processor.prepare(spec);
        latency = processor.latencySamples();
        wet.reset(spec.sampleRate(), CROSSFADE_MS);
        wet.setCurrentAndTarget(bypassed ? 0 : mix);
        scratch = new AudioBlock(spec.channels(), spec.maxBlockSize());
        dryDelay = new float[spec.channels()][Math.max(1, latency)];
        dryPos = 0;
    }

    /** Clears the processor's and the dry path's state. */
    public void reset() {
        processor.reset();
        for (float[] d : dryDelay) {
            java.util.Arrays.fill(d, 0f);
        }
        dryPos = 0;
    }

    // ---- UI thread ----

    /** Sets a parameter from any thread; applied at the next block. */
    public void setParam(int index, double value) {
        ParamSpec spec = processor.params().get(index);
        bank.set(index, spec.clamp(value));
    }

    /** Bypasses or enables, from any thread. */
    public void setBypass(boolean bypass) {
        bank.set(bypassIndex, bypass ? 1 : 0);
    }

    /** Sets dry/wet, 0 to 1, from any thread (ignored when the processor has no mix). */
    public void setMix(double newMix) {
        if (processor.supportsMix()) {
            bank.set(mixIndex, clampMix(newMix));
        }
    }

    // ---- audio thread ----

    private final ParameterBank.Sink sink = this::accept;

    private void accept(int index, double value) {
        if (index == bypassIndex) {
            bypassed = value >= 0.5;
        } else if (index == mixIndex) {
            mix = value;
        } else {
            processor.setParameter(index, value);
        }
    }

    /** Processes one block in place. Never allocates. */
    public void process(AudioBlock block) {
        if (bank.pull(sink)) {
            wet.setTarget(bypassed ? 0 : mix);
        }
        int n = block.numSamples();
        int chs = block.numChannels();
        if (sleeping && !bypassed) {
            processor.reset();
            sleeping = false;
        }
        if (sleeping) {
            delayDryInPlace(block);
            return;
        }
        if (!wet.isSmoothing() && wet.target() == 1.0) {
            if (latency > 0) {
                // keep the dry line filled so a later crossfade finds the right samples
                feedDry(block);
            }
            processor.process(block);
            return;
        }
        scratch.setNumChannels(chs);
        scratch.copyFrom(block);
        processor.process(scratch);
        int outChs = scratch.numChannels();
        if (outChs > chs) {
            // mono in, stereo out (pan): the dry signal feeds both sides
            block.setNumChannels(outChs);
            System.arraycopy(block.channel(0), 0, block.channel(1), 0, n);
        }
        delayDryInPlace(block);
        double w = 0;
        for (int i = 0; i < n; i++) {
            w = wet.next();
            float wf = (float) w;
            float df = (float) (1 - w);
            for (int c = 0; c < outChs; c++) {
                float[] d = block.channel(c);
                d[i] = df * d[i] + wf * scratch.channel(c)[i];
            }
        }
        if (bypassed && !wet.isSmoothing() && w == 0) {
            sleeping = true;
        }
    }

    private void feedDry(AudioBlock block) {
        int n = block.numSamples();
        int len = dryDelay[0].length;
        int pos = dryPos;
        for (int c = 0; c < block.numChannels() && c < dryDelay.length; c++) {
            float[] d = block.channel(c);
            float[] line = dryDelay[c];
            int p = dryPos;
            for (int i = 0; i < n; i++) {
                line[p] = d[i];
                if (++p == len) {
                    p = 0;
                }
            }
            pos = p;
        }
        dryPos = pos;
    }

    private void delayDryInPlace(AudioBlock block) {
        if (latency == 0) {
            return;
        }
        int n = block.numSamples();
        int len = dryDelay[0].length;
        int pos = dryPos;
        for (int c = 0; c < block.numChannels() && c < dryDelay.length; c++) {
            float[] d = block.channel(c);
            float[] line = dryDelay[c];
            int p = dryPos;
            for (int i = 0; i < n; i++) {
                float x = d[i];
                d[i] = line[p];
                line[p] = x;
                if (++p == len) {
                    p = 0;
                }
            }
            pos = p;
        }
        dryPos = pos;
    }

    /** True when the slot is bypassed (as last applied on the audio thread or set). */
    public boolean isBypassed() {
        return bank.get(bypassIndex) >= 0.5;
    }
}
