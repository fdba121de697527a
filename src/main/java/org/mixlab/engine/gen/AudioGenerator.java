package org.mixlab.engine.gen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sound.midi.Soundbank;
import org.mixlab.dsp.CalibrationSignals;

/**
 * Generates all lesson audio deterministically: per song (pop-rock, electronic, ballad) seven dry mono 24-bit stems
 * with deliberate problems, song.json, unmixed.session.json and reference.session.json; the calibration signals in
 * calibration/; and SHA256SUMS over every WAV written. Running it twice gives byte-identical files.
 */
public final class AudioGenerator {
    /** Seed of the calibration pink noise. */
    public static final long PINK_SEED = 1L;
    /** Length of each calibration file in seconds. */
    public static final double CALIBRATION_S = 5.0;
    /** The reference mix is scaled so its estimated dry peak (before reverb) lands here, in dBFS. */
    public static final double REFERENCE_PEAK_DB = -6.8;

    private AudioGenerator() {}

    /** What was measured on one generated stem. */
    public record StemReport(String song, String file, double peakDb, double rmsDb, double edgeDb,
                             String note) {}

    /**
     * Generates everything into {@code outDir} (created if needed); existing files are replaced atomically.
     *
     * @param soundFont path of FluidR3_GM.sf2 (or another General MIDI SoundFont)
     * @param outDir    output folder, e.g. "audio"
     * @return one measurement line per stem
     * @throws IOException with a one-line message when the SoundFont, the synthesizer or a file fails
     */
    public static List<StemReport> generate(Path soundFont, Path outDir) throws IOException {
        Soundbank sb = StemRenderer.loadSoundFont(soundFont);
        StemRenderer renderer = new StemRenderer(sb);
        Files.createDirectories(outDir);
        List<StemReport> reports = new ArrayList<>();
        Map<String, byte[]> written = new TreeMap<>();
        for (SongSpec song : SongArrangements.all()) {
            Path dir = outDir.resolve(song.id());
            Files.createDirectories(dir);
            int n = song.stems().size();
            float[][] finals = new float[n][];
            double[] peaks = new double[n];
            double[] rms = new double[n];
            for (int i = 0; i < n; i++) {
                StemSpec stem = song.stems().get(i);
                float[] raw = renderer.render(song, stem);
                float[] eq = raw.clone();
                if (stem.problemEq() != null) {
                    stem.problemEq().applyCircular(eq, StemRenderer.SAMPLE_RATE);
                }
                double gain = StrictMath.pow(10.0, (stem.targetPeakDb() - StemMeasurements.peakDb(eq)) / 20.0);
                float[] fin = new float[eq.length];
                float[] rawScaled = new float[eq.length];
                for (int k = 0; k < eq.length; k++) {
                    fin[k] = quantize24((float) (eq[k] * gain));
                    rawScaled[k] = (float) (raw[k] * gain);
                }
                finals[i] = fin;
                peaks[i] = StemMeasurements.peakDb(fin);
                rms[i] = StemMeasurements.rmsDb(fin);
                Path file = dir.resolve(stem.file());
                WavWriter.writeMono(file, fin, StemRenderer.SAMPLE_RATE, 24);
                written.put(song.id() + "/" + stem.file(), Files.readAllBytes(file));
                double edge = Math.max(Math.abs(fin[0]), Math.abs(fin[fin.length - 1]));
                reports.add(new StemReport(song.id(), stem.file(), peaks[i], rms[i],
                    edge <= 0 ? Double.NEGATIVE_INFINITY : 20 * StrictMath.log10(edge),
                    describe(stem, rawScaled, fin)));
            }
            writeJson(dir.resolve("song.json"), SessionFiles.songJson(song, peaks, rms));
            writeJson(dir.resolve("unmixed.session.json"),
                SessionFiles.session(song, song.title() + " (unmixed)", null, null));
            writeJson(dir.resolve("reference.session.json"), ReferenceMix.session(song, finals));
        }
        writeCalibration(outDir.resolve("calibration"), written);
        writeChecksums(outDir.resolve("SHA256SUMS"), written);
        return reports;
    }

