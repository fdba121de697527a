package org.mixlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mixlab.engine.graph.ChainRenderer;
import org.mixlab.engine.io.AudioData;
import org.mixlab.engine.io.AudioFileReader;
import org.mixlab.engine.io.WavWriter;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SessionIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mixlab process IN -o OUT --chain CHAIN.json}: runs a file through an insert chain. */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = "Run an audio file through a chain of processors (the session insert format); latency removed.")
final class ProcessCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "WAV or AIFF input")
    Path in;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "WAV file to write")
    Path out;

    @Option(names = "--chain", required = true, paramLabel = "CHAIN.json",
            description = "JSON list of inserts, e.g. [{\"type\":\"eq\",\"params\":{\"hpOn\":1}}]")
    Path chain;

    @Option(names = "--tempo", paramLabel = "BPM", defaultValue = "120",
            description = "tempo for tempo-synced delay times, 20 to 300 BPM (default 120)")
    double tempoBpm;

    @Option(names = "--tail", paramLabel = "S", defaultValue = "0",
            description = "seconds of silence run through the chain after the end, so reverb and delay tails ring "
                    + "out, 0 to 30 (default 0: the output is as long as the input and aligned with it)")
    double tailS;

    @Option(names = "--bits", paramLabel = "16|24|32f", defaultValue = "24", description = "output format")
    String bits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WavWriter.Format fmt = RenderCommand.format(bits);
        if (!(tempoBpm >= 20 && tempoBpm <= 300)) {
            throw new IllegalArgumentException("--tempo: " + tempoBpm + " BPM is outside 20 to 300");
        }
        if (!(tailS >= 0 && tailS <= 30)) {
            throw new IllegalArgumentException("--tail: " + tailS + " s is outside 0 to 30");
        }
        List<InsertModel> inserts = SessionIo.loadChain(chain);
        AudioData a = AudioFileReader.read(in);
        if (a.channels() > 2) {
            // the chain is mono/stereo; writing only the first two channels would lose the rest without a word
            throw new IllegalArgumentException(in.getFileName() + ": " + a.channels()
                    + " channels; process takes mono or stereo files");
        }
        float[][] result = ChainRenderer.render(a.samples(), a.sampleRate(), inserts, tempoBpm,
                (int) Math.round(tailS * a.sampleRate()));
        WavWriter.write(out, result, a.sampleRate(), fmt, 1L);
        spec.commandLine().getOut().printf("wrote %s%n", out);
        return 0;
    }
}
