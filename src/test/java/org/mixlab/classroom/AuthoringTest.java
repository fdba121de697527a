package org.mixlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;
import org.mixlab.engine.session.TrackModel;

class AuthoringTest {
    @TempDir
    Path root;

    private static InsertModel sat(String id, double driveDb) {
        InsertModel i = new InsertModel();
        i.id = id;
        i.type = "saturation";
        i.params.put("driveDb", driveDb);
        return i;
    }

    private Session start() {
        Session s = new Session();
        s.baseDir = root.resolve("audio/song");
        for (String id : List.of("vox", "bass", "gtr")) {
            TrackModel t = ClassroomFixtures.track(id, 0);
            t.file = id + ".wav";
            s.tracks.add(t);
        }
        s.track("vox").inserts.add(sat("sat1", 6));
        return s;
    }

    private Session reference() {
        Session r = start().copy();
        r.track("bass").gainDb = -4;
        r.track("gtr").gainDb = -2;
        r.track("gtr").pan = 40;
        r.track("vox").inserts.get(0).params.put("driveDb", 12.0);
        r.track("vox").inserts.get(0).params.put("toneDb", 2.0);
        InsertModel tube = sat("sat1", 6);
        tube.params.put("type", 1.0);
        r.track("bass").inserts.add(tube);
        return r;
    }

    @Test
    void rubricFollowsWhatTheTeacherChanged() {
        List<ExerciseAuthoring.RubricItem> items = ExerciseAuthoring.deriveRubric(start(), reference());
        assertThat(items).extracting(ExerciseAuthoring.RubricItem::id).containsExactly("bass-fader", "gtr-fader",
                "vox-saturation-driveDb", "vox-saturation-toneDb", "bass-saturation-type", "gtr-pan", "loudness",
                "tonal-balance");
        ExerciseAuthoring.RubricItem bass = items.get(0);
        assertThat(bass.kind()).isEqualTo("relative-setting");
        assertThat(bass.selector()).isEqualTo("track:bass/gainDb");
        assertThat(bass.minus()).isEqualTo("track:vox/gainDb");
        assertThat(items.get(2).selector()).isEqualTo("track:vox/insert:saturation/driveDb");
        assertThat(items.get(2).tolerance()).isEqualTo(1.5);
        assertThat(items.get(4).tolerance()).isZero();
        assertThat(items.get(5).selector()).isEqualTo("track:gtr/pan");
        assertThat(items.get(6).kind()).isEqualTo("integrated-loudness");
        assertThat(items.get(7).kind()).isEqualTo("tonal-balance");
        // nothing changed: only the audio criteria
        assertThat(ExerciseAuthoring.deriveRubric(start(), start())).extracting(ExerciseAuthoring.RubricItem::kind)
                .containsExactly("integrated-loudness", "tonal-balance");
    }

    @Test
    void savesSessionsWithRebasedStemsAndTheExerciseFile() throws Exception {
        Path ex = ExerciseAuthoring.saveAsExercise(start(), reference(), root.resolve("exercises"), "sat-1",
                "Warm the vocal", "saturation");
        assertThat(ex).isEqualTo(root.resolve("exercises/sat-1"));
        Session s = SessionIo.load(ex.resolve("start.session.json"), List.of(root));
        assertThat(s.track("vox").file).isEqualTo("../../audio/song/vox.wav");
        Session r = SessionIo.load(ex.resolve("reference.session.json"), List.of(root));
        assertThat(r.track("bass").gainDb).isEqualTo(-4.0);
        JsonNode j = SessionIo.mapper().readTree(ex.resolve("exercise.json").toFile());
        assertThat(j.get("format").asText()).isEqualTo("mixlab-exercise");
        assertThat(j.get("id").asText()).isEqualTo("sat-1");
        assertThat(j.get("tool").asText()).isEqualTo("saturation");
        assertThat(j.get("difficulty").asInt()).isEqualTo(2);
        assertThat(j.get("start").asText()).isEqualTo("start.session.json");
        assertThat(j.get("reference").get("session").asText()).isEqualTo("reference.session.json");
        assertThat(j.get("rubric").get("criteria")).hasSize(8);
        assertThat(j.get("rubric").get("criteria").get(0).get("minus").asText()).isEqualTo("track:vox/gainDb");
        assertThat(new FolderExerciseCatalog(root.resolve("exercises")).find("sat-1"))
                .hasValueSatisfying(i -> assertThat(i.title()).isEqualTo("Warm the vocal"));
    }

