package org.mixlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.engine.session.SessionIo;

class GradebookTest {
    @TempDir
    Path root;

    private Path exercises;
    private Path inbox;
    private String hash1;
    private String hash2;
    private final StudentProfile ana = ClassroomFixtures.student("Ana Silva", "s1001");
    private final StudentProfile ben = ClassroomFixtures.student("Ben Okafor", "s1002");
    private final StudentProfile cy = ClassroomFixtures.student("Cy Li", "s1003");

    @BeforeEach
    void setUp() throws Exception {
        exercises = root.resolve("exercises");
        ClassroomFixtures.exercise(exercises, "mix-01", "Vocal balance");
        ClassroomFixtures.exercise(exercises, "mix-02", "Bass balance");
        hash1 = ExerciseHash.compute(exercises.resolve("mix-01"));
        hash2 = ExerciseHash.compute(exercises.resolve("mix-02"));
        inbox = root.resolve("inbox");
        Files.createDirectories(inbox);
    }

    private Path hand(StudentProfile st, String ex, double voxDb, int attempt) throws Exception {
        return SubmissionIo.write(ClassroomFixtures.submission(st, ex, ex.equals("mix-01") ? hash1 : hash2, voxDb,
                attempt), inbox);
    }

    private GradebookReport run() throws Exception {
        return new Gradebook(new FolderExerciseCatalog(exercises), ClassroomFixtures.fakeGrader(), 2).grade(inbox);
    }

    private static GradedSubmission byFile(GradebookReport r, Path f) {
        return r.submissions().stream().filter(s -> s.file().getFileName().equals(f.getFileName())).findFirst()
                .orElseThrow();
    }

    @Test
    void honestSubmissionsGetBestScorePerStudentAndNoFlags() throws Exception {
        hand(ana, "mix-01", -6, 1);   // 70
        hand(ana, "mix-01", -3.5, 2); // 95
        hand(ana, "mix-02", -1, 1);   // 80
        hand(ben, "mix-01", 0, 1);    // 70
        GradebookReport r = run();
        assertThat(r.submissions()).hasSize(4).allMatch(s -> s.flags().isEmpty());
        assertThat(r.exercises()).extracting(ExerciseInfo::id).containsExactly("mix-01", "mix-02");
        assertThat(r.exercises()).extracting(ExerciseInfo::title).containsExactly("Vocal balance", "Bass balance");
        assertThat(r.students()).extracting(s -> s.student().name()).containsExactly("Ana Silva", "Ben Okafor");
        assertThat(r.students().get(0).best()).containsEntry("mix-01", 95.0).containsEntry("mix-02", 80.0);
        assertThat(r.students().get(1).best()).containsOnlyKeys("mix-01").containsEntry("mix-01", 70.0);
        assertThat(r.flaggedCount()).isZero();
        assertThat(r.unassigned()).isEmpty();
    }

    @Test
    void editedScoreIsFlaggedAndTheRegradedScoreCounts() throws Exception {
        Path f = hand(ana, "mix-01", -8, 1); // really 50
        ObjectNode root = (ObjectNode) SessionIo.mapper().readTree(f.toFile());
        root.put("score", 99.0);
        Files.writeString(f, root.toPrettyString());
        GradebookReport r = run();
        GradedSubmission g = byFile(r, f);
        assertThat(g.regraded()).isEqualTo(50.0);
        assertThat(g.flags()).extracting(Flag::kind).containsExactly(Flag.Kind.SEAL_BROKEN, Flag.Kind.SCORE_EDITED);
        assertThat(g.flags().get(1)).hasToString("score edited (reported 99.0, re-graded 50.0)");
        assertThat(r.students().get(0).best()).containsEntry("mix-01", 50.0);
        assertThat(r.students().get(0).flags()).containsExactly("mix-01 #1: seal broken (edited outside MixLab)",
                "mix-01 #1: score edited (reported 99.0, re-graded 50.0)");
    }

