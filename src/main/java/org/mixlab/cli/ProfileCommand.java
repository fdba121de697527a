package org.mixlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.session.TrackModel;
import org.mixlab.scoring.Exercise;
import org.mixlab.scoring.ExerciseException;
import org.mixlab.scoring.ExerciseLoader;
import org.mixlab.scoring.ReferenceProfile;
import org.mixlab.scoring.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mixlab profile EXERCISE_DIR [-o FILE]}: measures an exercise's reference and writes the profile JSON. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Measure an exercise's reference (loudness, range, peaks, 1/3-octave bands, stem levels, width)"
                + " and write it as a profile JSON for exam mode.")
final class ProfileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EXERCISE_DIR", description = "exercise folder (exercises/<id>)")
    Path exerciseDir;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "where to write (default: EXERCISE_DIR/reference.profile.json)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path root = ExerciseDirs.projectRoot(exerciseDir);
        Exercise ex;
        try {
            ex = new ExerciseLoader(root).load(exerciseDir);
        } catch (ExerciseException e) {
            e.problems().forEach(err::println);
            err.flush();
            return Cli.EXIT_BAD_INPUT;
        }
        List<String> stems = new ArrayList<>();
        if (ex.referenceSession() != null) {
            for (TrackModel t : ex.referenceSession().tracks) {
                stems.add(t.id);
            }
        }
        ReferenceProfile p = new Scorer(new StemCache(List.of(root))).referenceProfile(ex, stems);
        Path file = out != null ? out : ex.dir().resolve("reference.profile.json");
        p.save(file);
        spec.commandLine().getOut().println("wrote " + file + ": " + p);
        return 0;
    }
}
