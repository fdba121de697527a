package org.mixlab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mixlab.dsp.Processor;

/** Every processor type that sessions, the mixer and the lessons can use, by type id. */
public final class ProcessorRegistry {
    private static final Map<String, Supplier<Processor>> FACTORIES = new LinkedHashMap<>();
    private static final Map<String, Processor> PROTOTYPES = new LinkedHashMap<>();

    static {
        // Order is the order of the mixer's "add insert" menu: the six tools, then mastering.
        register(org.mixlab.dsp.GainProcessor::new);
        register(org.mixlab.dsp.PanProcessor::new);
        register(org.mixlab.dsp.EqProcessor::new);
        register(org.mixlab.dsp.CompressorProcessor::new);
        register(org.mixlab.dsp.GateProcessor::new);
        register(org.mixlab.dsp.SaturationProcessor::new);
        register(org.mixlab.dsp.ReverbProcessor::new);
        register(org.mixlab.dsp.DelayProcessor::new);
        register(org.mixlab.dsp.ChorusProcessor::new);
        register(org.mixlab.dsp.FlangerProcessor::new);
        register(org.mixlab.dsp.PhaserProcessor::new);
        register(org.mixlab.dsp.MidSideProcessor::new);
        register(org.mixlab.dsp.ClipperProcessor::new);
        register(org.mixlab.dsp.LimiterProcessor::new);
    }

    private ProcessorRegistry() {}

    private static void register(Supplier<Processor> factory) {
        Processor p = factory.get();
        FACTORIES.put(p.typeId(), factory);
        PROTOTYPES.put(p.typeId(), p);
    }

    /** All type ids, in menu order. */
    public static List<String> types() {
        return Collections.unmodifiableList(new ArrayList<>(FACTORIES.keySet()));
    }

    /** True when {@code typeId} names a known processor. */
    public static boolean has(String typeId) {
        return FACTORIES.containsKey(typeId);
    }

    /** A new processor of this type with default parameters; throws IllegalArgumentException for unknown types. */
    public static Processor create(String typeId) {
        Supplier<Processor> f = FACTORIES.get(typeId);
        if (f == null) {
            throw new IllegalArgumentException("unknown processor type '" + typeId + "'");
        }
        return f.get();
    }

    /** Display name of a type, e.g. "Equalizer". */
    public static String displayName(String typeId) {
        Processor p = PROTOTYPES.get(typeId);
        return p == null ? typeId : p.displayName();
    }

    /** An unprepared shared instance for reading parameter specs; do not process audio with it. */
    public static Processor prototype(String typeId) {
        Processor p = PROTOTYPES.get(typeId);
        if (p == null) {
            throw new IllegalArgumentException("unknown processor type '" + typeId + "'");
        }
        return p;
    }
}
