package org.mixlab.dsp;

/**
 * Room-acoustics measures used by the reverb tests and docs: Schroeder decay, echo density, tail spectrum peaks.
 */
final class ReverbMeasures {
    private ReverbMeasures() {}

    /**
     * RT60 in seconds by Schroeder backward integration of the energy of {@code h} (summed over channels): the
     * energy decay curve in dB is fitted by least squares between -5 and -35 dB and extrapolated to -60 dB (T30).
     */
    static double rt60(float[][] h, double fs) {
        int n = h[0].length;
        double[] edc = new double[n];
        double acc = 0;
        for (int i = n - 1; i >= 0; i--) {
            for (float[] ch : h) {
                acc += (double) ch[i] * ch[i];
            }
            edc[i] = acc;
        }
        double total = edc[0];
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double db = 10 * Math.log10(edc[i] / total + 1e-300);
            if (db <= -5 && db >= -35) {
                double t = i / fs;
                sx += t;
                sy += db;
                sxx += t * t;
                sxy += t * db;
                count++;
            }
        }
        double slope = (count * sxy - sx * sy) / (count * sxx - sx * sx); // dB per second
        return -60.0 / slope;
    }

    /** RBJ band-pass (constant 0 dB peak gain) of every channel, centre {@code f0}, quality {@code q}. */
    static float[][] bandPass(float[][] x, double fs, double f0, double q) {
        double w0 = 2 * Math.PI * f0 / fs;
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        double b0 = alpha / a0;
        double b2 = -alpha / a0;
        double a1 = -2 * Math.cos(w0) / a0;
        double a2 = (1 - alpha) / a0;
        float[][] y = new float[x.length][x[0].length];
        for (int c = 0; c < x.length; c++) {
            double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
            for (int i = 0; i < x[c].length; i++) {
                double v = b0 * x[c][i] + b2 * x2 - a1 * y1 - a2 * y2;
                x2 = x1;
                x1 = x[c][i];
                y2 = y1;
                y1 = v;
                y[c][i] = (float) v;
            }
        }
        return y;
    }

    /**
     * Echoes per second in [from, from + len): the number of samples whose magnitude exceeds {@code thresholdDb}
     * relative to the largest magnitude of the whole response, divided by the window length in seconds.
     */
    static double echoesPerSecond(float[] h, int from, int len, double fs, double thresholdDb) {
        double peak = 0;
        for (float v : h) {
            peak = Math.max(peak, Math.abs(v));
        }
        double thr = peak * Math.pow(10, thresholdDb / 20);
        int count = 0;
        for (int i = from; i < from + len; i++) {
            if (Math.abs(h[i]) > thr) {
                count++;
            }
        }
        return count / (len / fs);
    }

    /**
     * Normalized echo density (Abel and Huang): in a {@code windowMs} window centred on {@code centre}, the fraction
     * of samples whose magnitude exceeds the window's RMS, divided by erfc(1/sqrt 2) = 0.3173, the fraction for
     * Gaussian noise. 1 means noise-like (fully diffuse); isolated echoes give values near 0.
     */
    static double normalizedEchoDensity(float[] h, int centre, double windowMs, double fs) {
        int half = (int) (windowMs * fs / 2000);
        int from = Math.max(0, centre - half);
        int to = Math.min(h.length, centre + half);
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) h[i] * h[i];
        }
        double rms = Math.sqrt(s / (to - from));
        int above = 0;
        for (int i = from; i < to; i++) {
            if (Math.abs(h[i]) > rms) {
                above++;
            }
        }
        return above / (double) (to - from) / 0.3173105078629141;
    }

    /**
     * Largest narrow spectral peak of the tail [from, from + len): Welch power spectrum (Hann segments of
     * {@code seg} samples, 50 % overlap) of the tail multiplied by 10^(3 t / t60) so its decay envelope is flat
     * (each segment then weighs the same), compared in dB with its own 1/3-octave moving average, between
     * {@code loHz} and {@code hiHz}. A metallic (ringing) tail shows isolated peaks far above the average.
     */
    static double maxPeakAboveSmoothDb(float[] h, int from, int len, int seg, double fs, double t60, double loHz,
                                       double hiHz) {
        double[] psd = new double[seg / 2 + 1];
        double[] re = new double[seg];
        double[] im = new double[seg];
        int segments = 0;
        for (int s = from; s + seg <= from + len; s += seg / 2) {
            for (int i = 0; i < seg; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / seg);
                re[i] = h[s + i] * w * Math.pow(10, 3.0 * (s + i - from) / fs / t60);
                im[i] = 0;
            }
            ProcessorTestKit.fft(re, im);
            for (int k = 0; k <= seg / 2; k++) {
                psd[k] += re[k] * re[k] + im[k] * im[k];
            }
            segments++;
        }
        double bin = fs / seg;
        double worst = -1e9;
        for (int k = (int) Math.ceil(loHz / bin); k <= (int) (hiHz / bin); k++) {
            double f = k * bin;
            int lo = Math.max(1, (int) Math.floor(f / Math.pow(2, 1.0 / 6) / bin));
            int hi = Math.min(seg / 2, (int) Math.ceil(f * Math.pow(2, 1.0 / 6) / bin));
            double avg = 0;
            for (int j = lo; j <= hi; j++) {
                avg += psd[j];
            }
            avg /= (hi - lo + 1);
            worst = Math.max(worst, 10 * Math.log10(psd[k] / avg));
        }
        return segments > 0 ? worst : Double.NaN;
    }
}
