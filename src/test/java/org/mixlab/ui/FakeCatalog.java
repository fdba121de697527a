package org.mixlab.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.GainReductionSource;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.dsp.ProcessSpec;
import org.mixlab.dsp.Processor;

/**
 * Stand-in processors for tests and the demo, with the shared-contract parameter ids and ranges and the drawing
 * methods the editors use (EQ magnitude via RBJ biquads, compressor static curve, saturation transfer). They do
 * not process audio.
 */
public final class FakeCatalog implements ProcessorCatalog {
    private final Map<String, Supplier<Processor>> makers = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    /** The catalog: eq, compressor, gate, saturation, limiter, reverb, delay. */
    public FakeCatalog() {
        put("eq", "Equalizer", FakeEq::new);
        put("compressor", "Compressor", FakeCompressor::new);
        put("gate", "Gate", () -> new Dynamics("gate", "Gate", List.of(
                ParamSpec.choice("mode", "Mode", 0, "Gate", "Expander"),
                ParamSpec.linear("thresholdDb", "Threshold", "dB", -80, 0, -50),
                ParamSpec.linear("rangeDb", "Range", "dB", 0, 80, 40),
                ParamSpec.log("ratio", "Ratio", ":1", 1, 10, 2),
                ParamSpec.log("attackMs", "Attack", "ms", 0.1, 50, 1),
                ParamSpec.linear("holdMs", "Hold", "ms", 0, 500, 20),
                ParamSpec.log("releaseMs", "Release", "ms", 5, 2000, 100))));
        put("saturation", "Saturation", FakeSaturation::new);
        put("limiter", "Limiter", () -> new Dynamics("limiter", "Limiter", List.of(
                ParamSpec.linear("inputDb", "Input", "dB", 0, 24, 0),
                ParamSpec.linear("ceilingDb", "Ceiling", "dB", -3, 0, -1),
                ParamSpec.log("releaseMs", "Release", "ms", 1, 1000, 100),
                ParamSpec.linear("lookaheadMs", "Lookahead", "ms", 0.5, 5, 1.5),
                ParamSpec.toggle("truePeak", "True peak", true))));
        put("reverb", "Reverb", () -> new Simple("reverb", "Reverb", false, List.of(
                ParamSpec.linear("preDelayMs", "Pre-delay", "ms", 0, 200, 20),
                ParamSpec.linear("sizePct", "Size", "%", 0, 100, 50),
                ParamSpec.log("decayS", "Decay", "s", 0.2, 10, 1.8),
                ParamSpec.linear("dampingPct", "Damping", "%", 0, 100, 50),
                ParamSpec.linear("widthPct", "Width", "%", 0, 100, 100),
                ParamSpec.log("lowCutHz", "Low cut", "Hz", 20, 1000, 100))));
        put("delay", "Delay", () -> new Simple("delay", "Delay", false, List.of(
                ParamSpec.log("timeMs", "Time", "ms", 1, 2000, 375),
                ParamSpec.toggle("sync", "Sync", false),
                ParamSpec.choice("note", "Note", 7, "1/1", "1/2", "1/2D", "1/2T", "1/4", "1/4D", "1/4T", "1/8",
                        "1/8D", "1/8T", "1/16", "1/16D", "1/16T"),
                ParamSpec.linear("feedbackPct", "Feedback", "%", 0, 95, 35),
                ParamSpec.log("lowCutHz", "Low cut", "Hz", 20, 2000, 150),
                ParamSpec.log("highCutHz", "High cut", "Hz", 1000, 20000, 8000),
                ParamSpec.toggle("pingPong", "Ping-pong", false))));
    }

    private void put(String type, String name, Supplier<Processor> maker) {
        makers.put(type, maker);
        names.put(type, name);
    }

    @Override
    public List<String> types() {
        return new ArrayList<>(makers.keySet());
    }

    @Override
    public Processor create(String typeId) {
        Supplier<Processor> m = makers.get(typeId);
        if (m == null) {
            throw new IllegalArgumentException("unknown processor type: " + typeId);
        }
        return m.get();
    }

    @Override
    public String displayName(String typeId) {
        return names.getOrDefault(typeId, typeId);
    }

    /** A processor that only holds parameters. */
    static class Simple extends Processor {
        private final String type;
        private final String name;
        private final boolean reducesGain;

        Simple(String type, String name, boolean reducesGain, List<ParamSpec> specs) {
            super(specs);
            this.type = type;
            this.name = name;
            this.reducesGain = reducesGain;
        }

        @Override
        public String typeId() {
            return type;
        }

        @Override
        public String displayName() {
            return name;
        }

        @Override
        protected void onParameterChanged(int index, double value) {
        }

        @Override
        public void prepare(ProcessSpec spec) {
        }

        @Override
        public void reset() {
        }

        @Override
        public void process(AudioBlock block) {
        }

        boolean reducesGain() {
            return reducesGain;
        }
    }