    @Test
    void scoreWithinHalfAPointIsNotFlagged() throws Exception {
        Path f = hand(ana, "mix-01", -8, 1);
        ObjectNode root = (ObjectNode) SessionIo.mapper().readTree(f.toFile());
        root.put("score", 50.4);
        Files.writeString(f, root.toPrettyString());
        assertThat(byFile(run(), f).flags()).extracting(Flag::kind).containsExactly(Flag.Kind.SEAL_BROKEN);
    }

    @Test
    void editedSettingsBreakTheSealAndAreRegradedFromTheEditedSettings() throws Exception {
        Path f = hand(ana, "mix-01", -8, 1); // 50, reported 50
        ObjectNode root = (ObjectNode) SessionIo.mapper().readTree(f.toFile());
        ((ObjectNode) root.get("session").get("tracks").get(0)).put("gainDb", -3.0);
        Files.writeString(f, root.toPrettyString());
        GradedSubmission g = byFile(run(), f);
        assertThat(g.regraded()).isEqualTo(100.0);
        assertThat(g.flags()).extracting(Flag::kind).containsExactly(Flag.Kind.SEAL_BROKEN, Flag.Kind.SCORE_EDITED);
    }

    @Test
    void changedExerciseVersionIsFlaggedAndGradedAgainstTheInstalledOne() throws Exception {
        Path f = hand(ana, "mix-01", -3, 1);
        Files.writeString(exercises.resolve("mix-01/brief.md"), "New brief\n");
        GradebookReport r = run();
        GradedSubmission g = byFile(r, f);
        assertThat(g.flags()).extracting(Flag::kind).containsExactly(Flag.Kind.EXERCISE_CHANGED);
        assertThat(g.regraded()).isEqualTo(100.0);
    }

    @Test
    void unknownExerciseIsFlaggedWithoutAScoreOrColumn() throws Exception {
        Submission s = ClassroomFixtures.submission(ana, "mix-99", hash1, -3, 1);
        Path f = SubmissionIo.write(s, inbox);
        GradebookReport r = run();
        GradedSubmission g = byFile(r, f);
        assertThat(g.regraded()).isNull();
        assertThat(g.flags()).containsExactly(new Flag(Flag.Kind.UNKNOWN_EXERCISE, "'mix-99' is not installed"));
        assertThat(r.exercises()).isEmpty();
        assertThat(r.students().get(0).best()).isEmpty();
    }

    @Test
    void duplicateAttemptsAreFlaggedOnBothFiles() throws Exception {
        Path a = hand(ana, "mix-01", -4, 1);
        Path copy = inbox.resolve("copy-of-" + a.getFileName());
        Files.copy(a, copy);
        hand(ana, "mix-01", -4, 2); // a later attempt with the same mix is fine
        GradebookReport r = run();
        assertThat(byFile(r, a).flags()).containsExactly(new Flag(Flag.Kind.DUPLICATE_ATTEMPT, "also in "
                + copy.getFileName()));
        assertThat(byFile(r, copy).flags()).extracting(Flag::kind).containsExactly(Flag.Kind.DUPLICATE_ATTEMPT);
        assertThat(r.flaggedCount()).isEqualTo(2);
    }

    @Test
    void identicalMixesFromDifferentStudentsAreFlagged() throws Exception {
        Path a = hand(ana, "mix-01", -4.25, 1);
        Path b = hand(ben, "mix-01", -4.25, 3);
        Path c = hand(cy, "mix-01", -4.5, 1);
        Path d = hand(cy, "mix-02", -4.25, 1); // same settings, other exercise: not a copy
        GradebookReport r = run();
        assertThat(byFile(r, a).flags()).containsExactly(new Flag(Flag.Kind.IDENTICAL_MIX,
                "same settings as Ben Okafor (s1002)"));
        assertThat(byFile(r, b).flags()).containsExactly(new Flag(Flag.Kind.IDENTICAL_MIX,
                "same settings as Ana Silva (s1001)"));
        assertThat(byFile(r, c).flags()).isEmpty();
        assertThat(byFile(r, d).flags()).isEmpty();
    }

