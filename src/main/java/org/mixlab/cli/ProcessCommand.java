package org.mixlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Option(names = "--bits", paramLabel = "16|24|32f", defaultValue = "24", description = "output format")
    String bits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WavWriter.Format fmt = RenderCommand.format(bits);
        String name = chain.getFileName().toString();
        JsonNode node;
        try {
            node = SessionIo.mapper().readTree(Files.readString(chain));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": not valid JSON at line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        }
        JsonNode list = node.isArray() ? node : node.get("inserts");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(name + ": expected a list of inserts or {\"inserts\": [...]}");
        }
        List<InsertModel> inserts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            InsertModel im = SessionIo.mapper().treeToValue(list.get(i), InsertModel.class);
            if (im.id == null) {
                im.id = im.type + (i + 1);
            }
            inserts.add(im);
        }
        List<String> problems = ChainRenderer.validate(inserts, name);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        AudioData a = AudioFileReader.read(in);
        float[][] result = ChainRenderer.render(a.samples(), a.sampleRate(), inserts, 120);
        WavWriter.write(out, result, a.sampleRate(), fmt, 1L);
        spec.commandLine().getOut().printf("wrote %s%n", out);
        return 0;
    }
}
