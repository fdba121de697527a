package org.mixlab.ui.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.classroom.ProfileStore;
import org.mixlab.classroom.ProgressStore;

/** The profile and progress adapters on the real classroom stores, in a temp data folder. */
class ClassroomAdaptersTest {

    @Test
    void profilesAdapterValidatesCreatesAndSwitches(@TempDir Path data) throws Exception {
        ClassroomProfiles profiles = new ClassroomProfiles(ProfileStore.open(data));
        assertThat(profiles.current()).isEmpty();
        assertThat(profiles.problems("", "S 1", "10B")).hasSize(2)
                .anyMatch(l -> l.startsWith("name:")).anyMatch(l -> l.startsWith("student id:"));
        profiles.create("Ada", "S1", "10B");
        profiles.create("Grace", "S2", "10B");
        assertThat(profiles.current().orElseThrow().name()).isEqualTo("Grace");
        profiles.switchTo("10B-S1");
        assertThat(profiles.current().orElseThrow().name()).isEqualTo("Ada");
        assertThatThrownBy(() -> profiles.create("Ada again", "S1", "10B"))
                .isInstanceOf(IllegalArgumentException.class);
        // saved: a fresh store sees the same profiles and current one
        ClassroomProfiles reopened = new ClassroomProfiles(ProfileStore.open(data));
        assertThat(reopened.profiles()).extracting(ProfileService.Profile::name).containsExactly("Ada", "Grace");
        assertThat(reopened.current().orElseThrow().key()).isEqualTo("10B-S1");
    }

    @Test
    void progressAdapterSavesStepsDrillsAndScoresInTheBackground(@TempDir Path folder) throws Exception {
        List<String> warnings = new ArrayList<>();
        try (ClassroomProgress p = new ClassroomProgress(new ProgressStore(folder), warnings::add)) {
            p.markStepDone("tone", "intro");
            p.saveDrillThreshold("eq-band", 3.5, 20);
            p.recordExerciseScore("tone-1", 64);
            p.recordExerciseScore("tone-1", 81);
            assertThat(p.isStepDone("tone", "intro")).isTrue();
            assertThat(p.bestExerciseScore("tone-1")).hasValue(81.0);
        }
        assertThat(Files.exists(folder.resolve(ProgressStore.FILE_NAME))).isTrue();
        try (ClassroomProgress again = new ClassroomProgress(new ProgressStore(folder), warnings::add)) {
            assertThat(again.isStepDone("tone", "intro")).isTrue();
            assertThat(again.isStepDone("tone", "eq")).isFalse();
            assertThat(again.drillThreshold("eq-band")).hasValue(3.5);
            assertThat(again.bestExerciseScore("tone-1")).hasValue(81.0);
            assertThat(again.nextAttempt("tone-1")).isEqualTo(3);
        }
        assertThat(warnings).isEmpty();
        org.mixlab.ui.lesson.SwitchableProgress sw = new org.mixlab.ui.lesson.SwitchableProgress();
        assertThat(sw.isStepDone("tone", "intro")).isFalse();
        try (ClassroomProgress third = new ClassroomProgress(new ProgressStore(folder), warnings::add)) {
            sw.setTarget(third);
            assertThat(sw.isStepDone("tone", "intro")).isTrue();
            assertThat(sw.bestExerciseScore("tone-1")).hasValue(81.0);
        }
    }

    @Test
    void gradebookAdapterRegradesASubmissionFolderAndWritesTheCsv(@TempDir Path dir) throws Exception {
        Path exercises = Path.of("exercises").toAbsolutePath();
        org.mixlab.scoring.ExerciseLoader loader = new org.mixlab.scoring.ExerciseLoader(exercises.getParent());
        org.mixlab.scoring.Exercise ex = loader.load(exercises.resolve("balance-1"));
        org.mixlab.engine.session.Session mix = ex.referenceSession().copy();
        java.time.Instant now = java.time.Instant.parse("2026-12-06T08:00:00Z");
        org.mixlab.classroom.Submission sub = new org.mixlab.classroom.Submission(
                new org.mixlab.classroom.StudentProfile("Ada", "S1", "10B"), "balance-1",
                org.mixlab.classroom.ExerciseHash.compute(exercises.resolve("balance-1")), mix, "test", now, now, 1,
                99.0);
        org.mixlab.classroom.SubmissionIo.write(sub, dir);
        TeacherGradebook g = new ClassroomGradebook(new org.mixlab.classroom.Gradebook(
                new org.mixlab.classroom.FolderExerciseCatalog(exercises),
                org.mixlab.classroom.ScorerGrader.forExercises(exercises)));
        TeacherGradebook.Sheet sheet = g.grade(dir);
        assertThat(sheet.exerciseIds()).containsExactly("balance-1");
        assertThat(sheet.rows()).hasSize(1);
        TeacherGradebook.StudentRow row = sheet.rows().get(0);
        assertThat(row.name()).isEqualTo("Ada");
        assertThat(row.best().get("balance-1")).isEqualTo(100.0);
        // the reported 99 differs from the re-graded 100: flagged
        assertThat(row.flags()).anyMatch(f -> f.contains("score edited"));
        assertThat(row.feedback()).isNotEmpty().allMatch(f -> f.startsWith("balance-1 #1"));
        Path csv = dir.resolve("grades.csv");
        g.exportCsv(sheet, csv);
        assertThat(Files.readString(csv)).startsWith("Student,SIS User ID,Section,balance-1,Flags");
    }
}
