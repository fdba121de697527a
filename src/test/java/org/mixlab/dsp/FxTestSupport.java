package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

/** Shared measurement helpers for the effect tests: rendering, spectra, and the common robustness checks. */
final class FxTestSupport {
    private FxTestSupport() {}

    /** Renders {@code input} (planar, 1 or 2 channels) through {@code p} in blocks of {@code blockSize}. */
    static float[][] render(AudioProcessor p, float[][] input, int blockSize) {
        int ch = input.length;
        int len = input[0].length;
        float[][] out = new float[ch][len];
        AudioBlock block = new AudioBlock(ch, blockSize);
        for (int pos = 0; pos < len; pos += blockSize) {
            int n = Math.min(blockSize, len - pos);
            block.setNumSamples(n);
            for (int c = 0; c < ch; c++) {
                System.arraycopy(input[c], pos, block.channel(c), 0, n);
            }
            p.process(block);
            for (int c = 0; c < ch; c++) {
                System.arraycopy(block.channel(c), 0, out[c], pos, n);
            }
        }
        return out;
    }

    /** A unit impulse at sample 0 on every one of {@code channels} channels, {@code length} long. */
    static float[][] impulse(int channels, int length) {
        float[][] x = new float[channels][length];
        for (int c = 0; c < channels; c++) {
            x[c][0] = 1f;
        }
        return x;
    }

    /** A sine on every channel. */
    static float[][] sine(int channels, int length, double freqHz, double amp, double fs) {
        float[][] x = new float[channels][length];
        for (int i = 0; i < length; i++) {
            float v = (float) (amp * Math.sin(2 * Math.PI * freqHz * i / fs));
            for (int c = 0; c < channels; c++) {
                x[c][i] = v;
            }
        }
        return x;
    }

    /** RMS of {@code x} over [from, to). */
    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    /** In-place radix-2 complex FFT (length a power of two). */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
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

