package org.mixlab.ui.lesson;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixlab.analysis.Analysis;
import org.mixlab.analysis.AnalysisResult;
import org.mixlab.engine.live.StemSource;
import org.mixlab.engine.render.OfflineRenderer;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.StripModel;
import org.mixlab.lesson.AudioMeasurements;
import org.mixlab.lesson.Check;
import org.mixlab.lesson.Selector;
import org.mixlab.lesson.SelectorResolver;

/**
 * Measures audio checks by rendering the session offline (the loop region, or the first
 * {@value #MAX_SECONDS} s) and analysing the result. A strip target is rendered soloed; the gain reduction of an
 * insert is the loudness lost through it with its make-up gain removed (the loudness-weighted average reduction).
 */
public final class RenderedMeasurements implements SessionMeasurer {
    /** Longest stretch of the song rendered per measurement, seconds. */
    public static final double MAX_SECONDS = 20;
    /** Corner of the low-band filter used by lowCorrelation, Hz. */
    public static final double LOW_CORRELATION_HZ = 150;

    private final StemSource stems;

    /** A measurer reading stems through {@code stems} (share the app's StemCache). */
    public RenderedMeasurements(StemSource stems) {
        this.stems = stems;
    }

    @Override
    public AudioMeasurements measure(Session session, List<Check> audioChecks) throws IOException {
        Map<String, float[][]> audio = excerpt(session, stems.load(session));
        Map<String, float[][]> renders = new HashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        for (Check c : audioChecks) {
            String key = key(c.measure(), c.target(), c.other());
            if (!values.containsKey(key)) {
                values.put(key, value(session, audio, renders, c));
            }
        }
        return (measure, target, other) -> values.getOrDefault(key(measure, target, other), Double.NaN);
    }

    private static String key(String measure, String target, String other) {
        return measure + "|" + target + "|" + (other == null ? "" : other);
    }

    private double value(Session s, Map<String, float[][]> audio, Map<String, float[][]> renders, Check c)
            throws IOException {
        String m = c.measure();
        if ("gainReductionDb".equals(m)) {
            return gainReduction(s, audio, c.target());
        }
        float[][] target = strip(s, audio, renders, c.target());
        if (target == null) {
            return Double.NaN;
        }
        switch (m) {
            case "stemLevelDiff" -> {
                float[][] other = strip(s, audio, renders, c.other());
                return other == null ? Double.NaN : lufs(target, s) - lufs(other, s);
            }
            case "lowCorrelation" -> {
                return analyse(lowPass(target, s.sampleRate), s).correlation();
            }
            default -> {
                AnalysisResult r = analyse(target, s);
                return switch (m) {
                    case "integratedLufs" -> r.integratedLufs();
                    case "shortTermLufsMax" -> r.maxShortTermLufs();
                    case "loudnessRangeLu" -> r.loudnessRangeLu();
                    case "truePeakDbtp" -> r.truePeakDbtp();
                    case "samplePeakDbfs" -> r.samplePeakDbfs();
                    case "correlation" -> r.correlation();
                    default -> Double.NaN;
                };
            }
        }
    }

    /** Renders the master, or one strip soloed; cached per target for this measurement. */
    private float[][] strip(Session s, Map<String, float[][]> audio, Map<String, float[][]> renders, String target)
            throws IOException {
        if (target == null) {
            return null;
        }
        if (renders.containsKey(target)) {
            return renders.get(target);
        }
        float[][] out;
        if ("master".equals(target)) {
            out = render(s, audio);
        } else {
            // a strip alone ("track:bass") is parsed as its fader selector to find the strip
            Selector.Parsed p = Selector.parse(target.contains("/") ? target : target + "/gainDb", Boolean.TRUE);
            if (!p.ok()) {
                return null;
            }
            Session solo = s.copy();
            StripModel st = SelectorResolver.strip(solo, p.selector());
            if (st == null) {
                return null;
            }
            soloOnly(solo, st);
            out = render(solo, audio);
        }
        renders.put(target, out);
        return out;
    }

