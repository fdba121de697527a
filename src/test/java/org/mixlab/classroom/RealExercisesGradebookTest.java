package org.mixlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.engine.ProjectPaths;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;

/**
 * The gradebook on shipped exercises with the real scorer: the teacher's own mix wins, the untouched start loses, an
 * exam-mode exercise (reference audio and profile only) is carried through like the others.
 */
class RealExercisesGradebookTest {
    private static final List<String> IDS = List.of("balance-1", "pan-1", "tone-3");

    @TempDir
    Path inbox;

    private static Session load(Path exerciseDir, String field) throws Exception {
        JsonNode j = SessionIo.mapper().readTree(exerciseDir.resolve("exercise.json").toFile());
        String rel = field.equals("start") ? j.path("start").asText() : j.path("reference").path("session").asText();
        return SessionIo.load(exerciseDir.resolve(rel), List.of(exerciseDir.getParent().getParent()));
    }

    @Test
    void referenceMixScoresHighStartScoresLowEditedScoreIsCaught() throws Exception {
        Path exercises = ProjectPaths.root().resolve("exercises");
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        StudentProfile good = new StudentProfile("Good Mixer", "g1", "mt101");
        StudentProfile idle = new StudentProfile("Idle Mixer", "i1", "mt101");
        for (String id : IDS) {
            Path dir = exercises.resolve(id);
            String hash = ExerciseHash.compute(dir);
            SubmissionIo.write(new Submission(good, id, hash, load(dir, "reference"), "0.1.0", t, t, 1, 100), inbox);
            // the idle student claims 100 for the untouched start
            SubmissionIo.write(new Submission(idle, id, hash, load(dir, "start"), "0.1.0", t, t, 1, 100), inbox);
        }
        Path exam = exercises.resolve("mastering-6");
        SubmissionIo.write(new Submission(good, "mastering-6", ExerciseHash.compute(exam), load(exam, "start"), "0.1.0",
                t, t, 1, 0), inbox);
        GradebookReport r = new Gradebook(new FolderExerciseCatalog(exercises), ScorerGrader.forExercises(exercises),
                2).grade(inbox);
        assertThat(r.exercises()).extracting(ExerciseInfo::id).containsExactly("balance-1", "mastering-6", "pan-1",
                "tone-3");
        GradebookReport.StudentRow goodRow = r.students().get(0);
        GradebookReport.StudentRow idleRow = r.students().get(1);
        assertThat(goodRow.student()).isEqualTo(good);
        for (String id : IDS) {
            assertThat(goodRow.best().get(id)).as(id + " reference").isGreaterThan(97);
            assertThat(idleRow.best().get(id)).as(id + " start").isLessThan(goodRow.best().get(id) - 20);
        }
        assertThat(goodRow.best().get("mastering-6")).isBetween(1.0, 99.0);
        assertThat(goodRow.flags()).singleElement().asString().startsWith("mastering-6 #1: score edited (reported 0.0");
        assertThat(idleRow.flags()).hasSize(IDS.size()).allMatch(f -> f.contains("score edited (reported 100.0"));
        for (GradedSubmission g : r.submissions()) {
            assertThat(g.feedback()).isNotEmpty();
        }
        try (var files = Files.list(inbox)) {
            assertThat(files.count()).isEqualTo(7);
        }
    }
}
