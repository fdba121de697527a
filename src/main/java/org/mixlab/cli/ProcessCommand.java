package org.mixlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mixlab.engine.graph.ChainRenderer;
import org.mixlab.engine.io.AudioData;
import org.mixlab.engine.io.AudioFileException;
import org.mixlab.engine.io.AudioFileReader;
import org.mixlab.engine.io.WavWriter;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SessionIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mixlab process IN... (-o OUT | -d DIR) --chain CHAIN.json}: runs files through an insert chain. Several files
 * in one run share the JVM's start-up and compiled code, so a folder of ear-training clips costs little more than one.
 */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = "Run audio files through a chain of processors (the session insert format); latency removed. "
                + "Several files go to --out-dir, one file to -o or --out-dir.")
final class ProcessCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IN", description = "WAV or AIFF input, mono or stereo")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", description = "WAV file to write (one input)")
    Path out;

    @Option(names = {"-d", "--out-dir"}, paramLabel = "DIR",
            description = "folder for the results, each named after its input with .wav (made if missing)")
    Path outDir;

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
        List<Path> targets = targets();
        int failed = 0;
        for (int i = 0; i < inputs.size(); i++) {
            try {
                processOne(inputs.get(i), targets.get(i), inserts, fmt);
            } catch (AudioFileException | IllegalArgumentException e) {
                if (inputs.size() == 1) {
                    throw e;
                }
                // a batch goes on past a bad file and says which ones failed
                spec.commandLine().getErr().println("mixlab: " + e.getMessage().lines().findFirst().orElse(""));
                failed++;
            }
        }
        if (failed > 0) {
            spec.commandLine().getErr().printf("mixlab: %d of %d files not processed%n", failed, inputs.size());
            return Cli.EXIT_BAD_INPUT;
        }
        return 0;
    }

    /** The output path for each input, checked before any audio is read. */
    private List<Path> targets() throws java.io.IOException {
        if ((out == null) == (outDir == null)) {
            throw new IllegalArgumentException("give either -o OUT (one input) or --out-dir DIR");
        }
        if (out != null) {
            if (inputs.size() > 1) {
                throw new IllegalArgumentException("-o takes one input; for " + inputs.size()
                        + " files give --out-dir DIR");
            }
            return List.of(out);
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IllegalArgumentException(outDir.getFileName() + ": --out-dir is a file, not a folder");
        }
        List<Path> targets = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path in : inputs) {
            String name = in.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path target = outDir.resolve((dot > 0 ? name.substring(0, dot) : name) + ".wav");
            Path key = target.toAbsolutePath().normalize();
            if (!seen.add(key)) {
                throw new IllegalArgumentException(name + ": another input would also be written to "
                        + target.getFileName() + "; process them in separate runs");
            }
            if (key.equals(in.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException(name + ": would be overwritten by its result; choose another "
                        + "--out-dir");
            }
            targets.add(target);
        }
        Files.createDirectories(outDir);
        return targets;
    }

    private void processOne(Path in, Path target, List<InsertModel> inserts, WavWriter.Format fmt)
            throws AudioFileException {
        AudioData a = AudioFileReader.read(in);
        if (a.channels() > 2) {
            // the chain is mono/stereo; writing only the first two channels would lose the rest without a word
            throw new AudioFileException(in, a.channels() + " channels; process takes mono or stereo files");
        }
        float[][] result = ChainRenderer.render(a.samples(), a.sampleRate(), inserts, tempoBpm,
                (int) Math.round(tailS * a.sampleRate()));
        WavWriter.write(target, result, a.sampleRate(), fmt, 1L);
        spec.commandLine().getOut().printf("wrote %s%n", target);
        spec.commandLine().getOut().flush();
    }
}
