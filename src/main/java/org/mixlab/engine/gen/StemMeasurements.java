package org.mixlab.engine.gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Level and spectrum measurements the generator uses to check its stems and to set the reference mix. */
public final class StemMeasurements {
    private StemMeasurements() {}

    /** Sample peak in dBFS (-inf for silence). */
    public static double peakDb(float[] x) {
        double p = 0;
        for (float v : x) {
            p = Math.max(p, Math.abs(v));
        }
        return toDb(p);
    }

    /** RMS over the whole signal in dBFS (sample RMS, full scale = 1.0). */
    public static double rmsDb(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return x.length == 0 ? Double.NEGATIVE_INFINITY : toDb(Math.sqrt(sum / x.length));
    }

    /**
     * RMS level in a narrow band around {@code centreHz}, in dBFS: four RBJ band-passes (0 dB peak, Q = 4.32, one
     * third of an octave each) in series give steep skirts (about -50 dB one octave away), so strong low notes do
     * not leak into a high band. Each stage runs over the loop twice (circular warm-up, then the measured pass).
     *
     * @param x          mono loop
     * @param sampleRate sample rate in Hz
     * @param centreHz   band centre in Hz
     * @return band RMS in dBFS
     */
    public static double thirdOctaveDb(float[] x, double sampleRate, double centreHz) {
        double w0 = 2.0 * StrictMath.PI * centreHz / sampleRate;
        double alpha = StrictMath.sin(w0) / (2.0 * 4.318);
        double a0 = 1.0 + alpha;
        double b0 = alpha / a0;
        double b2 = -alpha / a0;
        double a1 = -2.0 * StrictMath.cos(w0) / a0;
        double a2 = (1.0 - alpha) / a0;
        double[] sig = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            sig[i] = x[i];
        }
        for (int stage = 0; stage < 4; stage++) {
            double x1 = 0;
            double x2 = 0;
            double y1 = 0;
            double y2 = 0;
            double[] out = new double[sig.length];
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < sig.length; i++) {
                    double v = sig[i];
                    double y = b0 * v + b2 * x2 - a1 * y1 - a2 * y2;
                    x2 = x1;
                    x1 = v;
                    y2 = y1;
                    y1 = y;
                    out[i] = y;
                }
            }
            sig = out;
        }
        double sum = 0;
        for (double v : sig) {
            sum += v * v;
        }
        return toDb(Math.sqrt(sum / x.length));
    }

    /**
     * Short-term RMS levels (400 ms windows, 100 ms hop) of the windows that are not near-silent (above -60 dBFS),
     * sorted ascending; used to show how uneven the lead is.
     *
     * @param x          mono loop
     * @param sampleRate sample rate in Hz
     * @return sorted window levels in dBFS
     */
    public static List<Double> shortTermRmsDb(float[] x, double sampleRate) {
        int win = (int) Math.round(0.4 * sampleRate);
        int hop = (int) Math.round(0.1 * sampleRate);
        List<Double> out = new ArrayList<>();
        for (int s = 0; s + win <= x.length; s += hop) {
            double sum = 0;
            for (int i = s; i < s + win; i++) {
                sum += (double) x[i] * x[i];
            }
            double db = toDb(Math.sqrt(sum / win));
            if (db > -60) {
                out.add(db);
            }
        }
        Collections.sort(out);
        return out;
    }

    /** Value at fraction {@code q} (0..1) of a sorted list; NaN when empty. */
    public static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.round(q * (sorted.size() - 1));
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /**
     * Estimates the output of a simple feed-forward compressor (peak detector per 5 ms block, soft knee, one-pole
     * attack/release on the gain in dB), used to set the reference mix's faders and make-up; not a real-time DSP.
     *
     * @param x            mono input (not changed)
     * @param sampleRate   sample rate in Hz
     * @param thresholdDb  threshold in dBFS
     * @param ratio        ratio, at least 1
     * @param kneeDb       knee width in dB
     * @param attackMs     attack time in ms
     * @param releaseMs    release time in ms
     * @return the compressed copy (no make-up gain)
     */
    public static float[] roughCompress(float[] x, double sampleRate, double thresholdDb, double ratio,
                                        double kneeDb, double attackMs, double releaseMs) {
        int block = Math.max(1, (int) Math.round(0.005 * sampleRate));
        double blockS = (double) block / sampleRate;
        double att = StrictMath.exp(-blockS / (attackMs / 1000.0));
        double rel = StrictMath.exp(-blockS / (releaseMs / 1000.0));
        float[] out = new float[x.length];
        double grDb = 0;
        for (int s = 0; s < x.length; s += block) {
            int e = Math.min(x.length, s + block);
            double p = 0;
            for (int i = s; i < e; i++) {
                p = Math.max(p, Math.abs(x[i]));
            }
            double in = toDb(p);
            double over = in - thresholdDb;
            double target;
            if (2 * over < -kneeDb) {
                target = 0;
            } else if (2 * Math.abs(over) <= kneeDb && kneeDb > 0) {
                double t = over + kneeDb / 2;
                target = (1.0 / ratio - 1.0) * t * t / (2 * kneeDb);
            } else {
                target = (1.0 / ratio - 1.0) * over;
            }
            double coeff = target < grDb ? att : rel;
            grDb = coeff * grDb + (1 - coeff) * target;
            float g = (float) StrictMath.pow(10.0, grDb / 20.0);
            for (int i = s; i < e; i++) {
                out[i] = x[i] * g;
            }
        }
        return out;
    }

    private static double toDb(double lin) {
        return lin <= 0 ? Double.NEGATIVE_INFINITY : 20.0 * StrictMath.log10(lin);
    }
}
