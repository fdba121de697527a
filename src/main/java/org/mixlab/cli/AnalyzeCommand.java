package org.mixlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            out.println(toJson(file, a, r));
        } else {
            out.printf("%s  (%d Hz, %d ch, %.2f s)%n", file.getFileName(), (long) a.sampleRate(), a.channels(),
                    r.durationS());
            out.printf("  Integrated loudness  %8s LUFS%n", CliFormat.db(r.integratedLufs()));
            // a range, a ratio or a difference of levels has no value for silence or under 3 s: n/a, not -inf
            out.printf("  Loudness range       %8s LU%n", CliFormat.defined(r.loudnessRangeLu()));
            out.printf("  Max momentary        %8s LUFS%n", CliFormat.db(r.maxMomentaryLufs()));
            out.printf("  Max short-term       %8s LUFS%n", CliFormat.db(r.maxShortTermLufs()));
            out.printf("  True peak            %8s dBTP%n", CliFormat.db(r.truePeakDbtp()));
            out.printf("  Sample peak          %8s dBFS%n", CliFormat.db(r.samplePeakDbfs()));
            out.printf("  RMS                  %8s dBFS%n", CliFormat.db(r.rmsDb()));
            out.printf("  Crest factor         %8s dB%n", CliFormat.defined(r.crestDb()));
            out.printf("  PLR                  %8s dB%n", CliFormat.defined(r.plrDb()));
            out.printf("  Correlation          %8s%n", Double.isNaN(r.correlation()) ? "n/a (mono)"
                    : String.format(java.util.Locale.ROOT, "%.2f", r.correlation()));
        }
        return 0;
    }

    /**
     * The JSON report: snake_case field names with units; undefined values (loudness of digital silence,
     * correlation of a mono file) are null, never -Infinity or NaN. Numbers are rounded to 3 decimals.
     */
    static String toJson(Path file, AudioData a, AnalysisResult r) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper(); // only for --json: Jackson costs ~0.1 s of start-up otherwise
        ObjectNode o = mapper.createObjectNode();
        o.put("file", file.getFileName().toString());
        o.put("sample_rate", (long) a.sampleRate());
        o.put("channels", a.channels());
        putNumber(o, "duration_s", r.durationS());
        putNumber(o, "integrated_lufs", r.integratedLufs());
        putNumber(o, "momentary_max_lufs", r.maxMomentaryLufs());
        putNumber(o, "short_term_max_lufs", r.maxShortTermLufs());
        putNumber(o, "loudness_range_lu", r.loudnessRangeLu());
        putNumber(o, "true_peak_dbtp", r.truePeakDbtp());
        putNumber(o, "sample_peak_dbfs", r.samplePeakDbfs());
        putNumber(o, "rms_dbfs", r.rmsDb());
        putNumber(o, "crest_db", r.crestDb());
        putNumber(o, "plr_db", r.plrDb());
        putNumber(o, "correlation", r.correlation());
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    }

    private static void putNumber(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, Math.round(v * 1000.0) / 1000.0);
        } else {
            o.putNull(name);
        }
    }
}
