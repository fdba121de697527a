package org.mixlab.analysis;

/**
 * In-place iterative radix-2 complex FFT in double precision on caller-owned arrays. Twiddle and bit-reversal
 * tables are built once in the constructor; {@link #forward} and {@link #inverse} never allocate, so one instance
 * may serve the audio thread (but is not thread-safe: one caller at a time).
 *
 * <p>MixLab uses this instead of TarsosDSP's float FFT to keep the analysis in double precision with no hidden
 * scratch buffers or worker threads.
 */
public final class Fft {
    private final int size;
    private final int[] bitReverse;
    private final double[] cos;
    private final double[] sin;

    /** An FFT of {@code size} points, a power of two from 2 to 2^20. */
    public Fft(int size) {
        if (size < 2 || size > (1 << 20) || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two from 2 to 1048576, was " + size);
        }
        this.size = size;
        int bits = Integer.numberOfTrailingZeros(size);
        bitReverse = new int[size];
        for (int i = 0; i < size; i++) {
            bitReverse[i] = Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[size / 2];
        sin = new double[size / 2];
        for (int i = 0; i < size / 2; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / size);
            sin[i] = Math.sin(2 * Math.PI * i / size);
        }
    }

    /** Number of points. */
    public int size() {
        return size;
    }

    /** Forward transform, X[k] = sum x[n] e^(-2 pi i k n / N), in place; arrays at least {@link #size()} long. */
    public void forward(double[] re, double[] im) {
        transform(re, im, -1);
    }

    /** Inverse transform including the 1/N scale, in place. */
    public void inverse(double[] re, double[] im) {
        transform(re, im, 1);
        double s = 1.0 / size;
        for (int i = 0; i < size; i++) {
            re[i] *= s;
            im[i] *= s;
        }
    }

    private void transform(double[] re, double[] im, int sign) {
        int n = size;
        for (int i = 0; i < n; i++) {
            int j = bitReverse[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sign * sin[k * step];
                    int a = start + k, b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
