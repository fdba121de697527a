package org.mixlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mixlab.dsp.Resampler;
import org.mixlab.engine.ProjectPaths;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.io.WavWriter;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WavWriter.Format fmt = RenderCommand.format(bits);
        Path root = ProjectPaths.root();
        Session s = SessionIo.load(sessionFile, List.of(root));
        StemCache stems = new StemCache(List.of(root));
        PrintWriter err = spec.commandLine().getErr();
        float[][] audio = OfflineRenderer.render(s, stems.load(s), tailS, false, p -> {
            err.printf("\rrendering %3.0f%%", p * 100);
            err.flush();
        });
        err.println();
        double outRate = s.sampleRate;
        if (rate != null && rate != s.sampleRate) {
            audio = Resampler.resample(audio, s.sampleRate, rate);
            outRate = rate;
        }
        WavWriter.write(out, audio, outRate, fmt, 1L);
        spec.commandLine().getOut().printf("wrote %s (%.2f s, %d Hz, %s)%n", out, audio[0].length / outRate,
                (long) outRate, bits);
        return 0;
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
