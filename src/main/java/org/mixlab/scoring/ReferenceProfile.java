package org.mixlab.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mixlab.engine.session.JsonText;
import org.mixlab.analysis.Analysis;
import org.mixlab.analysis.AnalysisResult;
import org.mixlab.analysis.LongTermSpectrum;
import org.mixlab.analysis.LoudnessMeter;
import org.mixlab.analysis.ThirdOctaveBands;
import org.mixlab.engine.session.SessionIo;

/**
 * The measured numbers of one mix: loudness, loudness range, peaks, crest, correlation, 1/3-octave levels of the
 * mix and of its mid and side signals, and (optionally) each stem's loudness in the mix. The scorer measures both the
 * student's render and the reference this way; in exam mode an exercise ships the reference's profile as JSON
 * ("format": "mixlab-profile", version 1) so no reference settings need to be shipped. Undefined values (loudness of
 * silence) are -inf in memory and null in JSON. Immutable apart from {@link #putStem}.
 */
public final class ReferenceProfile {
    /** FFT size of the long-term spectrum behind the band levels (8,192 points: 5.4 Hz bins at 44.1 kHz). */
    public static final int FFT_SIZE = 8192;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Sample rate of the measured audio, Hz. */
    public final double sampleRate;
    /** Length, seconds. */
    public final double durationS;
    /** Integrated loudness, LUFS. */
    public final double integratedLufs;
    /** Loudness range, LU. */
    public final double loudnessRangeLu;
    /** True peak, dBTP. */
    public final double truePeakDbtp;
    /** Sample peak, dBFS. */
    public final double samplePeakDbfs;
    /** Whole-signal RMS, dB. */
    public final double rmsDb;
    /** Crest factor (sample peak minus RMS), dB. */
    public final double crestDb;
    /** Stereo correlation, -1..+1 (1 for mono). */
    public final double correlation;
    /** 1/3-octave band levels of the mix (channels averaged), dB, on {@link ThirdOctaveBands#nominalCentresHz()}. */
    private final double[] bandsDb;
    /** 1/3-octave levels of the mid signal (L+R)/2, dB. */
    private final double[] midBandsDb;
    /** 1/3-octave levels of the side signal (L-R)/2, dB. */
    private final double[] sideBandsDb;
    private final Map<String, Double> stemLufs = new LinkedHashMap<>();

    private ReferenceProfile(double sampleRate, double durationS, double integratedLufs, double loudnessRangeLu,
                             double truePeakDbtp, double samplePeakDbfs, double rmsDb, double crestDb,
                             double correlation, double[] bandsDb, double[] midBandsDb, double[] sideBandsDb) {
        this.sampleRate = sampleRate;
        this.durationS = durationS;
        this.integratedLufs = integratedLufs;
        this.loudnessRangeLu = loudnessRangeLu;
        this.truePeakDbtp = truePeakDbtp;
        this.samplePeakDbfs = samplePeakDbfs;
        this.rmsDb = rmsDb;
        this.crestDb = crestDb;
        this.correlation = correlation;
        this.bandsDb = bandsDb;
        this.midBandsDb = midBandsDb;
        this.sideBandsDb = sideBandsDb;
    }