    private double gainReduction(Session s, Map<String, float[][]> audio, String target) throws IOException {
        Selector.Parsed p = Selector.parse(target, Boolean.FALSE);
        if (!p.ok()) {
            return Double.NaN;
        }
        Session active = s.copy();
        StripModel st = SelectorResolver.strip(active, p.selector());
        InsertModel ins = SelectorResolver.findInsert(active, p.selector());
        if (st == null || ins == null) {
            return Double.NaN;
        }
        if (ins.bypass) {
            return 0;
        }
        if (!"master".equals(st.id)) {
            soloOnly(active, st);
        }
        if ("compressor".equals(ins.type)) {
            ins.params.put("makeupDb", 0.0);
            ins.params.put("autoMakeup", 0.0);
        }
        ins.bypass = false;
        ins.mix = 1.0;
        Session bypassed = active.copy();
        StripModel bst = bypassed.strip(st.id);
        int index = st.inserts.indexOf(ins);
        InsertModel bins = bst.inserts.get(index);
        if ("limiter".equals(ins.type)) {
            // the limiter's input gain is part of what is heard, not of the reduction
            Double in = ins.params.get("inputDb");
            InsertModel gain = new InsertModel();
            gain.id = bins.id;
            gain.type = "gain";
            gain.params.put("gainDb", in == null ? 0.0 : in);
            bst.inserts.set(index, gain);
        } else {
            bins.bypass = true;
        }
        double diff = lufs(render(bypassed, audio), s) - lufs(render(active, audio), s);
        return Double.isFinite(diff) ? Math.max(0, diff) : Double.NaN;
    }

    private static void soloOnly(Session s, StripModel target) {
        for (StripModel m : s.allStrips()) {
            m.solo = false;
        }
        target.solo = true;
        target.mute = false;
    }

    private static float[][] render(Session s, Map<String, float[][]> audio) throws IOException {
        try {
            return OfflineRenderer.render(s, audio, 0.5, false, null);
        } catch (IllegalArgumentException e) {
            throw new IOException("the session cannot be rendered: " + e.getMessage());
        }
    }

    private static double lufs(float[][] a, Session s) {
        return analyse(a, s).integratedLufs();
    }

    private static AnalysisResult analyse(float[][] a, Session s) {
        return Analysis.analyze(a, s.sampleRate);
    }

    /** The loop region (or the song's start), at most {@link #MAX_SECONDS}, of every stem. */
    static Map<String, float[][]> excerpt(Session s, Map<String, float[][]> stems) {
        double start = 0;
        double end = MAX_SECONDS;
        if (s.loop != null && s.loop.endS > s.loop.startS) {
            start = s.loop.startS;
            end = Math.min(s.loop.endS, start + MAX_SECONDS);
        }
        int from = (int) Math.round(start * s.sampleRate);
        int to = (int) Math.round(end * s.sampleRate);
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (Map.Entry<String, float[][]> e : stems.entrySet()) {
            float[][] a = e.getValue();
            int len = a.length == 0 ? 0 : a[0].length;
            int f = Math.min(from, len);
            int t = Math.max(f, Math.min(to, len));
            float[][] cut = new float[a.length][];
            for (int c = 0; c < a.length; c++) {
                cut[c] = java.util.Arrays.copyOfRange(a[c], f, t);
            }
            out.put(e.getKey(), cut);
        }
        return out;
    }

    /** Four cascaded one-pole low-passes at {@link #LOW_CORRELATION_HZ} (24 dB/octave above the corner). */
    static float[][] lowPass(float[][] in, double rate) {
        double a = Math.exp(-2 * Math.PI * LOW_CORRELATION_HZ / rate);
        float[][] out = new float[in.length][];
        for (int c = 0; c < in.length; c++) {
            float[] x = in[c];
            float[] y = new float[x.length];
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            for (int i = 0; i < x.length; i++) {
                s1 = x[i] + a * (s1 - x[i]);
                s2 = s1 + a * (s2 - s1);
                s3 = s2 + a * (s3 - s2);
                s4 = s3 + a * (s4 - s3);
                y[i] = (float) s4;
            }
            out[c] = y;
        }
        return out;
    }
}
