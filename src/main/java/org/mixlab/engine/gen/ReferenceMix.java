package org.mixlab.engine.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer mix of each song (reference.session.json): faders set from the measured stems so that every role
 * lands at a target RMS, pans spread, EQ that undoes the baked-in boom (150 Hz) and harshness (3 kHz) plus
 * high-pass filters, compressors on the lead and the bass, and a reverb aux "verb" fed by post-fader sends.
 * Only the processor type ids and parameter ids of the shared contract are used.
 */
public final class ReferenceMix {
    private ReferenceMix() {}

    /**
     * Mix intent for one role.
     *
     * @param targetRmsDb RMS in dBFS the processed, faded stem should have in the mix
     * @param pan         pan in % (-100 = hard left)
     * @param hpFreqHz    high-pass corner in Hz
     * @param sendDb      reverb send in dB, or null for none
     */
    record RoleMix(double targetRmsDb, double pan, double hpFreqHz, Double sendDb) {}

    /** Mix intent per style and role. */
    static RoleMix intent(String songId, String role) {
        return switch (songId + "/" + role) {
            case "pop-rock/kick" -> new RoleMix(-17, 0, 30, null);
            case "pop-rock/snare" -> new RoleMix(-19, -5, 90, -14.0);
            case "pop-rock/hats" -> new RoleMix(-27, 35, 300, -22.0);
            case "pop-rock/bass" -> new RoleMix(-17, 0, 35, null);
            case "pop-rock/guitar" -> new RoleMix(-20, -40, 100, -18.0);
            case "pop-rock/pad" -> new RoleMix(-24, 40, 150, -10.0);
            case "pop-rock/lead" -> new RoleMix(-16, 0, 120, -9.0);
            case "electronic/kick" -> new RoleMix(-15, 0, 25, null);
            case "electronic/snare" -> new RoleMix(-19, 0, 150, -12.0);
            case "electronic/hats" -> new RoleMix(-25, 30, 400, -24.0);
            case "electronic/bass" -> new RoleMix(-17, 0, 30, null);
            case "electronic/keys" -> new RoleMix(-21, -35, 120, -15.0);
            case "electronic/pad" -> new RoleMix(-24, 40, 150, -12.0);
            case "electronic/lead" -> new RoleMix(-16, 0, 150, -8.0);
            case "ballad/kick" -> new RoleMix(-21, 0, 35, null);
            case "ballad/snare" -> new RoleMix(-22, 10, 100, -12.0);
            case "ballad/hats" -> new RoleMix(-28, 30, 250, -18.0);
            case "ballad/bass" -> new RoleMix(-18, 0, 35, null);
            case "ballad/guitar" -> new RoleMix(-19, -35, 90, -12.0);
            case "ballad/pad" -> new RoleMix(-23, 40, 150, -8.0);
            case "ballad/lead" -> new RoleMix(-16, 0, 110, -7.0);
            default -> throw new IllegalArgumentException("no mix intent for " + songId + "/" + role);
        };
    }

    /** Reverb settings of the "verb" aux per song. */
    static Map<String, Object> reverb(String songId) {
        return switch (songId) {
            case "electronic" -> SessionFiles.params("preDelayMs", 30, "sizePct", 70, "decayS", 2.2,
                "dampingPct", 40, "widthPct", 100, "lowCutHz", 250);
            case "ballad" -> SessionFiles.params("preDelayMs", 25, "sizePct", 65, "decayS", 2.4,
                "dampingPct", 55, "widthPct", 100, "lowCutHz", 180);
            default -> SessionFiles.params("preDelayMs", 20, "sizePct", 55, "decayS", 1.6,
                "dampingPct", 50, "widthPct", 100, "lowCutHz", 200);
        };
    }

    /**
     * Builds the reference session for a song from its finished stems.
     *
     * @param song   the song
     * @param stems  the finished stem samples, same order as the song's stems
     * @return the session document
     */
    public static Map<String, Object> session(SongSpec song, float[][] stems) {
        double sr = StemRenderer.SAMPLE_RATE;
        int n = stems.length;
        List<List<Map<String, Object>>> inserts = new ArrayList<>();
        double[] fader = new double[n];
        float[][] processed = new float[n][];
        for (int i = 0; i < n; i++) {
            StemSpec s = song.stems().get(i);
            RoleMix intent = intent(song.id(), s.role());
            List<Map<String, Object>> slots = new ArrayList<>();
            float[] x = stems[i].clone();
            Map<String, Object> eq = SessionFiles.params("hpOn", 1, "hpFreqHz", intent.hpFreqHz());
            ProblemEq p = s.problemEq();
            if (p != null) {
                // the exact inverse of the baked-in RBJ peak: same frequency and Q, negated gain
                String band = p.freqHz() < 1000 ? "b1" : "b3";
                eq.put(band + "On", 1);
                eq.put(band + "FreqHz", p.freqHz());
                eq.put(band + "GainDb", -p.gainDb());
                eq.put(band + "Q", p.q());
                new ProblemEq(p.freqHz(), -p.gainDb(), p.q()).applyCircular(x, sr);
            }
            slots.add(SessionFiles.insert("eq1", "eq", eq));
            double peak = StemMeasurements.peakDb(x);
            if ("lead".equals(s.role()) || "bass".equals(s.role())) {
                boolean lead = "lead".equals(s.role());
                double threshold = Math.round(peak - (lead ? 14 : 10));
                double ratio = lead ? 4 : 3;
                double attack = lead ? 5 : 20;
                double release = lead ? 120 : 150;
                double makeup = lead ? 4 : 2;
                slots.add(SessionFiles.insert("comp1", "compressor", SessionFiles.params("thresholdDb", threshold,
                    "ratio", ratio, "kneeDb", 6, "attackMs", attack, "releaseMs", release, "makeupDb", makeup)));
                x = StemMeasurements.roughCompress(x, sr, threshold, ratio, 6, attack, release);
                float mg = (float) StrictMath.pow(10.0, makeup / 20.0);
                for (int k = 0; k < x.length; k++) {
                    x[k] *= mg;
                }
            }
            fader[i] = intent.targetRmsDb() - StemMeasurements.rmsDb(x);
            processed[i] = x;
            inserts.add(slots);
        }
        // scale all faders together so the estimated dry mix peaks at REFERENCE_PEAK_DB
        int len = processed[0].length;
        double[] left = new double[len];
        double[] right = new double[len];
        for (int i = 0; i < n; i++) {
            double g = StrictMath.pow(10.0, fader[i] / 20.0);
            double theta = (intent(song.id(), song.stems().get(i).role()).pan() + 100.0) / 200.0 * Math.PI / 2.0;
            double gl = g * StrictMath.cos(theta);
            double gr = g * StrictMath.sin(theta);
            for (int k = 0; k < len; k++) {
                left[k] += processed[i][k] * gl;
                right[k] += processed[i][k] * gr;
            }
        }
        double pk = 0;
        for (int k = 0; k < len; k++) {
            pk = Math.max(pk, Math.max(Math.abs(left[k]), Math.abs(right[k])));
        }
        double offset = AudioGenerator.REFERENCE_PEAK_DB - 20.0 * StrictMath.log10(pk);
        List<SessionFiles.TrackMix> mix = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RoleMix intent = intent(song.id(), song.stems().get(i).role());
            double g = Math.max(-100, Math.min(12, fader[i] + offset));
            mix.add(new SessionFiles.TrackMix(g, intent.pan(), inserts.get(i), intent.sendDb()));
        }
        return SessionFiles.session(song, song.title() + " (reference mix)", mix, reverb(song.id()));
    }
}
