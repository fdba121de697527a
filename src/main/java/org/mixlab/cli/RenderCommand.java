package org.mixlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mixlab.analysis.Analysis;
import org.mixlab.dsp.Resampler;
import org.mixlab.engine.ProjectPaths;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.io.WavWriter;
import org.mixlab.engine.mastering.LoudnessTarget;
import org.mixlab.engine.render.OfflineRenderer;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mixlab render SESSION -o OUT.wav}: renders a session offline through the same engine the app plays. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a session to a stereo WAV file (faster than real time; progress on stderr).")
final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SESSION", description = "session file (*.session.json)")
    Path sessionFile;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "WAV file to write")
    Path out;

    @Option(names = "--bits", paramLabel = "16|24|32f", defaultValue = "24",
            description = "sample format: 16 or 24-bit PCM with TPDF dither, or 32f float (default ${DEFAULT-VALUE})")
    String bits;

    @Option(names = "--rate", paramLabel = "HZ", description = "output sample rate (default: the session's)")
    Double rate;

    @Option(names = "--tail", paramLabel = "S", defaultValue = "2",
            description = "seconds rendered after the end for reverb and delay tails, 0 to 30 (default ${DEFAULT-VALUE})")
    double tailS;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "delivery preset: ${COMPLETION-CANDIDATES} (loudness target, true-peak ceiling, rate, bits)")
    DeliveryPreset preset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path root = ProjectPaths.root();
        Session s = SessionIo.load(sessionFile, ProjectPaths.allowedRoots(root));
        StemCache stems = new StemCache(ProjectPaths.allowedRoots(root));
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        String bitsUsed = bits;
        Double rateWanted = rate;
        if (preset != null) {
            LoudnessTarget.Result r = LoudnessTarget.apply(s, stems.load(s), preset.targetLufs, preset.ceilingDbtp);
            if (!r.reached()) {
                throw new IllegalArgumentException(sessionFile.getFileName() + ": " + r.message());
            }
            outw.println(preset.label + ": " + r.message());
            s = r.session();
            bitsUsed = preset.bits;
            rateWanted = preset.sampleRate;
        }
        WavWriter.Format fmt = RenderCommand.format(bitsUsed);
        float[][] audio = OfflineRenderer.render(s, stems.load(s), tailS, false, p -> {
            err.printf("\rrendering %3.0f%%", p * 100);
            err.flush();
        });
        err.println();
        double outRate = s.sampleRate;
        if (rateWanted != null && rateWanted != s.sampleRate) {
            audio = Resampler.resample(audio, s.sampleRate, rateWanted);
            outRate = rateWanted;
        }
        if (preset != null) {
            // resampling can add inter-sample peaks: trim just enough to stay under the ceiling
            double tp = Analysis.analyze(audio, outRate).truePeakDbtp();
            if (tp > preset.ceilingDbtp) {
                float g = (float) Math.pow(10, (preset.ceilingDbtp - tp - 0.02) / 20);
                for (float[] ch : audio) {
                    for (int i = 0; i < ch.length; i++) {
                        ch[i] *= g;
                    }
                }
                outw.printf(java.util.Locale.ROOT, "trimmed %.2f dB to keep the true peak under %.1f dBTP%n",
                        tp - preset.ceilingDbtp + 0.02, preset.ceilingDbtp);
            }
        }
        WavWriter.write(out, audio, outRate, fmt, 1L);
        outw.printf("wrote %s (%.2f s, %d Hz, %s)%n", out, audio[0].length / outRate, (long) outRate, bitsUsed);
        return 0;
    }

    /** Delivery presets: loudness target, true-peak ceiling, sample rate and word length. */
    enum DeliveryPreset {
        streaming("Streaming", -14, -1, 44_100.0, "24"),
        broadcast("Broadcast (EBU R128)", -23, -1, 48_000.0, "24"),
        cd("CD", -12, -1, 44_100.0, "16"),
        hires("Hi-res", -14, -1, 96_000.0, "24");

        final String label;
        final double targetLufs;
        final double ceilingDbtp;
        final Double sampleRate;
        final String bits;

        DeliveryPreset(String label, double targetLufs, double ceilingDbtp, Double sampleRate, String bits) {
            this.label = label;
            this.targetLufs = targetLufs;
            this.ceilingDbtp = ceilingDbtp;
            this.sampleRate = sampleRate;
            this.bits = bits;
        }
    }

    static WavWriter.Format format(String bits) {
        switch (bits) {
            case "16":
                return WavWriter.Format.PCM16;
            case "24":
                return WavWriter.Format.PCM24;
            case "32f":
            case "32":
                return WavWriter.Format.FLOAT32;
            default:
                throw new IllegalArgumentException("--bits must be 16, 24 or 32f, not '" + bits + "'");
        }
    }
}
