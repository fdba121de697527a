package org.mixlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mixlab.engine.gen.AudioGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mixlab generate-audio}: renders the lesson songs' stems and the calibration signals, deterministically. */
@Command(name = "generate-audio", mixinStandardHelpOptions = true,
        description = {"Regenerate audio/ (stems, sessions, calibration signals) from the arrangements in the code.",
                "Needs a General MIDI SoundFont (Debian: fluid-soundfont-gm). See audio/README.md."})
final class GenerateAudioCommand implements Callable<Integer> {
    @Option(names = "--soundfont", paramLabel = "SF2", defaultValue = "/usr/share/sounds/sf2/FluidR3_GM.sf2",
            description = "SoundFont file (default ${DEFAULT-VALUE})")
    Path soundFont;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "audio", description = "output folder (default audio)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(soundFont)) {
            throw new IllegalArgumentException(soundFont + ": SoundFont not found (apt-get install fluid-soundfont-gm)");
        }
        var reports = AudioGenerator.generate(soundFont, out);
        spec.commandLine().getOut().printf("wrote %d stems to %s%n", reports.size(), out);
        return 0;
    }
}
