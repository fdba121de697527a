package org.mixlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mixlab.analysis.Analysis;
import org.mixlab.analysis.AnalysisResult;
import org.mixlab.engine.io.AudioData;
import org.mixlab.engine.io.AudioFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mixlab analyze FILE}: loudness (BS.1770-4 / R128), true peak, sample peak, RMS, crest, correlation. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Measure an audio file: integrated loudness, loudness range, true peak, sample peak, RMS.")
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "WAV or AIFF file to measure")
    Path file;

    @Option(names = "--json", description = "print JSON (undefined values are null)")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AudioData a = AudioFileReader.read(file);
        AnalysisResult r = Analysis.analyze(a.samples(), a.sampleRate());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println("{");
            out.println("  \"file\": \"" + file.getFileName().toString().replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\",");
            out.println("  \"sampleRate\": " + (long) a.sampleRate() + ",");
            out.println("  \"channels\": " + a.channels() + ",");
            out.println("  \"durationS\": " + CliFormat.json(r.durationS()) + ",");
            out.println("  \"integratedLufs\": " + CliFormat.json(r.integratedLufs()) + ",");
            out.println("  \"loudnessRangeLu\": " + CliFormat.json(r.loudnessRangeLu()) + ",");
            out.println("  \"maxMomentaryLufs\": " + CliFormat.json(r.maxMomentaryLufs()) + ",");
            out.println("  \"maxShortTermLufs\": " + CliFormat.json(r.maxShortTermLufs()) + ",");
            out.println("  \"truePeakDbtp\": " + CliFormat.json(r.truePeakDbtp()) + ",");
            out.println("  \"samplePeakDbfs\": " + CliFormat.json(r.samplePeakDbfs()) + ",");
            out.println("  \"rmsDb\": " + CliFormat.json(r.rmsDb()) + ",");
            out.println("  \"crestDb\": " + CliFormat.json(r.crestDb()) + ",");
            out.println("  \"plrDb\": " + CliFormat.json(r.plrDb()) + ",");
            out.println("  \"correlation\": " + CliFormat.json(r.correlation()));
            out.println("}");
        } else {
            out.printf("%s  (%d Hz, %d ch, %.2f s)%n", file.getFileName(), (long) a.sampleRate(), a.channels(),
                    r.durationS());
            out.printf("  Integrated loudness  %8s LUFS%n", CliFormat.db(r.integratedLufs()));
            out.printf("  Loudness range       %8s LU%n", CliFormat.db(r.loudnessRangeLu()));
            out.printf("  Max momentary        %8s LUFS%n", CliFormat.db(r.maxMomentaryLufs()));
            out.printf("  Max short-term       %8s LUFS%n", CliFormat.db(r.maxShortTermLufs()));
            out.printf("  True peak            %8s dBTP%n", CliFormat.db(r.truePeakDbtp()));
            out.printf("  Sample peak          %8s dBFS%n", CliFormat.db(r.samplePeakDbfs()));
            out.printf("  RMS                  %8s dBFS%n", CliFormat.db(r.rmsDb()));
            out.printf("  Crest factor         %8s dB%n", CliFormat.db(r.crestDb()));
            out.printf("  PLR                  %8s dB%n", CliFormat.db(r.plrDb()));
            out.printf("  Correlation          %8s%n", String.format(java.util.Locale.ROOT, "%.2f", r.correlation()));
        }
        return 0;
    }
}
