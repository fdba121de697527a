package org.mixlab.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mixlab.analysis.Analysis;
import org.mixlab.dsp.CalibrationSignals;
import org.mixlab.dsp.DspMath;
import org.mixlab.engine.graph.ChainRenderer;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.lesson.drill.DrillQuestion;
import org.mixlab.lesson.drill.DrillType;

/**
 * Renders the versions of a drill question offline: the question's insert chain, pan, fader and reverb send applied
 * to a short source (seeded pink noise or a stem excerpt), every version brought to the same loudness (except in the
 * level drill, where the difference is the question) so that "louder" never gives the answer away, with short
 * fades so nothing clicks. Pure computation; call off the Swing thread.
 */
public final class DrillAudio {
    /** Loudness every version is matched to, LUFS. */
    public static final double MATCH_LUFS = -20;
    /** Length of a pink-noise excerpt, seconds. */
    public static final double NOISE_SECONDS = 3.0;
    /** Length of a stem excerpt, seconds. */
    public static final double STEM_SECONDS = 4.0;
    /** Fade at both ends, seconds. */
    public static final double FADE_SECONDS = 0.015;
    /** Tail added for the reverb drill, seconds. */
    public static final double REVERB_TAIL_SECONDS = 1.2;

    private DrillAudio() {}

    /**
     * Seeded pink noise (from {@link CalibrationSignals}), mono, -20 dBFS RMS.
     *
     * @param seconds length, 0.1 to 60
     * @param rate    sample rate, Hz
     * @param seed    random seed: the same seed gives the same samples
     */
    public static float[] pinkNoise(double seconds, double rate, long seed) {
        int n = (int) Math.round(Math.max(0.1, Math.min(60, seconds)) * rate);
        double[] d = CalibrationSignals.pinkNoise(n, rate, -20, seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    /**
     * The loudest {@code seconds}-long stretch of a stem (searched in half-second steps), as planar audio.
     *
     * @param stem planar audio, 1 or more channels
     */
    public static float[][] loudestExcerpt(float[][] stem, double rate, double seconds) {
        int len = stem[0].length;
        int win = (int) Math.min(len, Math.round(seconds * rate));
        int hop = (int) Math.max(1, Math.round(rate / 2));
        int best = 0;
        double bestE = -1;
        for (int start = 0; start + win <= len; start += hop) {
            double e = 0;
            for (float[] ch : stem) {
                for (int i = start; i < start + win; i += 4) {
                    e += ch[i] * ch[i];
                }
            }
            if (e > bestE) {
                bestE = e;
                best = start;
            }
        }
        int chs = Math.min(2, stem.length);
        float[][] out = new float[chs][];
        for (int c = 0; c < chs; c++) {
            out[c] = java.util.Arrays.copyOfRange(stem[c], best, best + win);
        }
        return out;
    }

    /**
     * Renders every version of {@code q} from {@code source}.
     *
     * @param source   planar source (1 or 2 channels)
     * @param rate     sample rate, Hz
     * @param settings the drill's pack settings (decayS for the reverb drill)
     * @return one stereo buffer per version, in order
     */
    public static List<float[][]> render(DrillQuestion q, float[][] source, double rate, Map<String, Double> settings) {
        float[][] src = source;
        if (q.type() == DrillType.PAN && source.length > 1) {
            float[] mono = new float[source[0].length];
            for (int i = 0; i < mono.length; i++) {
                mono[i] = 0.5f * (source[0][i] + source[1][i]);
            }
            src = new float[][] {mono};
        }
        if (q.type() == DrillType.REVERB_AMOUNT) {
            src = pad(src, (int) Math.round(REVERB_TAIL_SECONDS * rate));
        }
        double sourceGain = matchGain(src, rate);
        List<float[][]> out = new ArrayList<>();
        for (DrillQuestion.Version v : q.versions()) {
            List<InsertModel> chain = new ArrayList<>(v.inserts());
            if (v.pan() != 0 || q.type() == DrillType.PAN) {
                chain.add(insert("pan", Map.of("pan", v.pan())));
            }
            float[][] wet = stereo(ChainRenderer.render(src, rate, chain, 120));
            if (v.reverbSendDb() > -100) {
                double decay = settings == null || settings.get("decayS") == null ? 1.8 : settings.get("decayS");
                float[][] rev = stereo(ChainRenderer.render(src, rate,
                        List.of(insert("reverb", Map.of("decayS", decay))), 120));
                float g = (float) DspMath.dbToGain(v.reverbSendDb());
                for (int c = 0; c < 2; c++) {
                    for (int i = 0; i < wet[c].length; i++) {
                        wet[c][i] += g * rev[c][i];
                    }
                }
            }
            double gain = q.type() == DrillType.LEVEL ? sourceGain * DspMath.dbToGain(v.gainDb()) : matchGain(wet, rate);
            scale(wet, (float) gain);
            fade(wet, (int) Math.round(FADE_SECONDS * rate));
            out.add(wet);
        }
        return out;
    }

    /** Integrated loudness of planar audio, LUFS. */
    public static double lufs(float[][] a, double rate) {
        return Analysis.analyze(a, rate).integratedLufs();
    }

    private static double matchGain(float[][] a, double rate) {
        double l = lufs(stereo(a), rate);
        return Double.isFinite(l) ? DspMath.dbToGain(MATCH_LUFS - l) : 1.0;
    }

    private static float[][] stereo(float[][] a) {
        if (a.length >= 2) {
            return new float[][] {a[0], a[1]};
        }
        return new float[][] {a[0], a[0].clone()};
    }

    private static float[][] pad(float[][] a, int extra) {
        float[][] out = new float[a.length][];
        for (int c = 0; c < a.length; c++) {
            out[c] = java.util.Arrays.copyOf(a[c], a[c].length + extra);
        }
        return out;
    }

    private static void scale(float[][] a, float g) {
        for (float[] ch : a) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] *= g;
            }
        }
    }

    private static void fade(float[][] a, int n) {
        for (float[] ch : a) {
            int len = ch.length;
            int m = Math.min(n, len / 2);
            for (int i = 0; i < m; i++) {
                float g = (float) i / m;
                ch[i] *= g;
                ch[len - 1 - i] *= g;
            }
        }
    }

    private static InsertModel insert(String type, Map<String, Double> params) {
        InsertModel m = new InsertModel();
        m.id = type + "1";
        m.type = type;
        m.params.putAll(params);
        return m;
    }
}
