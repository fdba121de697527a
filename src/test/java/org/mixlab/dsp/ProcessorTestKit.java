package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.function.Consumer;
import java.util.function.IntToDoubleFunction;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * The one measurement kit of the processor tests: signal generators, block rendering, spectra, true peak, and the
 * common robustness checks (allocation in process, NaN recovery, denormals, clicks under parameter sweeps).
 */
final class ProcessorTestKit {
    /** Sample rate of the checks that do not take one, in Hz. */
    static final double SR = 48_000;

    private ProcessorTestKit() {}

    /** A sine of peak {@code amp}. */
    static float[] sine(double freqHz, double amp, double phaseRad, int n, double fs) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * freqHz * i / fs + phaseRad));
        }
        return x;
    }

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

    /** A sine of peak {@code amp} on every one of {@code channels} channels. */
    static float[][] sineChannels(int channels, int length, double freqHz, double amp, double fs) {
        float[][] x = new float[channels][length];
        for (int i = 0; i < length; i++) {
            float v = (float) (amp * Math.sin(2 * Math.PI * freqHz * i / fs));
            for (int c = 0; c < channels; c++) {
                x[c][i] = v;
            }
        }
        return x;
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

    /**
     * Prepares {@code p} at 44.1 kHz, feeds one NaN, +Inf and -Inf sample in turn (each in its own block) and asserts
     * the next three blocks are finite and below 100 in magnitude.
     */
    static void assertRecoversFromSingleBadSamples(Processor p, int channels) {
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
    static int assertNoDenormalsAfterImpulse(Processor p, int channels, double seconds) {
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
     * parameter and every choice/toggle keeps changing; 3,000 warm-up calls first, then one measured window.
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
        // a one-off JIT allocation lands in one window at most; a real one in process() shows in every window
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 3 && least > 0; window++) {
            before = mx.getThreadAllocatedBytes(tid);
            runAllocLoop(p, block, mins, maxs, 10_000);
            long after = mx.getThreadAllocatedBytes(tid);
            least = Math.min(least, Math.max(0, after - before - baseline));
        }
        return least;
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

    /** Runs {@code input} (same signal on each channel) through {@code p} in blocks; returns channel outputs. */
    static float[][] run(AudioProcessor p, float[] input, int channels, int blockSize) {
        float[][] in = new float[channels][];
        java.util.Arrays.fill(in, input);
        return render(p, in, blockSize);
    }

    /** Runs a stereo signal in blocks. */
    static float[][] runStereo(AudioProcessor p, float[] left, float[] right, int blockSize) {
        return render(p, new float[][] {left, right}, blockSize);
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

    /** RMS of {@code x} over [from, to) (0 for an empty range). */
    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / Math.max(1, to - from));
    }

    /** Largest magnitude of {@code x} over [from, to). */
    static double peak(float[] x, int from, int to) {
        double p = 0;
        for (int i = from; i < to; i++) {
            p = Math.max(p, Math.abs(x[i]));
        }
        return p;
    }

    /** Largest sample-to-sample step of {@code x} over [from, to). */
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
    static long threadAllocatedBytes() {
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
    static <P extends Processor> P prepared(Supplier<P> factory, Consumer<? super P> setup, int channels, int block) {
        P p = factory.get();
        setup.accept(p);
        p.prepare(new ProcessSpec(SR, block, channels));
        return p;
    }

    /** Fills a stereo (or mono) block with a 1 kHz test tone starting at sample index {@code start}. */
    static void tone(AudioBlock b, long start, int channels, double amp) {
        b.setNumChannels(channels);
        for (int c = 0; c < channels; c++) {
            float[] d = b.channel(c);
            double a = c == 0 ? amp : amp * 0.6;
            double ph = c == 0 ? 0 : 0.7;
            for (int i = 0; i < b.numSamples(); i++) {
                d[i] = (float) (a * Math.sin(2 * Math.PI * 1000 * (start + i) / SR + ph));
            }
        }
    }

    /**
     * Bytes allocated by this thread during 10,000 process calls (64-sample blocks at 48 kHz) with every continuous
     * parameter moving: 20,000 warm-up calls, then the smallest of up to four measured windows.
     */
    static long allocatedBytesSmallestWindow(Processor p, int channels) {
        int block = 64;
        p.prepare(new ProcessSpec(SR, block, channels));
        AudioBlock b = new AudioBlock(2, block);
        int np = p.params().size();
        double[][] vals = new double[np][8];
        for (int i = 0; i < np; i++) {
            ParamSpec s = p.params().get(i);
            for (int k = 0; k < 8; k++) {
                vals[i][k] = s.continuous() ? s.fromNormalized(k / 7.0) : s.defaultValue();
            }
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        // The first use of the bean, JIT compilation and deoptimisation can allocate a few hundred bytes on this
        // thread once; a real allocation in process() shows up in every window. So: warm up with 20,000 calls,
        // then measure windows of 10,000 calls and report the smallest (0 when process() never allocates).
        runCalls(p, b, vals, channels, 20_000);
        long best = Long.MAX_VALUE;
        for (int window = 0; window < 4 && best > 0; window++) {
            long before = mx.getThreadAllocatedBytes(tid);
            runCalls(p, b, vals, channels, 10_000);
            long after = mx.getThreadAllocatedBytes(tid);
            long probeA = mx.getThreadAllocatedBytes(tid);
            long probeB = mx.getThreadAllocatedBytes(tid);
            best = Math.min(best, (after - before) - (probeB - probeA));
        }
        return best;
    }

    private static void runCalls(Processor p, AudioBlock b, double[][] vals, int channels, int calls) {
        int np = vals.length;
        int block = b.capacity();
        for (int call = 0; call < calls; call++) {
            p.setParameter(call % np, vals[call % np][(call / np) % 8]);
            tone(b, (long) call * block, channels, 0.5);
            p.process(b);
        }
    }

    /** Processes a block with NaN and Inf in it, then asserts the following blocks are finite. */
    static void assertRecoversFromNaN(Processor p, int channels) {
        AudioBlock b = new AudioBlock(2, 256);
        for (int k = 0; k < 20; k++) {
            tone(b, k * 256L, channels, 0.5);
            p.process(b);
        }
        tone(b, 0, channels, 0.5);
        b.channel(0)[10] = Float.NaN;
        b.channel(0)[40] = Float.POSITIVE_INFINITY;
        b.channel(channels - 1)[70] = Float.NEGATIVE_INFINITY;
        p.process(b);
        for (int k = 0; k < 3; k++) {
            tone(b, k * 256L, channels, 0.5);
            p.process(b);
            for (int c = 0; c < b.numChannels(); c++) {
                for (int i = 0; i < 256; i++) {
                    assertThat(Float.isFinite(b.channel(c)[i])).as("block %d ch %d sample %d", k, c, i).isTrue();
                }
            }
        }
    }

    /** Feeds a tone, then 3 s of silence, and asserts that no output sample is subnormal. */
    static void assertNoDenormalsAfterSilence(Processor p, int channels) {
        AudioBlock b = new AudioBlock(2, 256);
        for (int k = 0; k < 40; k++) {
            tone(b, k * 256L, channels, 0.9);
            p.process(b);
        }
        int blocks = (int) (3 * SR / 256);
        for (int k = 0; k < blocks; k++) {
            b.setNumChannels(channels);
            b.clear();
            p.process(b);
            for (int c = 0; c < b.numChannels(); c++) {
                for (int i = 0; i < 256; i++) {
                    float v = Math.abs(b.channel(c)[i]);
                    assertThat(v == 0f || v >= Float.MIN_NORMAL).as("subnormal output %s", v).isTrue();
                }
            }
        }
    }

    private static double blockMaxStep(AudioBlock b, float[] last) {
        double m = 0;
        for (int c = 0; c < b.numChannels(); c++) {
            float[] d = b.channel(c);
            float prev = last[c];
            for (int i = 0; i < b.numSamples(); i++) {
                m = Math.max(m, Math.abs(d[i] - prev));
                prev = d[i];
            }
            last[c] = prev;
        }
        return m;
    }

    /** Result of a click test: the largest step while sweeping and the largest step of the static signals. */
    record Click(double sweepStep, double staticStep) {
        double ratio() {
            return sweepStep / staticStep;
        }
    }

    /**
     * Sweeps parameter {@code id} from its minimum to its maximum over 10 ms while a tone plays and returns the
     * largest sample-to-sample step, together with the largest step seen with the parameter held still at
     * {@code points + 1} points along its travel (32 is fine enough not to miss a narrow bell passing over the tone).
     */
    static <P extends Processor> Click clickTest(Supplier<P> factory, Consumer<? super P> setup, String id,
                                                 int channels, int points) {
        int block = 16;
        ParamSpec spec = factory.get().params().get(factory.get().paramIndex(id));
        double staticStep = 0;
        for (int k = 0; k <= points; k++) {
            P p = prepared(factory, setup, channels, block);
            p.setParameter(id, spec.fromNormalized(k / (double) points));
            p.reset();
            AudioBlock b = new AudioBlock(2, block);
            float[] last = new float[2];
            int warm = (int) (0.2 * SR / block);
            int measure = (int) (0.03 * SR / block);
            for (int i = 0; i < warm + measure; i++) {
                tone(b, (long) i * block, channels, 0.5);
                p.process(b);
                double s = blockMaxStep(b, last);
                if (i >= warm) {
                    staticStep = Math.max(staticStep, s);
                }
            }
        }
        P p = prepared(factory, setup, channels, block);
        p.setParameter(id, spec.min());
        p.reset();
        AudioBlock b = new AudioBlock(2, block);
        float[] last = new float[2];
        int warm = (int) (0.2 * SR / block);
        int sweep = (int) (0.010 * SR / block);
        int after = (int) (0.15 * SR / block);
        double sweepStep = 0;
        for (int i = 0; i < warm + sweep + after; i++) {
            if (i >= warm && i < warm + sweep) {
                p.setParameter(id, spec.fromNormalized((i - warm + 1) / (double) sweep));
            }
            tone(b, (long) i * block, channels, 0.5);
            p.process(b);
            double s = blockMaxStep(b, last);
            if (i >= warm) {
                sweepStep = Math.max(sweepStep, s);
            }
        }
        return new Click(sweepStep, staticStep);
    }

    /**
     * Sweep-versus-static steps of the mono signal {@code x} run in 32-sample blocks through a fresh processor from
     * {@code factory}: the static step is the largest sample-to-sample step over [from, x.length) with parameter
     * {@code param} held at its minimum and at its maximum (each after a reset); the sweep step is the same measure
     * while the parameter ramps from its minimum to its maximum over the 15 blocks from {@code sweepStartBlock}.
     */
    static Click linearSweepClick(Supplier<? extends Processor> factory, int param, float[] x, int from,
                                  int sweepStartBlock) {
        ParamSpec spec = factory.get().params().get(param);
        double min = spec.min();
        double max = spec.max();
        double staticStep = 0;
        for (double v : new double[] {min, max}) {
            Processor p = factory.get();
            p.setParameter(param, v);
            p.reset();
            staticStep = Math.max(staticStep, maxStep(run(p, x, 1, 32)[0], from, x.length));
        }
        Processor p = factory.get();
        p.setParameter(param, min);
        p.reset();
        float[] y = new float[x.length];
        AudioBlock b = new AudioBlock(1, 32);
        for (int s = 0, blk = 0; s < x.length; s += 32, blk++) {
            if (blk >= sweepStartBlock && blk < sweepStartBlock + 15) {
                p.setParameter(param, min + (max - min) * (blk - sweepStartBlock + 1) / 15.0);
            }
            System.arraycopy(x, s, b.channel(0), 0, 32);
            p.process(b);
            System.arraycopy(b.channel(0), 0, y, s, 32);
        }
        return new Click(maxStep(y, from, x.length), staticStep);
    }

    /**
     * Bytes this thread allocates across 10,000 process calls of the 32-sample signal {@code x} on both channels of
     * the stereo-prepared {@code p}, call i first setting parameter {@code i % numParams} to
     * {@code measuredValue(i)}; 20,000 warm-up calls before (x on channel 0 only, values {@code warmUpValue(i)}),
     * less the cost of reading the counter.
     */
    static long allocatedBytesAfterWarmUp(Processor p, float[] x, int numParams, IntToDoubleFunction warmUpValue,
                                          IntToDoubleFunction measuredValue) {
        AudioBlock b = new AudioBlock(2, 32);
        for (int i = 0; i < 20_000; i++) {
            p.setParameter(i % numParams, warmUpValue.applyAsDouble(i));
            System.arraycopy(x, 0, b.channel(0), 0, 32);
            p.process(b);
        }
        long calibrate = threadAllocatedBytes();
        long overhead = threadAllocatedBytes() - calibrate;
        // a one-off JIT allocation lands in one window at most; a real one in process() shows in every window
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 3 && least > 0; window++) {
            long before = threadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                p.setParameter(i % numParams, measuredValue.applyAsDouble(i));
                System.arraycopy(x, 0, b.channel(0), 0, 32);
                System.arraycopy(x, 0, b.channel(1), 0, 32);
                p.process(b);
            }
            least = Math.min(least, threadAllocatedBytes() - before - overhead);
        }
        return least;
    }

    /**
     * Runs four stereo 256-sample blocks of {@code x} (the same 256 samples on both channels) through {@code p};
     * {@code inject} writes bad samples into the second block before it is processed, and {@code check} sees every
     * block (with its index 0..3) after processing.
     */
    static void runBlocksWithBadSamples(Processor p, float[] x, Consumer<AudioBlock> inject,
                                        ObjIntConsumer<AudioBlock> check) {
        AudioBlock b = new AudioBlock(2, 256);
        for (int rep = 0; rep < 4; rep++) {
            System.arraycopy(x, 0, b.channel(0), 0, 256);
            System.arraycopy(x, 0, b.channel(1), 0, 256);
            if (rep == 1) {
                inject.accept(b);
            }
            p.process(b);
            check.accept(b, rep);
        }
    }

    /** {@code n} samples: 100 ms of a 100 Hz sine of peak 0.8 (at 48 kHz), then silence. */
    static float[] burstThenSilence(int n) {
        float[] x = new float[n];
        System.arraycopy(sine(100, 0.8, 0, 4800, 48_000), 0, x, 0, 4800);
        return x;
    }

    /** Runs {@link #clickTest} for every continuous parameter and asserts the sweep step stays near the static one. */
    static <P extends Processor> void assertNoClicks(Supplier<P> factory, Consumer<? super P> setup, int channels,
                                                     double tolerance, int points) {
        for (ParamSpec s : factory.get().params()) {
            if (!s.continuous()) {
                continue;
            }
            Click c = clickTest(factory, setup, s.id(), channels, points);
            assertThat(c.sweepStep()).as("%s sweep step %.5f vs static %.5f", s.id(), c.sweepStep(), c.staticStep())
                    .isLessThanOrEqualTo(c.staticStep() * tolerance + 1e-4);
        }
    }

    /** Magnitude in dB of a real sequence at {@code freqHz} (direct DFT). */
    static double dftMagnitudeDb(float[] h, double freqHz, double sampleRate) {
        double w = 2 * Math.PI * freqHz / sampleRate;
        double re = 0;
        double im = 0;
        double cw = Math.cos(w);
        double sw = Math.sin(w);
        double c = 1;
        double s = 0;
        for (float v : h) {
            re += v * c;
            im -= v * s;
            double nc = c * cw - s * sw;
            s = s * cw + c * sw;
            c = nc;
        }
        return 10 * Math.log10(re * re + im * im);
    }
}
