package org.mixlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mixlab.engine.ProjectPaths;
import org.mixlab.engine.session.SessionException;
import org.mixlab.engine.session.SessionIo;
import org.mixlab.lesson.LessonPackLoader;
import org.mixlab.lesson.LoadResult;
import org.mixlab.lesson.Problem;
import org.mixlab.scoring.ExerciseException;
import org.mixlab.scoring.ExerciseLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mixlab validate PATH...}: checks lesson packs, exercises and session files, printing every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check lesson packs (folders with pack.json), exercises (folders with exercise.json) and "
                + "session files (*.session.json), or every one of them under a folder.",
                "Prints every problem, one per line; exit 0 when all are valid, 2 otherwise."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "packs, exercises, sessions, or folders of them")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = ProjectPaths.root();
        Set<Path> packs = new LinkedHashSet<>();
        Set<Path> exercises = new LinkedHashSet<>();
        Set<Path> sessions = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                problems.add(p + ": no such file or folder");
                continue;
            }
            collect(p.toAbsolutePath().normalize(), packs, exercises, sessions);
        }
        List<String> warnings = new ArrayList<>();
        LessonPackLoader packLoader = new LessonPackLoader(root, true);
        for (Path pack : packs) {
            LoadResult r = packLoader.load(pack);
            for (Problem pr : r.problems()) {
                (pr.isError() ? problems : warnings).add(pr.toString());
            }
        }
        ExerciseLoader exerciseLoader = new ExerciseLoader(root);
        for (Path ex : exercises) {
            try {
                exerciseLoader.load(ex);
            } catch (ExerciseException e) {
                problems.addAll(e.problems());
            }
        }
        for (Path f : sessions) {
            try {
                SessionIo.load(f, ProjectPaths.allowedRoots(root));
            } catch (SessionException e) {
                problems.addAll(e.problems());
            }
        }
        for (String w : warnings) {
            err.println(w);
        }
        for (String pr : problems) {
            err.println(pr);
        }
        out.printf("%d pack(s), %d exercise(s), %d session(s) checked: %d problem(s), %d warning(s)%n",
                packs.size(), exercises.size(), sessions.size(), problems.size(), warnings.size());
        return problems.isEmpty() ? 0 : Cli.EXIT_BAD_INPUT;
    }

    private static void collect(Path p, Set<Path> packs, Set<Path> exercises, Set<Path> sessions) throws Exception {
        if (Files.isRegularFile(p)) {
            String name = p.getFileName().toString();
            if (name.equals("pack.json")) {
                packs.add(p.getParent());
            } else if (name.equals("exercise.json")) {
                exercises.add(p.getParent());
            } else {
                sessions.add(p);
            }
            return;
        }
        if (Files.isRegularFile(p.resolve("pack.json"))) {
            packs.add(p);
            return;
        }
        if (Files.isRegularFile(p.resolve("exercise.json"))) {
            exercises.add(p);
            return;
        }
        try (Stream<Path> s = Files.walk(p, 6)) {
            for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (name.equals("pack.json")) {
                    packs.add(f.getParent());
                } else if (name.equals("exercise.json")) {
                    exercises.add(f.getParent());
                } else if (name.endsWith(".session.json")) {
                    sessions.add(f);
                }
            }
        }
    }
}
