package org.mixlab.dsp;

import java.util.SplittableRandom;

/**
 * Test and calibration signals, pure math and deterministic: seeded pink noise at an exact RMS, exponential
 * ("log") sine sweeps after Farina with their inverse filter, and sine tones. All return mono samples with full
 * scale = +-1.0. Used by drills and tests at run time and by the audio generator for audio/calibration.
 */
public final class CalibrationSignals {
    private CalibrationSignals() {}

    /** Below this frequency pink noise rolls off (6 dB per octave) instead of rising further, in Hz. */
    public static final double PINK_LOW_CORNER_HZ = 20.0;

    /**
     * Pink noise (-3 dB per octave, equal power per octave) scaled so its RMS is exactly {@code rmsDbfs}.
     * Seeded Gaussian white noise is shaped exactly in the frequency domain (amplitude 1/sqrt(f)) over a
     * power-of-two block; below {@value #PINK_LOW_CORNER_HZ} Hz it rolls off and DC is zero. The block is circular,
     * so when {@code length} is a power of two the noise loops seamlessly.
     *
     * @param length     number of samples, 1..2^24
     * @param sampleRate sample rate in Hz, 8000..384000
     * @param rmsDbfs    target RMS in dBFS (sample RMS, full scale = 1.0), e.g. -20
     * @param seed       random seed; the same seed always gives the same noise
     * @return the noise
     */
    public static double[] pinkNoise(int length, double sampleRate, double rmsDbfs, long seed) {
        if (length < 1 || length > (1 << 24)) {
            throw new IllegalArgumentException("pink noise length must be 1..2^24 samples, was " + length);
        }
        int n = Integer.highestOneBit(Math.max(2, length));
        if (n < length) {
            n <<= 1;
        }
        double[] re = new double[n];
        double[] im = new double[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            re[i] = gaussian(rnd);
        }
        fft(re, im, false);
        re[0] = 0;
        im[0] = 0;
        for (int k = 1; k <= n / 2; k++) {
            double f = k * sampleRate / n;
            double g = f >= PINK_LOW_CORNER_HZ ? 1.0 / StrictMath.sqrt(f)
                : (f / PINK_LOW_CORNER_HZ) / StrictMath.sqrt(PINK_LOW_CORNER_HZ);
            re[k] *= g;
            im[k] *= g;
            if (k != n - k) {
                re[n - k] *= g;
                im[n - k] *= g;
            }
        }
        fft(re, im, true);
        double[] out = new double[length];
        System.arraycopy(re, 0, out, 0, length);
        removeMean(out);
        scaleToRms(out, StrictMath.pow(10.0, rmsDbfs / 20.0));
        return out;
    }

