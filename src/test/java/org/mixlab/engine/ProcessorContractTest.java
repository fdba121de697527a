package org.mixlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.dsp.ProcessSpec;
import org.mixlab.dsp.Processor;
import org.mixlab.engine.graph.InsertSlot;

/** The contract every registered processor keeps, checked through the same insert slot the mixer uses. */
class ProcessorContractTest {
    static Stream<String> types() {
        return ProcessorRegistry.types().stream();
    }

    static final ProcessSpec SPEC = new ProcessSpec(48_000, 256, 2);

    static void fillNoise(AudioBlock b, Random r, float amp) {
        for (int c = 0; c < b.numChannels(); c++) {
            float[] d = b.channel(c);
            for (int i = 0; i < b.numSamples(); i++) {
                d[i] = (float) (r.nextGaussian() * amp);
            }
        }
    }

    static InsertSlot prepared(String type) {
        Processor p = ProcessorRegistry.create(type);
        InsertSlot s = new InsertSlot(type + "1", p, false, 1.0);
        s.prepare(SPEC);
        return s;
    }

    @Test
    @DisplayName("type ids are unique, every parameter spec is valid and its default is in range")
    void specsAreValid() {
        Set<String> seen = new HashSet<>();
        for (String t : ProcessorRegistry.types()) {
            Processor p = ProcessorRegistry.create(t);
            assertThat(p.typeId()).isEqualTo(t);
            assertThat(seen.add(t)).isTrue();
            assertThat(p.displayName()).isNotBlank();
            Set<String> ids = new HashSet<>();
            for (ParamSpec s : p.params()) {
                assertThat(ids.add(s.id())).as(t + "." + s.id() + " unique").isTrue();
                assertThat(s.inRange(s.defaultValue())).isTrue();
                assertThat(p.getParameter(s.id())).isEqualTo(s.defaultValue());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    @DisplayName("process allocates nothing while parameters, bypass and mix move")
    void noAllocation(String type) {
        InsertSlot slot = prepared(type);
        Processor p = slot.processor();
        AudioBlock b = new AudioBlock(2, 256);
        Random r = new Random(3);
        List<ParamSpec> params = p.params();
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        mx.getThreadAllocatedBytes(tid); // the first call initialises the bean and may allocate
        // The JIT can allocate once while it compiles or deoptimises a method; a real allocation in process() shows
        // in every window. So: warm up, then measure up to three windows of 10,000 blocks and keep the smallest.
        long least = Long.MAX_VALUE;
        int block = 0;
        for (int window = 0; window < 4 && least > 0; window++) {
            long before = mx.getThreadAllocatedBytes(tid);
            for (int k = 0; k < 10_000; k++, block++) {
                b.setNumChannels(2);
                b.setNumSamples(128);
                fillNoise(b, r, 0.1f);
                ParamSpec s = params.get(block % params.size());
                slot.setParam(block % params.size(), s.fromNormalized((block % 97) / 96.0));
                if (block % 500 == 0) {
                    slot.setBypass((block / 500) % 2 == 1);
                }
                if (block % 300 == 0) {
                    slot.setMix((block % 7) / 6.0);
                }
                slot.process(b);
            }
            long used = mx.getThreadAllocatedBytes(tid) - before;
            if (window > 0) {
                least = Math.min(least, used);
            }
        }
        assertThat(least).as("bytes allocated by %s over 10,000 blocks (least of the measured windows)", type).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    @DisplayName("NaN and infinite input: output is finite again within one block after the input recovers")
    void recoversFromNaN(String type) {
        InsertSlot slot = prepared(type);
        AudioBlock b = new AudioBlock(2, 256);
        Random r = new Random(4);
        fillNoise(b, r, 0.1f);
        slot.process(b);
        b.setNumChannels(2);
        fillNoise(b, r, 0.1f);
        b.channel(0)[10] = Float.NaN;
        b.channel(1)[20] = Float.POSITIVE_INFINITY;
        slot.process(b);
        // long tails (reverb, delay) are allowed one reset; after it, everything is finite
        for (int k = 0; k < 3; k++) {
            b.setNumChannels(2);
            fillNoise(b, r, 0.1f);
            slot.process(b);
        }
        b.setNumChannels(2);
        fillNoise(b, r, 0.1f);
        slot.process(b);
        for (int c = 0; c < b.numChannels(); c++) {
            for (int i = 0; i < 256; i++) {
                assertThat(Float.isFinite(b.channel(c)[i])).as("%s ch%d[%d]", type, c, i).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    @DisplayName("after loud input then silence, no denormal values come out")
    void noDenormals(String type) {
        InsertSlot slot = prepared(type);
        AudioBlock b = new AudioBlock(2, 256);
        Random r = new Random(5);
        b.setNumChannels(2);
        fillNoise(b, r, 0.5f);
        slot.process(b);
        int bad = 0;
        for (int block = 0; block < 2_000; block++) {
            b.setNumChannels(2);
            b.clear();
            slot.process(b);
            for (int c = 0; c < b.numChannels(); c++) {
                for (int i = 0; i < 256; i++) {
                    float x = Math.abs(b.channel(c)[i]);
                    if (x != 0f && x < Float.MIN_NORMAL) {
                        bad++;
                    }
                }
            }
        }
        assertThat(bad).as("denormal samples from %s", type).isZero();
    }

    @Test
    @DisplayName("docs/processors.md is generated from the code and up to date")
    void docsAreCurrent() throws Exception {
        Path doc = Path.of("docs/processors.md");
        assertThat(doc).exists();
        assertThat(Files.readString(doc)).as("regenerate docs/processors.md (see its header)")
                .isEqualTo(ProcessorDocs.markdown());
    }
}