    /** Measures a mono or stereo mix at {@code sampleRate} Hz (stem levels are added with {@link #putStem}). */
    public static ReferenceProfile measure(float[][] audio, double sampleRate) {
        AnalysisResult r = Analysis.analyze(audio, sampleRate);
        ThirdOctaveBands bands = new ThirdOctaveBands(FFT_SIZE, sampleRate);
        int n = ThirdOctaveBands.bandCount();
        double[] mix = new double[n];
        double[] mid = new double[n];
        double[] side = new double[n];
        bands.bandLevelsDb(LongTermSpectrum.of(audio, sampleRate, FFT_SIZE), mix);
        float[] l = audio[0];
        float[] rr = audio.length > 1 ? audio[1] : audio[0];
        float[] m = new float[l.length];
        float[] s = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            m[i] = 0.5f * (l[i] + rr[i]);
            s[i] = 0.5f * (l[i] - rr[i]);
        }
        bands.bandLevelsDb(LongTermSpectrum.of(new float[][] {m}, sampleRate, FFT_SIZE), mid);
        bands.bandLevelsDb(LongTermSpectrum.of(new float[][] {s}, sampleRate, FFT_SIZE), side);
        return new ReferenceProfile(sampleRate, r.durationS(), r.integratedLufs(), r.loudnessRangeLu(),
                r.truePeakDbtp(), r.samplePeakDbfs(), r.rmsDb(), r.crestDb(), r.correlation(), mix, mid, side);
    }

    /** Integrated loudness of a stem's own render (its direct path in the mix), LUFS; -inf for silence. */
    public static double stemLoudness(float[][] audio, double sampleRate) {
        LoudnessMeter lm = new LoudnessMeter(audio.length, sampleRate);
        lm.add(audio, 0, audio[0].length);
        return lm.integratedLufs();
    }

    /** Records a stem's loudness contribution in the mix, LUFS (-inf when silent). */
    public synchronized void putStem(String trackId, double lufs) {
        stemLufs.put(trackId, lufs);
    }

    /** A stem's loudness contribution, LUFS, or null when not measured. */
    public synchronized Double stem(String trackId) {
        return stemLufs.get(trackId);
    }

    /** The measured stems' loudness by track id (a copy). */
    public synchronized Map<String, Double> stems() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(stemLufs));
    }

    /** Nominal 1/3-octave centres, Hz (31 bands, 20 Hz to 20 kHz). */
    public static double[] bandCentresHz() {
        return ThirdOctaveBands.nominalCentresHz();
    }

    /** The mix's 1/3-octave band levels, dB (a copy; -inf past Nyquist or for silence). */
    public double[] bandsDb() {
        return bandsDb.clone();
    }

    /** Ratio of side to mid power over the 1/3-octave bands whose centres lie in [minHz, maxHz], dB; -inf if no side. */
    public double sideMidDb(double minHz, double maxHz) {
        double[] c = bandCentresHz();
        double sp = 0;
        double mp = 0;
        for (int b = 0; b < c.length; b++) {
            if (c[b] < minHz || c[b] > maxHz) {
                continue;
            }
            if (Double.isFinite(sideBandsDb[b])) {
                sp += Math.pow(10, sideBandsDb[b] / 10);
            }
            if (Double.isFinite(midBandsDb[b])) {
                mp += Math.pow(10, midBandsDb[b] / 10);
            }
        }
        if (mp <= 0) {
            return sp <= 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return sp <= 0 ? -120 : Math.max(-120, 10 * Math.log10(sp / mp));
    }

    /**
     * The mix's band levels in [minHz, maxHz] minus their mean (so only the shape counts), for bands defined in both
     * this profile and {@code other}; indexes into {@link #bandCentresHz()} are returned in {@code outIndex}.
     */
    double[] normalisedBands(ReferenceProfile other, double minHz, double maxHz, List<Integer> outIndex) {
        double[] c = bandCentresHz();
        List<Integer> idx = new ArrayList<>();
        for (int b = 0; b < c.length; b++) {
            if (c[b] >= minHz && c[b] <= maxHz && bandsDb[b] > -150 && other.bandsDb[b] > -150) {
                idx.add(b);
            }
        }
        outIndex.clear();
        outIndex.addAll(idx);
        double[] out = new double[idx.size()];
        double mean = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = bandsDb[idx.get(i)];
            mean += out[i];
        }
        mean /= Math.max(1, out.length);
        for (int i = 0; i < out.length; i++) {
            out[i] -= mean;
        }
        return out;
    }

    /** The profile as JSON text. */
    public synchronized String toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", "mixlab-profile");
        o.put("version", 1);
        o.put("sampleRate", sampleRate);
        put(o, "durationS", durationS);
        put(o, "integratedLufs", integratedLufs);
        put(o, "loudnessRangeLu", loudnessRangeLu);
        put(o, "truePeakDbtp", truePeakDbtp);
        put(o, "samplePeakDbfs", samplePeakDbfs);
        put(o, "rmsDb", rmsDb);
        put(o, "crestDb", crestDb);
        put(o, "correlation", correlation);
        ArrayNode centres = o.putArray("bandCentresHz");
        for (double c : bandCentresHz()) {
            centres.add(c);
        }
        array(o, "bandsDb", bandsDb);
        array(o, "midBandsDb", midBandsDb);
        array(o, "sideBandsDb", sideBandsDb);
        ObjectNode st = o.putObject("stemLoudnessLufs");
        for (Map.Entry<String, Double> e : stemLufs.entrySet()) {
            put(st, e.getKey(), e.getValue());
        }
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("profile could not be written: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the JSON atomically. */
    public void save(Path file) throws IOException {
        SessionIo.writeAtomically(file, toJson().getBytes(StandardCharsets.UTF_8));
    }

    private static void put(ObjectNode o, String k, double v) {
        if (Double.isFinite(v)) {
            o.put(k, Math.rint(v * 1000) / 1000);
        } else {
            o.putNull(k);
        }
    }

    private static void array(ObjectNode o, String k, double[] v) {
        ArrayNode a = o.putArray(k);
        for (double d : v) {
            if (Double.isFinite(d)) {
                a.add(Math.rint(d * 1000) / 1000);
            } else {
                a.addNull();
            }
        }
    }

    /**
     * Parses profile JSON.
     *
     * @param name file name used in messages
     * @throws IllegalArgumentException with one line per problem, each "name: $.path: problem", joined by newlines
     */
    public static ReferenceProfile parse(String json, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": not valid JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ": "
                    + JsonText.parseProblem(e));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(name + ": $: a profile must be a JSON object");
        }
        if (!"mixlab-profile".equals(root.path("format").asText())) {
            problems.add(name + ": $.format: must be \"mixlab-profile\"");
        }
        if (root.path("version").asInt(-1) != 1) {
            problems.add(name + ": $.version: must be 1");
        }
        double rate = num(root, "sampleRate", name, problems, false);
        if (!(rate >= 8000 && rate <= 384_000)) {
            problems.add(name + ": $.sampleRate: missing or outside 8000 to 384000");
        }
        double dur = num(root, "durationS", name, problems, false);
        double il = num(root, "integratedLufs", name, problems, true);
        double lra = num(root, "loudnessRangeLu", name, problems, true);
        double tp = num(root, "truePeakDbtp", name, problems, true);
        double sp = num(root, "samplePeakDbfs", name, problems, true);
        double rms = num(root, "rmsDb", name, problems, true);
        double crest = num(root, "crestDb", name, problems, true);
        double corr = num(root, "correlation", name, problems, false);
        double[] bands = bands(root, "bandsDb", name, problems);
        double[] mid = bands(root, "midBandsDb", name, problems);
        double[] side = bands(root, "sideBandsDb", name, problems);
        Map<String, Double> stems = new LinkedHashMap<>();
        JsonNode st = root.get("stemLoudnessLufs");
        if (st != null && !st.isNull()) {
            if (!st.isObject()) {
                problems.add(name + ": $.stemLoudnessLufs: must be an object of track id to LUFS");
            } else {
                st.fields().forEachRemaining(e -> {
                    if (e.getValue().isNull()) {
                        stems.put(e.getKey(), Double.NEGATIVE_INFINITY);
                    } else if (e.getValue().isNumber()) {
                        stems.put(e.getKey(), e.getValue().asDouble());
                    } else {
                        problems.add(name + ": $.stemLoudnessLufs." + e.getKey() + ": must be a number or null");
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        ReferenceProfile p = new ReferenceProfile(rate, dur, il, lra, tp, sp, rms, crest, corr, bands, mid, side);
        p.stemLufs.putAll(stems);
        return p;
    }

    private static double num(JsonNode o, String k, String name, List<String> problems, boolean nullable) {
        JsonNode n = o.get(k);
        if (n == null || n.isNull()) {
            if (nullable && n != null) {
                return Double.NEGATIVE_INFINITY;
            }
            problems.add(name + ": $." + k + ": missing");
            return Double.NaN;
        }
        if (!n.isNumber()) {
            problems.add(name + ": $." + k + ": must be a number");
            return Double.NaN;
        }
        return n.asDouble();
    }

    private static double[] bands(JsonNode o, String k, String name, List<String> problems) {
        int n = ThirdOctaveBands.bandCount();
        double[] out = new double[n];
        JsonNode a = o.get(k);
        if (a == null || !a.isArray() || a.size() != n) {
            problems.add(name + ": $." + k + ": must be a list of " + n + " band levels (dB or null)");
            return out;
        }
        for (int i = 0; i < n; i++) {
            JsonNode v = a.get(i);
            if (v.isNull()) {
                out[i] = Double.NEGATIVE_INFINITY;
            } else if (v.isNumber()) {
                out[i] = v.asDouble();
            } else {
                problems.add(name + ": $." + k + "[" + i + "]: must be a number or null");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "profile(%.1f LUFS, LRA %.1f, TP %.1f dBTP, crest %.1f dB, corr %.2f)",
                integratedLufs, loudnessRangeLu, truePeakDbtp, crestDb, correlation);
    }
}
