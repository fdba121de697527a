package org.mixlab.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.ProcessSpec;
import org.mixlab.dsp.Processor;
import org.mixlab.engine.ProcessorRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of each processor at its default settings: one op processes one 512-frame stereo block at 48 kHz, so
 * ns per stereo sample = (ns per op) / 512. The input is refreshed from a noise table so the state stays live.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProcessorBench {
    /** Processor type id. */
    @Param({"gain", "pan", "eq", "compressor", "gate", "saturation", "reverb", "delay", "chorus", "flanger",
            "phaser", "midside", "clipper", "limiter"})
    public String type;

    private Processor processor;
    private AudioBlock block;
    private float[] noise;
    private int offset;

    /** Prepares the processor with a few active settings so the typical path is measured. */
    @Setup(Level.Trial)
    public void setup() {
        processor = ProcessorRegistry.create(type);
        if (type.equals("eq")) {
            for (String p : new String[] {"hpOn", "b1On", "b2On", "b3On", "b4On"}) {
                processor.setParameter(p, 1);
            }
            processor.setParameter("b2GainDb", -4);
        }
        processor.prepare(new ProcessSpec(48_000, 512, 2));
        block = new AudioBlock(2, 512);
        noise = new float[48_000 + 512];
        Random r = new Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.25 * r.nextGaussian());
        }
    }

    /** Processes one stereo block of 512 frames. */
    @Benchmark
    public float processBlock() {
        block.setNumChannels(2);
        block.setNumSamples(512);
        System.arraycopy(noise, offset, block.channel(0), 0, 512);
        System.arraycopy(noise, offset + 7, block.channel(1), 0, 505);
        offset = (offset + 512) % 48_000;
        processor.process(block);
        return block.channel(0)[17];
    }
}