    /** A limiter or gate that reports (no) gain reduction, so its editor shows a GR meter. */
    static final class Dynamics extends Simple implements GainReductionSource {
        Dynamics(String type, String name, List<ParamSpec> specs) {
            super(type, name, true, specs);
        }

        @Override
        public double gainReductionDb() {
            return 0;
        }
    }

    /** The EQ with the contract's parameters and an RBJ magnitude response at 48 kHz. */
    public static final class FakeEq extends Simple {
        private static final double FS = 48_000;

        FakeEq() {
            super("eq", "Equalizer", false, specs());
        }

        private static List<ParamSpec> specs() {
            List<ParamSpec> s = new ArrayList<>();
            String[] slopes = {"12 dB/oct", "24 dB/oct", "48 dB/oct"};
            s.add(ParamSpec.toggle("hpOn", "On", false));
            s.add(ParamSpec.log("hpFreqHz", "Freq", "Hz", 20, 2000, 80));
            s.add(ParamSpec.choice("hpSlope", "Slope", 1, slopes));
            s.add(ParamSpec.toggle("lowShelfOn", "On", false));
            s.add(ParamSpec.log("lowShelfFreqHz", "Freq", "Hz", 20, 1000, 100));
            s.add(ParamSpec.linear("lowShelfGainDb", "Gain", "dB", -18, 18, 0));
            s.add(ParamSpec.log("lowShelfQ", "Q", "", 0.3, 2, 0.707));
            double[] defs = {200, 800, 2500, 6000};
            for (int b = 1; b <= 4; b++) {
                s.add(ParamSpec.toggle("b" + b + "On", "On", false));
                s.add(ParamSpec.log("b" + b + "FreqHz", "Freq", "Hz", 20, 20000, defs[b - 1]));
                s.add(ParamSpec.linear("b" + b + "GainDb", "Gain", "dB", -18, 18, 0));
                s.add(ParamSpec.log("b" + b + "Q", "Q", "", 0.1, 18, 1.0));
            }
            s.add(ParamSpec.toggle("highShelfOn", "On", false));
            s.add(ParamSpec.log("highShelfFreqHz", "Freq", "Hz", 1000, 20000, 8000));
            s.add(ParamSpec.linear("highShelfGainDb", "Gain", "dB", -18, 18, 0));
            s.add(ParamSpec.log("highShelfQ", "Q", "", 0.3, 2, 0.707));
            s.add(ParamSpec.toggle("lpOn", "On", false));
            s.add(ParamSpec.log("lpFreqHz", "Freq", "Hz", 1000, 20000, 18000));
            s.add(ParamSpec.choice("lpSlope", "Slope", 1, slopes));
            s.add(ParamSpec.linear("outputDb", "Output", "dB", -12, 12, 0));
            return s;
        }

        /** Gain in dB at each frequency for the current settings. */
        public void magnitudeDb(double[] freqsHz, double[] outDb) {
            for (int i = 0; i < freqsHz.length; i++) {
                double w = 2 * Math.PI * freqsHz[i] / FS;
                double db = getParameter("outputDb");
                if (getParameter("hpOn") > 0.5) {
                    db += (1 << (int) getParameter("hpSlope")) * rbj("hp", getParameter("hpFreqHz"), 0, 0.7071, w);
                }
                if (getParameter("lpOn") > 0.5) {
                    db += (1 << (int) getParameter("lpSlope")) * rbj("lp", getParameter("lpFreqHz"), 0, 0.7071, w);
                }
                if (getParameter("lowShelfOn") > 0.5) {
                    db += rbj("ls", getParameter("lowShelfFreqHz"), getParameter("lowShelfGainDb"),
                            getParameter("lowShelfQ"), w);
                }
                if (getParameter("highShelfOn") > 0.5) {
                    db += rbj("hs", getParameter("highShelfFreqHz"), getParameter("highShelfGainDb"),
                            getParameter("highShelfQ"), w);
                }
                for (int b = 1; b <= 4; b++) {
                    if (getParameter("b" + b + "On") > 0.5) {
                        db += rbj("pk", getParameter("b" + b + "FreqHz"), getParameter("b" + b + "GainDb"),
                                getParameter("b" + b + "Q"), w);
                    }
                }
                outDb[i] = db;
            }
        }

