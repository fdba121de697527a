package org.mixlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mixlab.analysis.Analysis;
import org.mixlab.analysis.AnalysisResult;
import org.mixlab.engine.io.AudioData;
import org.mixlab.engine.io.AudioFileReader;
import org.mixlab.engine.io.WavWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Offline analysis speed on 3 minutes of stereo 48 kHz "music-like" noise: {@link Analysis#analyze} on samples in
 * memory, and reading a 24-bit WAV plus analysing it (what {@code mixlab analyze FILE} does after JVM start).
 * One op = the whole 3 minutes, so real-time factor = 180,000 ms / (ms per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class AnalyzeBench {
    private static final double RATE = 48_000;
    private static final double SECONDS = 180;

    private float[][] samples;
    private Path file;

    /**
     * Stereo pink noise (Paul Kellet's filter) under a slow loudness envelope (a 0.25 Hz "beat" and 8 s
     * "sections" 6 dB apart) with partly correlated channels, scaled to peak near -1 dBFS: loud, dynamic, not a
     * steady tone.
     */
    public static float[][] musicLike(double sampleRate, double seconds, long seed) {
        int n = (int) Math.round(sampleRate * seconds);
        float[][] x = new float[2][n];
        Random r = new Random(seed);
        double[][] b = new double[2][7];
        double peak = 0;
        for (int i = 0; i < n; i++) {
            double common = r.nextGaussian();
            double t = i / sampleRate;
            double env = (0.6 + 0.4 * Math.abs(Math.sin(Math.PI * 0.25 * t))) * (((int) (t / 8)) % 2 == 0 ? 1.0 : 0.5);
            for (int c = 0; c < 2; c++) {
                double w = 0.7 * common + 0.714 * r.nextGaussian();
                double[] s = b[c];
                s[0] = 0.99886 * s[0] + w * 0.0555179;
                s[1] = 0.99332 * s[1] + w * 0.0750759;
                s[2] = 0.96900 * s[2] + w * 0.1538520;
                s[3] = 0.86650 * s[3] + w * 0.3104856;
                s[4] = 0.55000 * s[4] + w * 0.5329522;
                s[5] = -0.7616 * s[5] - w * 0.0168980;
                double pink = s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6] + w * 0.5362;
                s[6] = w * 0.115926;
                double v = pink * env;
                x[c][i] = (float) v;
                peak = Math.max(peak, Math.abs(v));
            }
        }
        float scale = (float) (0.89 / peak);
        for (float[] ch : x) {
            for (int i = 0; i < n; i++) {
                ch[i] *= scale;
            }
        }
        return x;
    }

    /** Builds the signal and writes it as a 24-bit WAV in a temp folder. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        samples = musicLike(RATE, SECONDS, 42);
        file = Files.createTempFile("mixlab-analyze-bench", ".wav");
        WavWriter.write(file, samples, RATE, WavWriter.Format.PCM24, 1);
    }

    /** Deletes the temp WAV. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Analysis alone, samples already in memory. */
    @Benchmark
    public AnalysisResult analyzeInMemory() {
        return Analysis.analyze(samples, RATE);
    }

    /** Read the 24-bit WAV, then analyse it. */
    @Benchmark
    public AnalysisResult readAndAnalyze() throws Exception {
        AudioData a = AudioFileReader.read(file);
        return Analysis.analyze(a.samples(), a.sampleRate());
    }

    /** Writes the benchmark signal as a 24-bit WAV: {@code FILE [RATE_HZ [SECONDS]]} (for hyperfine runs). */
    public static void main(String[] args) throws Exception {
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : RATE;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : SECONDS;
        WavWriter.write(Path.of(args[0]), musicLike(rate, seconds, 42), rate, WavWriter.Format.PCM24, 1);
    }
}