    /** The measurement note for a stem: band levels for EQ problems, dynamic range for the lead. */
    private static String describe(StemSpec stem, float[] beforeEq, float[] after) {
        double sr = StemRenderer.SAMPLE_RATE;
        StringBuilder sb = new StringBuilder();
        if (stem.problemEq() != null) {
            double f = stem.problemEq().freqHz();
            double[] bands = {f / 2, f, f * 2};
            sb.append("1/3-oct bands (dBFS) without/with the baked-in EQ:");
            for (double b : bands) {
                sb.append(String.format(java.util.Locale.ROOT, " %.0fHz %.1f/%.1f", b,
                    StemMeasurements.thirdOctaveDb(beforeEq, sr, b), StemMeasurements.thirdOctaveDb(after, sr, b)));
            }
        }
        if ("lead".equals(stem.role())) {
            List<Double> st = StemMeasurements.shortTermRmsDb(after, sr);
            int minVel = 127;
            int maxVel = 0;
            for (NoteEvent e : stem.notes()) {
                minVel = Math.min(minVel, e.velocity());
                maxVel = Math.max(maxVel, e.velocity());
            }
            sb.append(String.format(java.util.Locale.ROOT,
                "velocities %d..%d; 400 ms RMS p10 %.1f, p95 %.1f dBFS (spread %.1f dB)", minVel, maxVel,
                StemMeasurements.percentile(st, 0.10), StemMeasurements.percentile(st, 0.95),
                StemMeasurements.percentile(st, 0.95) - StemMeasurements.percentile(st, 0.10)));
        }
        return sb.toString();
    }

    private static float quantize24(float x) {
        long v = Math.max(-8_388_608L, Math.min(8_388_607L, Math.round(x * 8_388_607.0)));
        return (float) (v / 8_388_607.0);
    }

    private static void writeCalibration(Path dir, Map<String, byte[]> written) throws IOException {
        Files.createDirectories(dir);
        double sr = StemRenderer.SAMPLE_RATE;
        int n = (int) Math.round(CALIBRATION_S * sr);
        Map<String, double[]> sig = new LinkedHashMap<>();
        sig.put("pink-noise-20dBFS.wav", CalibrationSignals.pinkNoise(n, sr, -20.0, PINK_SEED));
        sig.put("sweep-20-20k.wav", CalibrationSignals.logSweep(sr, 20.0, 20_000.0, CALIBRATION_S, 0.5, 0.01));
        sig.put("tone-1k.wav", CalibrationSignals.sine(sr, 1000.0, CALIBRATION_S, 0.1));
        sig.put("tone-100.wav", CalibrationSignals.sine(sr, 100.0, CALIBRATION_S, 0.1));
        sig.put("tone-10k.wav", CalibrationSignals.sine(sr, 10_000.0, CALIBRATION_S, 0.1));
        for (Map.Entry<String, double[]> e : sig.entrySet()) {
            double[] d = e.getValue();
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            Path file = dir.resolve(e.getKey());
            WavWriter.writeMono(file, f, (int) sr, 16);
            written.put("calibration/" + e.getKey(), Files.readAllBytes(file));
        }
    }

    private static void writeChecksums(Path file, Map<String, byte[]> written) throws IOException {
        StringBuilder sb = new StringBuilder();
        try {
            for (Map.Entry<String, byte[]> e : written.entrySet()) {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(e.getValue());
                sb.append(HexFormat.of().formatHex(h)).append("  ").append(e.getKey()).append('\n');
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("SHA-256 is not available in this JVM", e);
        }
        WavWriter.writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void writeJson(Path file, Object doc) throws IOException {
        WavWriter.writeAtomically(file, JsonText.write(doc).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Command-line entry for developers: {@code AudioGenerator SOUNDFONT OUTDIR}. When the JVM lacks the
     * {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} option it restarts itself once with it.
     *
     * @param args SoundFont path and output folder
     * @throws Exception when generation fails (message printed, exit code 1)
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: AudioGenerator SOUNDFONT.sf2 OUTDIR");
            System.exit(2);
        }
        if (!StemRenderer.offlineRenderingAvailable() && System.getProperty("mixlab.gen.relaunched") == null) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(java.toString(),
                "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED", "-Dmixlab.gen.relaunched=1",
                "-cp", System.getProperty("java.class.path"), AudioGenerator.class.getName(), args[0], args[1]);
            pb.inheritIO();
            System.exit(pb.start().waitFor());
        }
        try {
            long t0 = System.nanoTime();
            List<StemReport> reports = generate(Path.of(args[0]), Path.of(args[1]));
            for (StemReport r : reports) {
                System.out.printf(java.util.Locale.ROOT, "%-11s %-11s peak %6.2f dBFS  rms %6.2f dBFS  edge %7.1f dBFS  %s%n",
                    r.song(), r.file(), r.peakDb(), r.rmsDb(), r.edgeDb(), r.note());
            }
            System.out.printf(java.util.Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            System.err.println("generate-audio: " + e.getMessage());
            System.exit(1);
        }
    }
}