    @Test
    void badAuthoringInputIsOneLine() throws Exception {
        Path exercises = root.resolve("exercises");
        assertThatThrownBy(() -> ExerciseAuthoring.saveAsExercise(start(), reference(), exercises, "Bad Id", "T",
                "balance")).hasMessage("exercise id: 'Bad Id' must be 1 to 64 lower-case letters, digits and dashes");
        assertThatThrownBy(() -> ExerciseAuthoring.saveAsExercise(start(), reference(), exercises, "a", "T",
                "mixing")).hasMessageStartingWith("tool: 'mixing' is not one of balance, pan");
        Session other = reference();
        other.tracks.add(ClassroomFixtures.track("keys", 0));
        assertThatThrownBy(() -> ExerciseAuthoring.saveAsExercise(start(), other, exercises, "a", "T", "balance"))
                .hasMessage("reference track 'keys' is not in the start session");
        ExerciseAuthoring.saveAsExercise(start(), reference(), exercises, "a", "T", "balance");
        assertThatThrownBy(() -> ExerciseAuthoring.saveAsExercise(start(), reference(), exercises, "a", "T",
                "balance")).hasMessage("exercise 'a' already exists in " + exercises);
    }

    @Test
    void lessonPackTemplateLoadsWithTheLessonLoaderWithoutProblems() throws Exception {
        // a project holding the shipped ballad's session files, so strict references can be checked
        Path ballad = org.mixlab.engine.ProjectPaths.root().resolve("audio/ballad");
        Files.createDirectories(root.resolve("audio/ballad"));
        for (String f : List.of("unmixed.session.json", "song.json")) {
            Files.copy(ballad.resolve(f), root.resolve("audio/ballad").resolve(f));
        }
        Path pack = LessonPackTemplate.create(root.resolve("lessons"), "my-pack", "My pack", "dynamics");
        org.mixlab.lesson.LoadResult r = new org.mixlab.lesson.LessonPackLoader(root, true).load(pack);
        assertThat(r.problems()).isEmpty();
        assertThat(r.packs()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("my-pack");
            assertThat(p.title()).isEqualTo("My pack");
        });
    }

    @Test
    void lessonPackTemplateIsCompleteAndRefusesToOverwrite() throws Exception {
        Files.createDirectories(root.resolve("audio/ballad"));
        Files.writeString(root.resolve("audio/ballad/unmixed.session.json"), "{}");
        Path lessons = root.resolve("lessons");
        Path pack = LessonPackTemplate.create(lessons, "my-eq", "My EQ pack", "tone");
        JsonNode p = SessionIo.mapper().readTree(pack.resolve("pack.json").toFile());
        assertThat(p.get("format").asText()).isEqualTo("mixlab-lesson-pack");
        assertThat(p.get("version").asInt()).isEqualTo(1);
        assertThat(p.get("id").asText()).isEqualTo("my-eq");
        assertThat(p.get("song").asText()).isEqualTo("ballad");
        assertThat(p.get("startSession").asText()).isEqualTo("../../audio/ballad/unmixed.session.json");
        assertThat(p.get("steps")).hasSize(2);
        assertThat(p.get("steps").get(1).get("checks").get(0).get("selector").asText()).isEqualTo("master/gainDb");
        assertThat(Files.readString(pack.resolve("01-intro.md"))).startsWith("# My EQ pack");
        assertThat(pack.resolve("02-task.md")).exists();
        assertThatThrownBy(() -> LessonPackTemplate.create(lessons, "my-eq", "Again", "tone"))
                .hasMessage("lesson pack 'my-eq' already exists in " + lessons);
        assertThatThrownBy(() -> LessonPackTemplate.create(lessons, "x", "", "tone"))
                .hasMessage("title: must be 1 to 120 characters");
    }
}