    /**
     * Exponential sine sweep (Farina): x(t) = A sin(2 pi f1 T / ln(f2/f1) (exp(t ln(f2/f1) / T) - 1)), with
     * half-cosine fades at both ends so it starts and stops without a click.
     *
     * @param sampleRate sample rate in Hz
     * @param startHz    start frequency f1 in Hz, greater than 0 (typically 20)
     * @param endHz      end frequency f2 in Hz, greater than f1 and below sampleRate / 2 (typically 20000)
     * @param durationS  length T in seconds, greater than 0
     * @param amplitude  peak amplitude, 0..1
     * @param fadeS      fade-in and fade-out length in seconds, 0..durationS / 2 (e.g. 0.01)
     * @return the sweep, round(durationS * sampleRate) samples
     */
    public static double[] logSweep(double sampleRate, double startHz, double endHz, double durationS,
                                    double amplitude, double fadeS) {
        checkSweep(sampleRate, startHz, endHz, durationS);
        int n = (int) Math.round(durationS * sampleRate);
        double rate = StrictMath.log(endHz / startHz);
        double k = 2.0 * Math.PI * startHz * durationS / rate;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / sampleRate;
            out[i] = amplitude * StrictMath.sin(k * (StrictMath.exp(t * rate / durationS) - 1.0));
        }
        applyFades(out, (int) Math.round(fadeS * sampleRate));
        return out;
    }

    /**
     * Inverse filter of {@link #logSweep} (Farina): the time-reversed sweep whose amplitude envelope falls 6 dB per
     * octave as its frequency falls, normalised so that convolving the sweep with it gives a peak of about 1 (an impulse) at index n - 1.
     *
     * @param sampleRate sample rate in Hz
     * @param startHz    start frequency in Hz (as for the sweep)
     * @param endHz      end frequency in Hz (as for the sweep)
     * @param durationS  sweep length in seconds (as for the sweep)
     * @return the inverse filter, same length as the sweep
     */
    public static double[] logSweepInverse(double sampleRate, double startHz, double endHz, double durationS) {
        double[] sweep = logSweep(sampleRate, startHz, endHz, durationS, 1.0, 0.0);
        int n = sweep.length;
        double rate = StrictMath.log(endHz / startHz);
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / sampleRate;
            // the sweep's spectrum falls 3 dB/oct (it lingers at low frequencies); weighting each moment by its
            // instantaneous frequency f(t) / f2 makes sweep * inverse flat. Reversed, the envelope falls 6 dB/oct.
            inv[n - 1 - i] = sweep[i] * StrictMath.exp((t - durationS) * rate / durationS);
        }
        // normalise: the convolution peak equals the energy-weighted sum sum(sweep[i] * inv[n-1-i])
        double peak = 0;
        for (int i = 0; i < n; i++) {
            peak += sweep[i] * inv[n - 1 - i];
        }
        for (int i = 0; i < n; i++) {
            inv[i] /= peak;
        }
        return inv;
    }

    /**
     * A sine tone starting at phase 0.
     *
     * @param sampleRate sample rate in Hz
     * @param freqHz     frequency in Hz, 0 .. sampleRate / 2
     * @param durationS  length in seconds
     * @param amplitude  peak amplitude (0.1 = -20 dBFS peak)
     * @return round(durationS * sampleRate) samples
     */
    public static double[] sine(double sampleRate, double freqHz, double durationS, double amplitude) {
        if (freqHz < 0 || freqHz > sampleRate / 2 || durationS <= 0) {
            throw new IllegalArgumentException("sine needs 0 <= freqHz <= sampleRate/2 and durationS > 0, got "
                + freqHz + " Hz, " + durationS + " s");
        }
        int n = (int) Math.round(durationS * sampleRate);
        double[] out = new double[n];
        double w = 2.0 * Math.PI * freqHz / sampleRate;
        for (int i = 0; i < n; i++) {
            out[i] = amplitude * StrictMath.sin(w * i);
        }
        return out;
    }

    /** RMS of the samples (0 for an empty array). */
    public static double rms(double[] x) {
        if (x.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return StrictMath.sqrt(sum / x.length);
    }

    /** Largest absolute sample value. */
    public static double peak(double[] x) {
        double p = 0;
        for (double v : x) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }

    private static void checkSweep(double sampleRate, double startHz, double endHz, double durationS) {
        if (!(startHz > 0 && endHz > startHz && endHz < sampleRate / 2 && durationS > 0)) {
            throw new IllegalArgumentException("sweep needs 0 < startHz < endHz < sampleRate/2 and durationS > 0, got "
                + startHz + ".." + endHz + " Hz at " + sampleRate + " Hz, " + durationS + " s");
        }
    }

    private static void applyFades(double[] x, int fade) {
        int f = Math.min(fade, x.length / 2);
        for (int i = 0; i < f; i++) {
            double g = 0.5 - 0.5 * StrictMath.cos(Math.PI * i / f);
            x[i] *= g;
            x[x.length - 1 - i] *= g;
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller with the generator's own doubles, so results do not depend on java.util.Random internals
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** In-place iterative radix-2 FFT; the inverse includes the 1/n scaling. Length must be a power of two. */
    static void fft(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double[] cosTable = new double[n / 2];
        double[] sinTable = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            cosTable[k] = StrictMath.cos(2.0 * Math.PI * k / n);
            sinTable[k] = (inverse ? 1 : -1) * StrictMath.sin(2.0 * Math.PI * k / n);
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = n / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < half; k++) {
                    double c = cosTable[k * step];
                    double s = sinTable[k * step];
                    int a = i + k;
                    int b = a + half;
                    double xr = re[b] * c - im[b] * s;
                    double xi = re[b] * s + im[b] * c;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }

    private static void removeMean(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        for (int i = 0; i < x.length; i++) {
            x[i] -= mean;
        }
    }

    private static void scaleToRms(double[] x, double targetRms) {
        double r = rms(x);
        if (r == 0) {
            return;
        }
        double g = targetRms / r;
        for (int i = 0; i < x.length; i++) {
            x[i] *= g;
        }
    }
}
