package org.mixlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mixlab.engine.ProjectPaths;
import org.mixlab.engine.session.SessionException;
import org.mixlab.engine.session.SessionIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mixlab validate PATH...}: checks session files and prints every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check session files (*.session.json); print every problem, one per line. Exit 2 if any.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "session files or folders to check")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        Path root = ProjectPaths.root();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                problems.add(p + ": no such file or folder");
                continue;
            }
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (var s = Files.walk(p, 6)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".session.json")).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
            for (Path f : files) {
                checked++;
                try {
                    SessionIo.load(f, List.of(root));
                } catch (SessionException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        for (String pr : problems) {
            err.println(pr);
        }
        out.println(checked + " file(s) checked, " + problems.size() + " problem(s)");
        return problems.isEmpty() ? 0 : Cli.EXIT_BAD_INPUT;
    }
}
