package org.mixlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mixlab.classroom.ExerciseHash;
import org.mixlab.classroom.FolderExerciseCatalog;
import org.mixlab.classroom.Gradebook;
import org.mixlab.classroom.GradebookReport;
import org.mixlab.classroom.ScorerGrader;
import org.mixlab.classroom.StudentProfile;
import org.mixlab.classroom.Submission;
import org.mixlab.classroom.SubmissionIo;
import org.mixlab.engine.ProjectPaths;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;
import org.mixlab.engine.session.TrackModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Re-grading a class: 100 submissions spread over three real exercises from the project's exercises/ folder, every
 * one with different fader settings so no render is shared, graded by a fresh
 * {@link ScorerGrader} (cold stem and render caches, as when a teacher runs the gradebook) on 2 threads. One op is
 * one whole gradebook run. {@code set=audio} uses exercises whose rubrics measure renders (stem balance, tonal
 * balance, loudness: the worst case), {@code set=settings} ones graded from settings alone. Target: under 30 s on 2
 * cores. Run from the project root:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main GradebookBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class GradebookBench {
    /** Number of submissions graded per op. */
    public static final int SUBMISSIONS = 100;
    /** Which exercises: "audio" (balance-3, tone-3, mastering-1) or "settings" (balance-1, tone-1, dynamics-1). */
    @Param({"audio", "settings"})
    public String set;

    private Path exercises;
    private Path inbox;

    /** Writes the 100 submissions to a temporary folder. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        exercises = ProjectPaths.root().resolve("exercises");
        inbox = Files.createTempDirectory("mixlab-gradebook-bench");
        write(exercises, inbox, SUBMISSIONS, set.equals("audio") ? List.of("balance-3", "tone-3", "mastering-1")
                : List.of("balance-1", "tone-1", "dynamics-1"));
    }

    /** Writes {@code n} submissions over the exercises {@code use} into {@code inbox}; returns how many were found. */
    public static int write(Path exercises, Path inbox, int n, List<String> use) throws IOException {
        List<String> ids = new ArrayList<>();
        List<Session> starts = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (String id : use) {
            Path dir = exercises.resolve(id);
            if (!Files.isRegularFile(dir.resolve("exercise.json"))) {
                continue;
            }
            String start = SessionIo.mapper().readTree(dir.resolve("exercise.json").toFile()).path("start").asText();
            starts.add(SessionIo.load(dir.resolve(start), List.of(exercises.getParent())));
            ids.add(id);
            hashes.add(ExerciseHash.compute(dir));
        }
        if (ids.isEmpty()) {
            throw new IOException("none of " + use + " is in " + exercises);
        }
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        for (int i = 0; i < n; i++) {
            int e = i % ids.size();
            Session s = starts.get(e).copy();
            int k = 0;
            for (TrackModel tr : s.tracks) {
                tr.gainDb = Math.max(-30, Math.min(6, tr.gainDb + ((i * 7 + k * 3) % 13 - 6) * 0.5 + 0.01 * i));
                k++;
            }
            StudentProfile st = new StudentProfile("Student " + (i / ids.size()), "s" + (1000 + i / ids.size()),
                    "bench");
            SubmissionIo.write(new Submission(st, ids.get(e), hashes.get(e), s, "0.1.0", t, t.plusSeconds(i), 1,
                    50), inbox);
        }
        return ids.size();
    }

    /** Re-grades the folder with a fresh scorer. */
    @Benchmark
    public GradebookReport regrade() throws IOException {
        GradebookReport r = new Gradebook(new FolderExerciseCatalog(exercises), ScorerGrader.forExercises(exercises),
                2).grade(inbox);
        long graded = r.submissions().stream().filter(s -> s.regraded() != null).count();
        if (graded != SUBMISSIONS) {
            throw new IllegalStateException("only " + graded + " of " + SUBMISSIONS + " submissions were graded: "
                    + r.submissions().get(0).flags());
        }
        return r;
    }

    /** Deletes the temporary folder. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(inbox)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
