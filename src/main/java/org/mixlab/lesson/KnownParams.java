package org.mixlab.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mixlab.dsp.ParamSpec;

/**
 * The processor types and parameter ids that lesson checks may name, mirroring the shared parameter contract in
 * the common brief. This is the ONE place the lesson package learns about processors; when a processor registry
 * lands on main, replace the body of {@link #table()} with a lookup into it.
 */
public final class KnownParams {

    /** Says that a parameter only matters while another parameter has a given value (e.g. hpFreqHz needs hpOn=1). */
    public record Enabler(String paramId, double requiredValue) { }

    /** One processor type: its parameters in contract order and which switches enable which parameters. */
    public record TypeInfo(String typeId, List<ParamSpec> params, Map<String, Enabler> enablers) {
        /** The spec of a parameter, if the type has it. */
        public Optional<ParamSpec> param(String id) {
            return params.stream().filter(p -> p.id().equals(id)).findFirst();
        }
    }

    /** Pseudo-parameters every insert slot has: 1 when bypassed, and the slot's dry/wet blend 0..1. */
    public static final Set<String> SLOT_PSEUDO_PARAMS = Set.of("bypass", "mix");

    private static final Map<String, TypeInfo> TYPES = table();

    private KnownParams() {
    }

    /** The known processor type ids, in contract order. */
    public static Set<String> types() {
        return Collections.unmodifiableSet(TYPES.keySet());
    }

    /** Information about a processor type, or empty when the type is unknown. */
    public static Optional<TypeInfo> type(String typeId) {
        return Optional.ofNullable(typeId == null ? null : TYPES.get(typeId));
    }

    /** True when {@code typeId} names a known processor type. */
    public static boolean isType(String typeId) {
        return typeId != null && TYPES.containsKey(typeId);
    }

    /** The spec of a parameter of a type, or empty when either is unknown. */
    public static Optional<ParamSpec> param(String typeId, String paramId) {
        return type(typeId).flatMap(t -> t.param(paramId));
    }

    /** The switch a parameter depends on (for example hpOn for hpFreqHz), or empty. */
    public static Optional<Enabler> enabler(String typeId, String paramId) {
        return type(typeId).map(t -> t.enablers().get(paramId));
    }

