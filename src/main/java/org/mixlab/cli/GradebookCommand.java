package org.mixlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.mixlab.classroom.ExerciseInfo;
import org.mixlab.classroom.Flag;
import org.mixlab.classroom.FolderExerciseCatalog;
import org.mixlab.classroom.Grader;
import org.mixlab.classroom.GradebookCsv;
import org.mixlab.classroom.GradebookReport;
import org.mixlab.classroom.Gradebook;
import org.mixlab.classroom.GradedSubmission;
import org.mixlab.classroom.ScorerGrader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mixlab gradebook SUBMISSIONS_DIR --exercises exercises/ --csv grades.csv}: re-grades a class's hand-ins. */
@Command(name = "gradebook", mixinStandardHelpOptions = true,
        description = {"Re-grade every submission (*.mixlab-submission.json) in a folder from its settings, flag "
                + "edited or copied files, and write the best score per student and exercise as a CSV that Canvas "
                + "and Moodle import (see docs/classroom.md).",
            "Exit 0 when the folder was graded (flags included), 2 on bad input."})
final class GradebookCommand implements Callable<Integer> {
    /** Makes the grader for an exercises folder; tests swap in a fake. */
    static Function<Path, Grader> graderFactory = ScorerGrader::forExercises;

    @Parameters(index = "0", paramLabel = "SUBMISSIONS_DIR",
            description = "folder of submissions (sub-folders of LMS downloads are searched too)")
    Path submissions;

    @Option(names = "--exercises", paramLabel = "DIR", defaultValue = "exercises",
            description = "the exercises folder (default: ${DEFAULT-VALUE})")
    Path exercises;

    @Option(names = "--csv", paramLabel = "FILE", description = "write the gradebook CSV here")
    Path csv;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "grading threads, 1 to 16 (default: ${DEFAULT-VALUE})")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String bad = null;
        if (!Files.isDirectory(submissions)) {
            bad = submissions + ": no such folder";
        } else if (!Files.isDirectory(exercises)) {
            bad = exercises + ": no such exercises folder (give it with --exercises)";
        } else if (threads < 1 || threads > 16) {
            bad = "--threads: " + threads + " is not 1..16";
        } else if (csv != null && Files.isDirectory(csv)) {
            bad = csv + ": is a folder; give a file name for the CSV";
        }
        if (bad != null) {
            err.println("mixlab: " + bad);
            return Cli.EXIT_BAD_INPUT;
        }
        GradebookReport r;
        try {
            r = new Gradebook(new FolderExerciseCatalog(exercises), graderFactory.apply(exercises), threads)
                    .grade(submissions);
        } catch (IOException e) {
            err.println("mixlab: " + firstLine(e.getMessage()));
            return Cli.EXIT_BAD_INPUT;
        }
        printTable(out, r);
        if (csv != null) {
            try {
                GradebookCsv.write(r, csv);
            } catch (IOException e) {
                err.println("mixlab: " + csv + ": cannot be written (" + e.getClass().getSimpleName() + ")");
                return Cli.EXIT_BAD_INPUT;
            }
            out.println("CSV written to " + csv);
        }
        return 0;
    }

    private static void printTable(PrintWriter out, GradebookReport r) {
        List<String> head = new ArrayList<>(List.of("Student", "SIS User ID", "Section"));
        for (ExerciseInfo e : r.exercises()) {
            head.add(e.id());
        }
        head.add("Flags");
        List<List<String>> rows = new ArrayList<>();
        rows.add(head);
        for (GradebookReport.StudentRow s : r.students()) {
            List<String> row = new ArrayList<>(List.of(s.student().name(), s.student().studentId(),
                    s.student().classCode()));
            for (ExerciseInfo e : r.exercises()) {
                Double b = s.best().get(e.id());
                row.add(b == null ? "-" : String.format(Locale.ROOT, "%.1f", b));
            }
            row.add(s.flags().isEmpty() ? "" : Integer.toString(s.flags().size()));
            rows.add(row);
        }
        int[] w = new int[head.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                w[i] = Math.max(w[i], Math.min(30, row.get(i).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String c = row.get(i).length() > 30 ? row.get(i).substring(0, 29) + "~" : row.get(i);
                boolean number = i >= 3 && i < row.size() - 1;
                b.append(number ? String.format("%" + w[i] + "s", c) : String.format("%-" + w[i] + "s", c));
                b.append(i < row.size() - 1 ? "  " : "");
            }
            out.println(b.toString().stripTrailing());
        }
        long unreadable = r.submissions().stream().filter(s -> s.submission() == null).count();
        out.printf(Locale.ROOT, "%d file(s): %d graded, %d flagged, %d unreadable; %d student(s), %d exercise(s); "
                        + "%.1f s%n", r.submissions().size(),
                r.submissions().stream().filter(s -> s.regraded() != null).count(), r.flaggedCount(), unreadable,
                r.students().size(), r.exercises().size(), r.elapsedMs() / 1000.0);
        if (r.flaggedCount() > 0) {
            out.println("Flags:");
            for (GradedSubmission g : r.submissions()) {
                if (!g.flags().isEmpty()) {
                    // the line starts with the file name: a read error that repeats it drops its own copy
                    String name = g.file().getFileName() + ": ";
                    out.println("  " + name + String.join("; ", g.flags().stream()
                            .map(f -> f.detail() != null && f.detail().startsWith(name)
                                    ? new Flag(f.kind(), f.detail().substring(name.length())).toString()
                                    : f.toString())
                            .toList()));
                }
            }
        }
        if (r.ignored() > 0) {
            out.println(r.ignored() + " other file(s) ignored (not JSON)");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "error" : s.lines().findFirst().orElse(s);
    }
}