    /** Magnitude in dB of the first {@code n} samples of {@code x} (zero padded to n, a power of two), bins 0..n/2. */
    static double[] magnitudeDb(float[] x, int n) {
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < Math.min(n, x.length); i++) {
            re[i] = x[i];
        }
        fft(re, im);
        double[] db = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            db[k] = 10 * Math.log10(re[k] * re[k] + im[k] * im[k] + 1e-30);
        }
        return db;
    }

    /** Processes NaN and infinity blocks and asserts the very next block is finite and the one after is clean. */
    static void assertRecoversFromNan(Processor p, int channels) {
        p.prepare(new ProcessSpec(44100, 256, channels));
        AudioBlock block = new AudioBlock(channels, 256);
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            fillSine(block, 0);
            p.process(block);
            fillSine(block, 256);
            block.channel(0)[100] = bad;
            p.process(block);
            for (int k = 0; k < 3; k++) {
                fillSine(block, 512 + 256 * k);
                p.process(block);
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < 256; i++) {
                        assertThat(Float.isFinite(block.channel(c)[i]))
                                .as("%s: sample %d of block %d after a %s input", p.typeId(), i, k, bad).isTrue();
                        assertThat(Math.abs(block.channel(c)[i])).isLessThan(100f);
                    }
                }
            }
        }
    }

    private static void fillSine(AudioBlock block, int offset) {
        block.setNumSamples(256);
        for (int c = 0; c < block.numChannels(); c++) {
            for (int i = 0; i < 256; i++) {
                block.channel(c)[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * (offset + i) / 44100.0));
            }
        }
    }

    /**
     * Feeds an impulse then {@code seconds} of silence; asserts every output is exactly 0 or above 1e-30 in
     * magnitude, and returns how many of the last second's samples are exactly zero.
     */
    static int assertNoDenormals(Processor p, int channels, double seconds) {
        p.prepare(new ProcessSpec(44100, 512, channels));
        AudioBlock block = new AudioBlock(channels, 512);
        int blocks = (int) Math.ceil(seconds * 44100 / 512);
        int zerosAtEnd = 0;
        for (int b = 0; b < blocks; b++) {
            block.clear();
            if (b == 0) {
                for (int c = 0; c < channels; c++) {
                    block.channel(c)[0] = 1f;
                }
            }
            p.process(block);
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < 512; i++) {
                    float v = block.channel(c)[i];
                    if (v != 0f) {
                        assertThat(Math.abs(v)).as("%s: denormal-range output at block %d", p.typeId(), b)
                                .isGreaterThan(1e-30f);
                    } else if (b >= blocks - 86) {
                        zerosAtEnd++;
                    }
                }
            }
        }
        return zerosAtEnd;
    }

    /**
     * Bytes allocated by this thread across 10,000 process calls (32-sample stereo blocks) while every continuous
     * parameter and every choice/toggle keeps changing; warmed up first so the JIT has settled.
     */
    static long allocatedBytesDuringProcess(Processor p) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        p.prepare(new ProcessSpec(48000, 32, 2));
        AudioBlock block = new AudioBlock(2, 32);
        int nParams = p.params().size();
        double[] mins = new double[nParams];
        double[] maxs = new double[nParams];
        for (int i = 0; i < nParams; i++) {
            mins[i] = p.params().get(i).min();
            maxs[i] = p.params().get(i).max();
        }
        runAllocLoop(p, block, mins, maxs, 3_000);
        long before = mx.getThreadAllocatedBytes(tid);
        long baseline = mx.getThreadAllocatedBytes(tid) - before;
        before = mx.getThreadAllocatedBytes(tid);
        runAllocLoop(p, block, mins, maxs, 10_000);
        long after = mx.getThreadAllocatedBytes(tid);
        return Math.max(0, after - before - baseline);
    }

    private static void runAllocLoop(Processor p, AudioBlock block, double[] mins, double[] maxs, int calls) {
        for (int k = 0; k < calls; k++) {
            float[] l = block.channel(0);
            float[] r = block.channel(1);
            for (int i = 0; i < 32; i++) {
                float v = (float) (0.3 * Math.sin(0.05 * (k * 32 + i)));
                l[i] = v;
                r[i] = -v;
            }
            block.setNumChannels(k % 7 == 0 ? 1 : 2);
            if (k % 10 == 0) {
                int param = (k / 10) % mins.length;
                double t = ((k / 10) % 13) / 12.0;
                p.setParameter(param, mins[param] + t * (maxs[param] - mins[param]));
            }
            if (p instanceof TempoAware ta) {
                ta.setTempoBpm(90 + (k % 5) * 10);
            }
            p.process(block);
            block.setNumChannels(2);
        }
    }

    /**
     * Click test: a 220 Hz sine (faded in) runs through {@code p} for one second, then every continuous parameter is
     * swept from its minimum to its maximum over 10 ms (one setParameter per 16-sample block), held for 200 ms,
     * swept back down over 10 ms, and held again. Returns the largest sample-to-sample step over that stretch
     * divided by the largest step a sine of the stretch's peak amplitude could make (omega * peak); a click or
     * discontinuity gives tens, smooth modulation stays near 1 to 2.
     */
    static double clickRatio(Processor p, int channels) {
        double fs = 44100;
        p.prepare(new ProcessSpec(fs, 16, channels));
        AudioBlock block = new AudioBlock(channels, 16);
        double freq = 220;
        int warm = (int) fs;
        int sweep = (int) (0.010 * fs);
        int hold = (int) (0.200 * fs);
        int total = warm + 2 * (sweep + hold);
        float[][] out = new float[channels][total];
        int nParams = p.params().size();
        for (int pos = 0; pos < total; pos += 16) {
            int n = Math.min(16, total - pos);
            block.setNumSamples(n);
            for (int i = 0; i < n; i++) {
                int s = pos + i;
                double env = Math.min(1.0, s / (0.05 * fs));
                float v = (float) (0.5 * env * Math.sin(2 * Math.PI * freq * s / fs));
                for (int c = 0; c < channels; c++) {
                    block.channel(c)[i] = v;
                }
            }
            int rel = pos - warm;
            double t = -1;
            if (rel >= 0 && rel < sweep) {
                t = (rel + 16.0) / sweep;
            } else if (rel >= sweep + hold && rel < 2 * sweep + hold) {
                t = 1.0 - (rel - sweep - hold + 16.0) / sweep;
            }
            if (t >= 0) {
                t = Math.max(0, Math.min(1, t));
                for (int k = 0; k < nParams; k++) {
                    ParamSpec spec = p.params().get(k);
                    if (spec.continuous()) {
                        p.setParameter(k, spec.fromNormalized(t));
                    }
                }
            }
            p.process(block);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block.channel(c), 0, out[c], pos, n);
            }
        }
        double maxStep = 0;
        double peak = 0;
        for (int c = 0; c < channels; c++) {
            for (int i = warm - 2000; i < total; i++) {
                maxStep = Math.max(maxStep, Math.abs(out[c][i] - out[c][i - 1]));
                peak = Math.max(peak, Math.abs(out[c][i]));
            }
        }
        assertThat(peak).as("%s output during the click test", p.typeId()).isGreaterThan(1e-3);
        return maxStep / (2 * Math.PI * freq / fs * peak);
    }

    /** CPU microseconds per 512-sample stereo block at 48 kHz: best batch of 50 after warm-up (robust to a busy machine). */
    static double microsPerBlock(Processor p) {
        p.prepare(new ProcessSpec(48000, 512, 2));
        AudioBlock block = new AudioBlock(2, 512);
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < 512; i++) {
            block.channel(0)[i] = (float) (rnd.nextGaussian() * 0.1);
            block.channel(1)[i] = (float) (rnd.nextGaussian() * 0.1);
        }
        float[][] keep = {block.channel(0).clone(), block.channel(1).clone()};
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int batch = 0; batch < 30; batch++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 50; k++) {
                System.arraycopy(keep[0], 0, block.channel(0), 0, 512);
                System.arraycopy(keep[1], 0, block.channel(1), 0, 512);
                p.process(block);
            }
            double us = (mx.getCurrentThreadCpuTime() - t0) / 1000.0 / 50;
            if (batch >= 10) {
                best = Math.min(best, us);
            }
        }
        return best;
    }
}