    @Test
    void untouchedStartSessionsAreNotCalledCopies() throws Exception {
        Path a = hand(ana, "mix-01", 0, 1); // the exercise's start has vox at 0 dB
        Path b = hand(ben, "mix-01", 0, 1);
        GradebookReport r = run();
        assertThat(byFile(r, a).flags()).isEmpty();
        assertThat(byFile(r, b).flags()).isEmpty();
        assertThat(byFile(r, a).regraded()).isEqualTo(70.0);
    }

    @Test
    void junkFilesAreUnreadableWithTheirReasonAndTiedToTheStudentWhenTheNameAllows() throws Exception {
        hand(ana, "mix-01", -3, 1);
        Files.writeString(inbox.resolve("mix-01_mt101-s1001_2.mixlab-submission.json"), "{\"format\":\"mixlab-su");
        Files.writeString(inbox.resolve("notes.json"), "{\"hello\":1}");
        Files.writeString(inbox.resolve("readme.txt"), "not looked at");
        Files.writeString(inbox.resolve(".DS_Store.json"), "hidden");
        GradebookReport r = run();
        assertThat(r.submissions()).hasSize(3);
        assertThat(r.ignored()).isEqualTo(1);
        assertThat(byFile(r, inbox.resolve("notes.json")).flags()).containsExactly(new Flag(Flag.Kind.UNREADABLE,
                "notes.json: not a MixLab submission (format is '', expected 'mixlab-submission')"));
        assertThat(r.unassigned()).containsExactly(
                "notes.json: not a MixLab submission (format is '', expected 'mixlab-submission')");
        assertThat(r.students().get(0).flags()).containsExactly("mix-01 #2: unreadable file "
                + "(mix-01_mt101-s1001_2.mixlab-submission.json: not valid JSON at line 1, column 21 (truncated or "
                + "not a submission?))");
    }

    @Test
    void gradingFailureIsAFlagNotACrash() throws Exception {
        Grader broken = (id, s) -> {
            throw new IllegalStateException("stem kick.wav is missing\nsecond line");
        };
        Path f = hand(ana, "mix-01", -3, 1);
        GradebookReport r = new Gradebook(new FolderExerciseCatalog(exercises), broken, 2).grade(inbox);
        assertThat(byFile(r, f).flags()).containsExactly(new Flag(Flag.Kind.GRADING_FAILED,
                "IllegalStateException: stem kick.wav is missing"));
    }

    @Test
    void usesTwoThreadsAndFindsSubmissionsInSubFolders() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        java.util.concurrent.CyclicBarrier meet = new java.util.concurrent.CyclicBarrier(2);
        Grader g = (id, s) -> {
            threads.add(Thread.currentThread().getName() + "@" + System.identityHashCode(Thread.currentThread()));
            try {
                meet.await(10, java.util.concurrent.TimeUnit.SECONDS); // both threads must be grading at once
            } catch (Exception e) {
                throw new GradingException("threads did not meet");
            }
            return new GradeResult(ClassroomFixtures.fakeScore(s), List.of());
        };
        for (int i = 0; i < 6; i++) {
            StudentProfile st = ClassroomFixtures.student("S" + i, "id" + i);
            Path sub = inbox.resolve("Student " + i + "_123_assignsubmission_file_");
            SubmissionIo.write(ClassroomFixtures.submission(st, "mix-01", hash1, -3 - i, 1), sub);
        }
        GradebookReport r = new Gradebook(new FolderExerciseCatalog(exercises), g, 2).grade(inbox);
        assertThat(r.submissions()).hasSize(6).allMatch(s -> s.flags().isEmpty());
        assertThat(r.students()).hasSize(6);
        assertThat(threads).hasSize(2);
    }

    @Test
    void missingFolderIsOneLine() {
        Path nowhere = root.resolve("nowhere");
        assertThatThrownBy(() -> new Gradebook(new FolderExerciseCatalog(exercises),
                ClassroomFixtures.fakeGrader()).grade(nowhere)).hasMessage(nowhere + ": no such folder");
        assertThatThrownBy(() -> new Gradebook(new FolderExerciseCatalog(exercises),
                ClassroomFixtures.fakeGrader(), 0)).hasMessage("threads: 0 is not 1..16");
    }
}