        private static double rbj(String kind, double f0, double gainDb, double q, double w) {
            double a = Math.pow(10, gainDb / 40);
            double w0 = 2 * Math.PI * Math.min(f0, FS * 0.49) / FS;
            double cos = Math.cos(w0);
            double alpha = Math.sin(w0) / (2 * q);
            double b0;
            double b1;
            double b2;
            double a0;
            double a1;
            double a2;
            switch (kind) {
                case "hp" -> {
                    b0 = (1 + cos) / 2; b1 = -(1 + cos); b2 = (1 + cos) / 2;
                    a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
                }
                case "lp" -> {
                    b0 = (1 - cos) / 2; b1 = 1 - cos; b2 = (1 - cos) / 2;
                    a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
                }
                case "ls" -> {
                    double s = 2 * Math.sqrt(a) * alpha;
                    b0 = a * ((a + 1) - (a - 1) * cos + s); b1 = 2 * a * ((a - 1) - (a + 1) * cos);
                    b2 = a * ((a + 1) - (a - 1) * cos - s);
                    a0 = (a + 1) + (a - 1) * cos + s; a1 = -2 * ((a - 1) + (a + 1) * cos);
                    a2 = (a + 1) + (a - 1) * cos - s;
                }
                case "hs" -> {
                    double s = 2 * Math.sqrt(a) * alpha;
                    b0 = a * ((a + 1) + (a - 1) * cos + s); b1 = -2 * a * ((a - 1) + (a + 1) * cos);
                    b2 = a * ((a + 1) + (a - 1) * cos - s);
                    a0 = (a + 1) - (a - 1) * cos + s; a1 = 2 * ((a - 1) - (a + 1) * cos);
                    a2 = (a + 1) - (a - 1) * cos - s;
                }
                default -> {
                    b0 = 1 + alpha * a; b1 = -2 * cos; b2 = 1 - alpha * a;
                    a0 = 1 + alpha / a; a1 = -2 * cos; a2 = 1 - alpha / a;
                }
            }
            double nr = b0 + b1 * Math.cos(w) + b2 * Math.cos(2 * w);
            double ni = -(b1 * Math.sin(w) + b2 * Math.sin(2 * w));
            double dr = a0 + a1 * Math.cos(w) + a2 * Math.cos(2 * w);
            double di = -(a1 * Math.sin(w) + a2 * Math.sin(2 * w));
            double mag2 = (nr * nr + ni * ni) / (dr * dr + di * di);
            return 10 * Math.log10(Math.max(mag2, 1e-20));
        }
    }

    /** The compressor with the contract's parameters and a soft-knee static curve. */
    public static final class FakeCompressor extends Simple implements GainReductionSource {
        FakeCompressor() {
            super("compressor", "Compressor", true, List.of(
                    ParamSpec.linear("thresholdDb", "Threshold", "dB", -60, 0, -18),
                    ParamSpec.log("ratio", "Ratio", ":1", 1, 100, 4),
                    ParamSpec.linear("kneeDb", "Knee", "dB", 0, 24, 6),
                    ParamSpec.log("attackMs", "Attack", "ms", 0.1, 200, 10),
                    ParamSpec.log("releaseMs", "Release", "ms", 5, 2000, 100),
                    ParamSpec.linear("makeupDb", "Makeup", "dB", 0, 24, 0),
                    ParamSpec.toggle("autoMakeup", "Auto makeup", false),
                    ParamSpec.choice("detector", "Detector", 0, "Peak", "RMS"),
                    ParamSpec.linear("linkPct", "Link", "%", 0, 100, 100),
                    ParamSpec.toggle("scHpOn", "On", false),
                    ParamSpec.log("scHpFreqHz", "Freq", "Hz", 20, 500, 100)));
        }

        /** Output level for a steady input level, dB. */
        public double staticCurveDb(double in) {
            double t = getParameter("thresholdDb");
            double r = getParameter("ratio") >= 100 ? 1e9 : getParameter("ratio");
            double k = getParameter("kneeDb");
            double out;
            if (2 * (in - t) < -k) {
                out = in;
            } else if (2 * Math.abs(in - t) <= k && k > 0) {
                double x = in - t + k / 2;
                out = in + (1 / r - 1) * x * x / (2 * k);
            } else {
                out = t + (in - t) / r;
            }
            return out + getParameter("makeupDb");
        }

        @Override
        public double gainReductionDb() {
            return 0;
        }
    }

    /** Saturation with the contract's parameters and a tanh / clip transfer. */
    public static final class FakeSaturation extends Simple {
        FakeSaturation() {
            super("saturation", "Saturation", false, List.of(
                    ParamSpec.choice("type", "Type", 0, "Tape", "Tube", "Hard clip"),
                    ParamSpec.linear("driveDb", "Drive", "dB", 0, 24, 6),
                    ParamSpec.linear("toneDb", "Tone", "dB", -6, 6, 0),
                    ParamSpec.linear("outputDb", "Output", "dB", -12, 12, 0),
                    ParamSpec.toggle("autoGain", "Auto gain", true)));
        }

        /** Output sample for input sample {@code x}. */
        public double transfer(double x) {
            double g = Math.pow(10, getParameter("driveDb") / 20);
            double y;
            switch ((int) getParameter("type")) {
                case 1 -> y = Math.tanh(g * x + 0.15) - Math.tanh(0.15);
                case 2 -> y = Math.max(-1, Math.min(1, g * x));
                default -> y = Math.tanh(g * x);
            }
            if (getParameter("autoGain") > 0.5) {
                y /= Math.max(1e-6, Math.abs(Math.tanh(g)));
                y = Math.max(-1.2, Math.min(1.2, y * 0.95));
            }
            return y * Math.pow(10, getParameter("outputDb") / 20);
        }
    }
}
