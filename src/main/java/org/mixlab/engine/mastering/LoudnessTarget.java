package org.mixlab.engine.mastering;

import java.util.Locale;
import java.util.Map;
import org.mixlab.analysis.Analysis;
import org.mixlab.analysis.AnalysisResult;
import org.mixlab.engine.render.OfflineRenderer;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.Session;

/**
 * Brings a session's master to a loudness target under a true-peak ceiling: the master chain ends with a gain stage
 * and a true-peak limiter (added when missing); the gain into the limiter is found by rendering and measuring
 * (secant steps, at most {@link #MAX_RENDERS} renders) until the integrated loudness is within
 * {@link #TOLERANCE_LU} of the target. A target that needs more gain than the chain can give is reported, not faked.
 */
public final class LoudnessTarget {
    /** Renders allowed while searching. */
    public static final int MAX_RENDERS = 8;
    /** How close the result must come to the target, LU. */
    public static final double TOLERANCE_LU = 0.1;
    /** Most gain the trim (12 dB) plus limiter input (24 dB) can add, dB. */
    public static final double MAX_GAIN_DB = 36;
    /** Id of the gain insert this class manages on the master. */
    public static final String TRIM_ID = "loudnessTrim";

    private LoudnessTarget() {}

    /**
     * The outcome.
     *
     * @param session        a copy of the session with the master chain set
     * @param gainDb         gain applied into the limiter, dB
     * @param integratedLufs loudness of the final render, LUFS
     * @param truePeakDbtp   true peak of the final render, dBTP
     * @param renders        renders used
     * @param reached        true when the loudness is within tolerance of the target
     * @param message        one line describing the result
     */
    public record Result(Session session, double gainDb, double integratedLufs, double truePeakDbtp, int renders,
                         boolean reached, String message) {}

    /**
     * Finds the gain that brings {@code session} to {@code targetLufs} with peaks under {@code ceilingDbtp}.
     *
     * @param stems track audio by id at the session rate
     */
    public static Result apply(Session session, Map<String, float[][]> stems, double targetLufs, double ceilingDbtp) {
        Session s = session.copy();
        InsertModel limiter = null;
        for (InsertModel im : s.master.inserts) {
            if ("limiter".equals(im.type)) {
                limiter = im;
            }
        }
        if (limiter == null) {
            limiter = new InsertModel();
            limiter.type = "limiter";
            limiter.id = "limiter-target";
            s.master.inserts.add(limiter);
        }
        limiter.bypass = false;
        limiter.mix = 1.0;
        limiter.params.put("ceilingDb", Math.max(-3, Math.min(0, ceilingDbtp)));
        limiter.params.put("truePeak", 1.0);
        InsertModel trim = s.master.insert(TRIM_ID);
        if (trim == null) {
            trim = new InsertModel();
            trim.type = "gain";
            trim.id = TRIM_ID;
            s.master.inserts.add(s.master.inserts.indexOf(limiter), trim);
        }
        double g0 = 0;
        AnalysisResult r0 = measure(s, stems, trim, limiter, g0);
        int renders = 1;
        if (!Double.isFinite(r0.integratedLufs())) {
            return new Result(s, 0, r0.integratedLufs(), r0.truePeakDbtp(), renders, false,
                    "the mix is silent, so no gain can reach a loudness target");
        }
        double l0 = r0.integratedLufs();
        double g1 = clampGain(g0 + targetLufs - l0);
        AnalysisResult r1 = measure(s, stems, trim, limiter, g1);
        renders++;
        double l1 = r1.integratedLufs();
        while (Math.abs(l1 - targetLufs) > TOLERANCE_LU / 2 && renders < MAX_RENDERS) {
            double slope = (l1 - l0) / (g1 - g0);
            if (!Double.isFinite(slope) || slope < 0.05) {
                slope = 0.05; // the limiter flattens the response; keep stepping
            }
            double g2 = clampGain(g1 + (targetLufs - l1) / Math.min(1.0, slope));
            if (g2 == g1) {
                break;
            }
            g0 = g1;
            l0 = l1;
            g1 = g2;
            r1 = measure(s, stems, trim, limiter, g1);
            l1 = r1.integratedLufs();
            renders++;
        }
        boolean reached = Math.abs(l1 - targetLufs) <= TOLERANCE_LU;
        String msg = reached
                ? String.format(Locale.ROOT, "reached %.1f LUFS (target %.1f) with %.1f dB into the limiter; "
                        + "true peak %.2f dBTP", l1, targetLufs, g1, r1.truePeakDbtp())
                : String.format(Locale.ROOT, "could not reach %.1f LUFS: got %.1f LUFS with %.1f dB of gain "
                        + "(the limit is %.0f dB); the mix needs more level or less dynamic range first",
                        targetLufs, l1, g1, MAX_GAIN_DB);
        return new Result(s, g1, l1, r1.truePeakDbtp(), renders, reached, msg);
    }

    private static double clampGain(double g) {
        return Math.max(-60, Math.min(MAX_GAIN_DB, g));
    }

    private static AnalysisResult measure(Session s, Map<String, float[][]> stems, InsertModel trim,
                                          InsertModel limiter, double gainDb) {
        double trimDb = Math.min(12, gainDb);
        double inputDb = Math.max(0, gainDb - 12);
        trim.params.put("gainDb", trimDb);
        limiter.params.put("inputDb", Math.min(24, inputDb));
        float[][] out = OfflineRenderer.render(s, stems, 0, false, null);
        return Analysis.analyze(out, s.sampleRate);
    }
}
