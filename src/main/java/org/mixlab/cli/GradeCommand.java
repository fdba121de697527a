package org.mixlab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.session.JsonText;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionException;
import org.mixlab.engine.session.SessionIo;
import org.mixlab.scoring.Exercise;
import org.mixlab.scoring.ExerciseException;
import org.mixlab.scoring.ExerciseLoader;
import org.mixlab.scoring.ScoreReport;
import org.mixlab.scoring.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mixlab grade EXERCISE_DIR SUBMISSION.session.json [--json]}: scores a mix against an exercise's rubric. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade a session against an exercise: score 0-100 and what to change, criterion by criterion.")
final class GradeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EXERCISE_DIR", description = "exercise folder (exercises/<id>)")
    Path exerciseDir;

    @Parameters(index = "1", paramLabel = "SUBMISSION", description = "the student's session (*.session.json)")
    Path submission;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path root = ExerciseDirs.projectRoot(exerciseDir);
        ExerciseLoader loader = new ExerciseLoader(root);
        Exercise ex;
        try {
            ex = loader.load(exerciseDir);
        } catch (ExerciseException e) {
            e.problems().forEach(err::println);
            err.flush();
            return Cli.EXIT_BAD_INPUT;
        }
        String name = submission.getFileName() == null ? submission.toString() : submission.getFileName().toString();
        if (!Files.isRegularFile(submission)) {
            err.println("mixlab: " + name + ": file not found");
            return Cli.EXIT_BAD_INPUT;
        }
        if (Files.size(submission) > SessionIo.MAX_FILE_BYTES) {
            err.println("mixlab: " + name + ": too large for a session file");
            return Cli.EXIT_BAD_INPUT;
        }
        String text;
        try {
            text = Files.readString(submission, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            err.println("mixlab: " + name + ": " + JsonText.readProblem(e));
            return Cli.EXIT_BAD_INPUT;
        }
        Session sub;
        try {
            sub = Scorer.parseSubmission(ex, text, name, loader.roots());
        } catch (SessionException e) {
            e.problems().forEach(err::println);
            err.flush();
            return Cli.EXIT_BAD_INPUT;
        }
        Scorer scorer = new Scorer(new StemCache(List.of(root)));
        ScoreReport report = scorer.grade(ex, sub);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
        out.flush();
        return 0;
    }
}
