package org.mixlab.dsp;

import java.lang.management.ManagementFactory;

/** Signal generators and measurements shared by the saturation, clipper and limiter tests. */
final class ProcBTestKit {
    private ProcBTestKit() {}

    static final double FS = 48_000;

    /** A sine of peak {@code amp}. */
    static float[] sine(double freqHz, double amp, double phaseRad, int n, double fs) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * freqHz * i / fs + phaseRad));
        }
        return x;
    }

    /** Runs {@code input} (same signal on each channel) through {@code p} in blocks; returns channel outputs. */
    static float[][] run(AudioProcessor p, float[] input, int channels, int blockSize) {
        int n = input.length;
        float[][] out = new float[channels][n];
        AudioBlock block = new AudioBlock(channels, blockSize);
        for (int start = 0; start < n; start += blockSize) {
            int len = Math.min(blockSize, n - start);
            block.setNumSamples(len);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(input, start, block.channel(c), 0, len);
            }
            p.process(block);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block.channel(c), 0, out[c], start, len);
            }
        }
        return out;
    }

    /** Runs a stereo signal in blocks. */
    static float[][] runStereo(AudioProcessor p, float[] left, float[] right, int blockSize) {
        int n = left.length;
        float[][] out = new float[2][n];
        AudioBlock block = new AudioBlock(2, blockSize);
        for (int start = 0; start < n; start += blockSize) {
            int len = Math.min(blockSize, n - start);
            block.setNumSamples(len);
            System.arraycopy(left, start, block.channel(0), 0, len);
            System.arraycopy(right, start, block.channel(1), 0, len);
            p.process(block);
            System.arraycopy(block.channel(0), 0, out[0], start, len);
            System.arraycopy(block.channel(1), 0, out[1], start, len);
        }
        return out;
    }

    /** Magnitude spectrum in dB (4-term Blackman-Harris window) of {@code x[from .. from + n)}; n a power of 2. */
    static double[] spectrumDb(float[] x, int from, int n) {
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / (n - 1);
            double w = 0.35875 - 0.48829 * Math.cos(t) + 0.14128 * Math.cos(2 * t) - 0.01168 * Math.cos(3 * t);
            re[i] = x[from + i] * w;
        }
        fft(re, im);
        double[] db = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            db[k] = 10 * Math.log10(re[k] * re[k] + im[k] * im[k] + 1e-300);
        }
        return db;
    }

    /** In-place radix-2 complex FFT. */
    static void fft(double[] re, double[] im) {
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
        for (int len = 2; len <= n; len <<= 1) {
            double ang = -2 * Math.PI / len;
            double wr = Math.cos(ang);
            double wi = Math.sin(ang);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                    double t = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = t;
                }
            }
        }
    }

    /** Peak level in dB of the spectrum around {@code freqHz} (within +-3 bins). */
    static double levelAt(double[] db, double freqHz, int n, double fs) {
        int k = (int) Math.round(freqHz * n / fs);
        double best = -1e9;
        for (int j = Math.max(0, k - 3); j <= Math.min(db.length - 1, k + 3); j++) {
            best = Math.max(best, db[j]);
        }
        return best;
    }

    /**
     * The strongest spectral component, relative to the fundamental, that is not within {@code guardBins} of a
     * harmonic of {@code f0} (DC excluded).
     */
    static double worstNonHarmonicDb(double[] db, double f0, int n, double fs, int guardBins) {
        double fund = levelAt(db, f0, n, fs);
        double worst = -1e9;
        for (int k = guardBins; k < db.length; k++) {
            double f = k * fs / n;
            double h = Math.rint(f / f0);
            if (h >= 1 && Math.abs(f - h * f0) * n / fs <= guardBins) {
                continue;
            }
            worst = Math.max(worst, db[k]);
        }
        return worst - fund;
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / Math.max(1, to - from));
    }

    static double peak(float[] x, int from, int to) {
        double p = 0;
        for (int i = from; i < to; i++) {
            p = Math.max(p, Math.abs(x[i]));
        }
        return p;
    }

    static double maxStep(float[] x, int from, int to) {
        double m = 0;
        for (int i = Math.max(1, from); i < to; i++) {
            m = Math.max(m, Math.abs(x[i] - x[i - 1]));
        }
        return m;
    }

    /**
     * True peak by an independent 16x band-limited interpolation (Kaiser-windowed sinc, 32 taps either side,
     * beta 8: flat to about 0.45 of the sample rate, like a good meter) over {@code x[from .. to)}.
     */
    static double truePeak16(float[] x, int from, int to) {
        return truePeak16(x, from, to, 32, 8);
    }

    /** True peak by 16x interpolation with a Kaiser-windowed sinc of {@code half} taps either side. */
    static double truePeak16(float[] x, int from, int to, int half, double beta) {
        int os = 16;
        double i0b = bessel(beta);
        double[][] taps = new double[os][2 * half];
        for (int p = 0; p < os; p++) {
            double frac = (double) p / os;
            for (int k = 0; k < 2 * half; k++) {
                double t = k - (half - 1) - frac; // sample offset relative to the interpolation point
                double sinc = Math.abs(t) < 1e-12 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
                double r = t / (half + 1);
                double w = bessel(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0b;
                taps[p][k] = sinc * w;
            }
        }
        double peak = 0;
        for (int i = Math.max(from, half); i < Math.min(to, x.length - half); i++) {
            peak = Math.max(peak, Math.abs(x[i]));
            for (int p = 1; p < os; p++) {
                double acc = 0;
                double[] h = taps[p];
                int base = i - (half - 1);
                for (int k = 0; k < 2 * half; k++) {
                    acc += h[k] * x[base + k];
                }
                peak = Math.max(peak, Math.abs(acc));
            }
        }
        return peak;
    }

    private static double bessel(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 60; k++) {
            term *= (x / 2) * (x / 2) / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    /** Bytes allocated so far by the current thread. */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Deterministic white noise in [-amp, amp]. */
    static float[] noise(double amp, int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amp * (2 * r.nextDouble() - 1));
        }
        return x;
    }

    /** Deterministic pink-ish noise (white noise plus two low-passed copies: more energy low), RMS {@code rms}. */
    static float[] pinkish(double rms, int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] y = new double[n];
        double slow = 0;
        double mid = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double w = r.nextGaussian();
            slow = 0.995 * slow + 0.05 * w;
            mid = 0.9 * mid + 0.2 * w;
            y[i] = slow + mid + 0.15 * w;
            sum += y[i] * y[i];
        }
        double scale = rms / Math.sqrt(sum / n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (y[i] * scale);
        }
        return x;
    }
}