    private static Map<String, TypeInfo> table() {
        Map<String, TypeInfo> m = new LinkedHashMap<>();
        add(m, "gain", List.of(
                ParamSpec.fader("gainDb", "Gain", -100, 12, 0),
                ParamSpec.toggle("polarity", "Polarity", false),
                ParamSpec.toggle("mute", "Mute", false)), Map.of());
        add(m, "pan", List.of(
                ParamSpec.linear("pan", "Pan", "%", -100, 100, 0),
                ParamSpec.choice("law", "Pan law", 0, "-3 dB", "-4.5 dB", "-6 dB", "0 dB"),
                ParamSpec.linear("widthPct", "Width", "%", 0, 200, 100)), Map.of());
        add(m, "midside", List.of(
                ParamSpec.linear("widthPct", "Width", "%", 0, 200, 100),
                ParamSpec.toggle("monoOn", "Mono bass", false),
                ParamSpec.log("monoBelowHz", "Mono below", "Hz", 20, 500, 120),
                ParamSpec.choice("monoSlope", "Mono slope", 1, "LR4", "LR8"),
                ParamSpec.linear("midGainDb", "Mid gain", "dB", -12, 12, 0),
                ParamSpec.linear("sideGainDb", "Side gain", "dB", -12, 12, 0)),
                Map.of("monoBelowHz", new Enabler("monoOn", 1), "monoSlope", new Enabler("monoOn", 1)));
        List<ParamSpec> eq = new ArrayList<>(List.of(
                ParamSpec.toggle("hpOn", "High-pass", false),
                ParamSpec.log("hpFreqHz", "High-pass frequency", "Hz", 20, 2000, 80),
                ParamSpec.choice("hpSlope", "High-pass slope", 1, "12 dB/oct", "24 dB/oct", "48 dB/oct"),
                ParamSpec.toggle("lpOn", "Low-pass", false),
                ParamSpec.log("lpFreqHz", "Low-pass frequency", "Hz", 1000, 20000, 18000),
                ParamSpec.choice("lpSlope", "Low-pass slope", 1, "12 dB/oct", "24 dB/oct", "48 dB/oct"),
                ParamSpec.toggle("lowShelfOn", "Low shelf", false),
                ParamSpec.log("lowShelfFreqHz", "Low shelf frequency", "Hz", 20, 1000, 100),
                ParamSpec.linear("lowShelfGainDb", "Low shelf gain", "dB", -18, 18, 0),
                ParamSpec.log("lowShelfQ", "Low shelf Q", "", 0.3, 2, 0.707)));
        Map<String, Enabler> eqEn = new LinkedHashMap<>();
        for (String p : List.of("hpFreqHz", "hpSlope")) {
            eqEn.put(p, new Enabler("hpOn", 1));
        }
        for (String p : List.of("lpFreqHz", "lpSlope")) {
            eqEn.put(p, new Enabler("lpOn", 1));
        }
        for (String p : List.of("lowShelfFreqHz", "lowShelfGainDb", "lowShelfQ")) {
            eqEn.put(p, new Enabler("lowShelfOn", 1));
        }
        double[] bandDefaults = {200, 800, 2500, 6000};
        for (int b = 1; b <= 4; b++) {
            String k = "b" + b;
            eq.add(ParamSpec.toggle(k + "On", "Band " + b, false));
            eq.add(ParamSpec.log(k + "FreqHz", "Band " + b + " frequency", "Hz", 20, 20000, bandDefaults[b - 1]));
            eq.add(ParamSpec.linear(k + "GainDb", "Band " + b + " gain", "dB", -18, 18, 0));
            eq.add(ParamSpec.log(k + "Q", "Band " + b + " Q", "", 0.1, 18, 1.0));
            for (String p : List.of(k + "FreqHz", k + "GainDb", k + "Q")) {
                eqEn.put(p, new Enabler(k + "On", 1));
            }
        }
        eq.addAll(List.of(
                ParamSpec.toggle("highShelfOn", "High shelf", false),
                ParamSpec.log("highShelfFreqHz", "High shelf frequency", "Hz", 1000, 20000, 8000),
                ParamSpec.linear("highShelfGainDb", "High shelf gain", "dB", -18, 18, 0),
                ParamSpec.log("highShelfQ", "High shelf Q", "", 0.3, 2, 0.707),
                ParamSpec.linear("outputDb", "Output", "dB", -12, 12, 0)));
        for (String p : List.of("highShelfFreqHz", "highShelfGainDb", "highShelfQ")) {
            eqEn.put(p, new Enabler("highShelfOn", 1));
        }
        add(m, "eq", eq, eqEn);
        add(m, "compressor", List.of(
                ParamSpec.linear("thresholdDb", "Threshold", "dB", -60, 0, -18),
                ParamSpec.log("ratio", "Ratio", ":1", 1, 100, 4),
                ParamSpec.linear("kneeDb", "Knee", "dB", 0, 24, 6),
                ParamSpec.log("attackMs", "Attack", "ms", 0.1, 200, 10),
                ParamSpec.log("releaseMs", "Release", "ms", 5, 2000, 100),
                ParamSpec.linear("makeupDb", "Make-up", "dB", 0, 24, 0),
                ParamSpec.toggle("autoMakeup", "Auto make-up", false),
                ParamSpec.choice("detector", "Detector", 0, "Peak", "RMS"),
                ParamSpec.linear("linkPct", "Stereo link", "%", 0, 100, 100),
                ParamSpec.toggle("scHpOn", "Side-chain high-pass", false),
                ParamSpec.log("scHpFreqHz", "Side-chain high-pass frequency", "Hz", 20, 500, 100)),
                Map.of("scHpFreqHz", new Enabler("scHpOn", 1)));
        add(m, "gate", List.of(
                ParamSpec.choice("mode", "Mode", 0, "Gate", "Expander"),
                ParamSpec.linear("thresholdDb", "Threshold", "dB", -80, 0, -50),
                ParamSpec.linear("rangeDb", "Range", "dB", 0, 80, 40),
                ParamSpec.log("ratio", "Ratio", ":1", 1, 10, 2),
                ParamSpec.log("attackMs", "Attack", "ms", 0.1, 50, 1),
                ParamSpec.linear("holdMs", "Hold", "ms", 0, 500, 20),
                ParamSpec.log("releaseMs", "Release", "ms", 5, 2000, 100)),
                Map.of("ratio", new Enabler("mode", 1)));
        add(m, "saturation", List.of(
                ParamSpec.choice("type", "Type", 0, "Tape", "Tube", "Hard clip"),
                ParamSpec.linear("driveDb", "Drive", "dB", 0, 24, 6),
                ParamSpec.linear("toneDb", "Tone", "dB", -6, 6, 0),
                ParamSpec.linear("outputDb", "Output", "dB", -12, 12, 0),
                ParamSpec.toggle("autoGain", "Auto gain", true)), Map.of());
        add(m, "clipper", List.of(
                ParamSpec.linear("inputDb", "Input", "dB", 0, 12, 0),
                ParamSpec.linear("ceilingDb", "Ceiling", "dB", -12, 0, -1),
                ParamSpec.linear("softnessPct", "Softness", "%", 0, 100, 0)), Map.of());
        add(m, "limiter", List.of(
                ParamSpec.linear("inputDb", "Input", "dB", 0, 24, 0),
                ParamSpec.linear("ceilingDb", "Ceiling", "dBTP", -3, 0, -1),
                ParamSpec.log("releaseMs", "Release", "ms", 1, 1000, 100),
                ParamSpec.linear("lookaheadMs", "Lookahead", "ms", 0.5, 5, 1.5),
                ParamSpec.toggle("truePeak", "True peak", true)), Map.of());
        add(m, "reverb", List.of(
                ParamSpec.linear("preDelayMs", "Pre-delay", "ms", 0, 200, 20),
                ParamSpec.linear("sizePct", "Size", "%", 0, 100, 50),
                ParamSpec.log("decayS", "Decay", "s", 0.2, 10, 1.8),
                ParamSpec.linear("dampingPct", "Damping", "%", 0, 100, 50),
                ParamSpec.linear("widthPct", "Width", "%", 0, 100, 100),
                ParamSpec.log("lowCutHz", "Low cut", "Hz", 20, 1000, 100)), Map.of());
        add(m, "delay", List.of(
                ParamSpec.log("timeMs", "Time", "ms", 1, 2000, 375),
                ParamSpec.toggle("sync", "Tempo sync", false),
                ParamSpec.choice("note", "Note", 7, "1/1", "1/2", "1/2D", "1/2T", "1/4", "1/4D", "1/4T", "1/8",
                        "1/8D", "1/8T", "1/16", "1/16D", "1/16T"),
                ParamSpec.linear("feedbackPct", "Feedback", "%", 0, 95, 35),
                ParamSpec.log("lowCutHz", "Low cut", "Hz", 20, 2000, 150),
                ParamSpec.log("highCutHz", "High cut", "Hz", 1000, 20000, 8000),
                ParamSpec.toggle("pingPong", "Ping-pong", false)),
                Map.of("timeMs", new Enabler("sync", 0), "note", new Enabler("sync", 1)));
        add(m, "chorus", List.of(
                ParamSpec.log("rateHz", "Rate", "Hz", 0.05, 5, 0.8),
                ParamSpec.linear("depthMs", "Depth", "ms", 0, 10, 3),
                ParamSpec.linear("delayMs", "Delay", "ms", 5, 40, 15),
                ParamSpec.linear("feedbackPct", "Feedback", "%", 0, 90, 0),
                ParamSpec.linear("widthPct", "Width", "%", 0, 100, 100)), Map.of());
        add(m, "flanger", List.of(
                ParamSpec.log("rateHz", "Rate", "Hz", 0.05, 5, 0.25),
                ParamSpec.linear("depthMs", "Depth", "ms", 0, 5, 1.5),
                ParamSpec.linear("delayMs", "Delay", "ms", 0.1, 10, 2),
                ParamSpec.linear("feedbackPct", "Feedback", "%", -95, 95, 50)), Map.of());
        add(m, "phaser", List.of(
                ParamSpec.log("rateHz", "Rate", "Hz", 0.05, 5, 0.5),
                ParamSpec.linear("depthPct", "Depth", "%", 0, 100, 70),
                ParamSpec.log("centerHz", "Centre", "Hz", 100, 5000, 800),
                ParamSpec.choice("stages", "Stages", 1, "2", "4", "6", "8", "10", "12"),
                ParamSpec.linear("feedbackPct", "Feedback", "%", -95, 95, 30)), Map.of());
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, TypeInfo> m, String id, List<ParamSpec> params, Map<String, Enabler> en) {
        m.put(id, new TypeInfo(id, List.copyOf(params), Map.copyOf(en)));
    }
}
