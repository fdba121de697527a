package org.mixlab.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed exercises give one-line problems naming the file and the JSON path, never exceptions. */
class ExerciseLoaderTest {
    @TempDir
    static Path dir;
    static SyntheticProject project;
    static ExerciseLoader loader;
    static final String GOOD_CRITERIA = "[{\"id\":\"kick\",\"kind\":\"setting\",\"selector\":\"track:kick/gainDb\","
            + "\"tolerance\":1,\"falloff\":6}]";
    static final String START = SyntheticProject.session(0, 0, 0, 0, 0, 0);
    static final String REF = SyntheticProject.session(-6, -9, -12, 0, 0, 30);

    @BeforeAll
    static void setUp() throws Exception {
        project = new SyntheticProject(dir);
        loader = new ExerciseLoader(dir);
    }

    /** Writes exercise {@code id} from the good JSON edited by {@code edit}; returns the problems (empty when valid). */
    static List<String> problems(String id, UnaryOperator<String> edit) throws Exception {
        String json = edit.apply(SyntheticProject.exerciseJson(id, GOOD_CRITERIA));
        project.exercise(id, json, START, REF);
        Throwable t = catchThrowable(() -> loader.load(dir.resolve("exercises").resolve(id)));
        if (t == null) {
            return List.of();
        }
        assertThat(t).as(id).isInstanceOf(ExerciseException.class);
        List<String> p = ((ExerciseException) t).problems();
        for (String line : p) {
            assertThat(line).as(id).doesNotContain("\n").doesNotContain("Exception").startsWith(id + "/");
        }
        return p;
    }

    static UnaryOperator<String> crit(String criteria) {
        return j -> j.replace(GOOD_CRITERIA, criteria);
    }

    @Test
    @DisplayName("the well-formed synthetic exercise loads with its defaults")
    void goodLoads() throws Exception {
        assertThat(problems("good", j -> j)).isEmpty();
        Exercise ex = loader.load(dir.resolve("exercises/good"));
        assertThat(ex.passScore()).isEqualTo(70.0);
        assertThat(ex.criteria()).hasSize(1);
        assertThat(ex.criteria().get(0).scale()).isEqualTo(Scale.DB);
        assertThat(ex.criteria().get(0).weight()).isEqualTo(1.0);
        assertThat(ex.examMode()).isFalse();
        assertThat(loader.list()).extracting(p -> p.getFileName().toString()).contains("good");
    }

    @Test
    @DisplayName("each of 18 malformed exercises gives a one-line problem with the file and JSON path")
    void malformed() throws Exception {
        assertThat(problems("m01", j -> "{ not json")).singleElement().asString()
                .startsWith("m01/exercise.json: not valid JSON at line 1");
        assertThat(problems("m02", j -> "[1,2]")).containsExactly("m02/exercise.json: $: an exercise must be a JSON object");
        assertThat(problems("m03", j -> j.replace("\"mixlab-exercise\"", "\"mixlab-lesson\"")))
                .containsExactly("m03/exercise.json: $.format: must be \"mixlab-exercise\"");
        assertThat(problems("m04", j -> j.replace("\"version\":1", "\"version\":2")))
                .containsExactly("m04/exercise.json: $.version: version 2 is not supported (this MixLab reads version 1)");
        assertThat(problems("m05", j -> j.replace("\"id\":\"m05\"", "\"id\":\"other\"")))
                .containsExactly("m05/exercise.json: $.id: 'other' must match the folder name 'm05'");
        assertThat(problems("m06", j -> j.replace("\"tool\":\"balance\"", "\"tool\":\"autotune\"")))
                .singleElement().asString().startsWith("m06/exercise.json: $.tool: 'autotune' is not one of balance");
        assertThat(problems("m07", j -> j.replace("\"difficulty\":1", "\"difficulty\":5")))
                .containsExactly("m07/exercise.json: $.difficulty: 5 is outside 1 to 3");
        assertThat(problems("m08", j -> j.replace("\"start.session.json\"", "\"../../../etc/passwd\"")))
                .singleElement().asString().startsWith("m08/exercise.json: $.start: '../../../etc/passwd' points outside");
        assertThat(problems("m09", j -> j.replace("\"start.session.json\"", "\"nope.session.json\"")))
                .containsExactly("m09/exercise.json: $.start: 'nope.session.json': file not found");
        assertThat(problems("m10", crit("[]")))
                .containsExactly("m10/exercise.json: $.rubric.criteria: must be a non-empty list");
        assertThat(problems("m11", crit(GOOD_CRITERIA.replace("\"setting\"", "\"vibe\""))))
                .singleElement().asString().startsWith("m11/exercise.json: $.rubric.criteria[0].kind: unknown kind 'vibe'");
        assertThat(problems("m12", crit(GOOD_CRITERIA.replace("track:kick/gainDb", "track:kick/volume"))))
                .singleElement().asString().startsWith("m12/exercise.json: $.rubric.criteria[0].selector: selector "
                        + "'track:kick/volume': unknown setting 'volume'");
        assertThat(problems("m13", crit(GOOD_CRITERIA.replace("track:kick", "track:cowbell"))))
                .containsExactly("m13/exercise.json: $.rubric.criteria[0].selector: no track 'cowbell' in the start "
                        + "session");
        assertThat(problems("m14", crit(GOOD_CRITERIA.replace("\"tolerance\":1", "\"tolerance\":\"one\""))))
                .containsExactly("m14/exercise.json: $.rubric.criteria[0].tolerance: must be a number");
        assertThat(problems("m15", crit(GOOD_CRITERIA.replace("\"falloff\":6", "\"falloff\":0,\"weight\":-1"))))
                .containsExactly("m15/exercise.json: $.rubric.criteria[0].weight: -1 is outside 0 to 1000",
                        "m15/exercise.json: $.rubric.criteria[0].falloff: must be greater than 0");
        assertThat(problems("m16", crit("[" + GOOD_CRITERIA.substring(1, GOOD_CRITERIA.length() - 1) + ","
                + GOOD_CRITERIA.substring(1))))
                .containsExactly("m16/exercise.json: $.rubric.criteria[1].id: id 'kick' is used twice");
        assertThat(problems("m17", crit("[{\"id\":\"tp\",\"kind\":\"true-peak\",\"tolerance\":0,\"falloff\":2,"
                + "\"tolerence\":1}]")))
                .containsExactly("m17/exercise.json: $.rubric.criteria[0].tolerence: unknown field",
                        "m17/exercise.json: $.rubric.criteria[0].max: missing: a true-peak criterion is a limit, "
                                + "e.g. \"max\": -1");
        assertThat(problems("m18", crit("[{\"id\":\"b\",\"kind\":\"stem-balance\",\"stems\":[\"kick\"],"
                + "\"tolerance\":1,\"falloff\":6}]")))
                .containsExactly("m18/exercise.json: $.rubric.criteria[0].stems: list at least two track ids");
        assertThat(problems("m19", j -> j.replace("{\"session\":\"reference.session.json\"}", "{}")))
                .contains("m19/exercise.json: $.reference: give at least one of session, audio or profile");
        assertThat(problems("m20", crit(GOOD_CRITERIA.replace("track:kick/gainDb",
                "track:kick/insert:eq/hpFreqHz")))).singleElement().asString()
                .contains("$.rubric.criteria[0].selector: 'track:kick/insert:eq/hpFreqHz' finds nothing in the "
                        + "reference session: there is no EQ");
    }

    @Test
    @DisplayName("bad sessions, profiles and folders are reported, not thrown")
    void badFiles() throws Exception {
        Path d = dir.resolve("exercises/s01");
        project.exercise("s01", SyntheticProject.exerciseJson("s01", GOOD_CRITERIA), START.replace("\"gainDb\":0.0",
                "\"gainDb\":40").replace("../../audio/syn/kick.wav", "/etc/passwd"), REF);
        Throwable t = catchThrowable(() -> loader.load(d));
        assertThat(((ExerciseException) t).problems()).contains(
                "s01/start.session.json: $.tracks[0].file: '/etc/passwd' is an absolute path; use a path relative to "
                        + "the file", "s01/start.session.json: $.tracks[0].gainDb: 40 is outside -100 to 12");
        project.exercise("s02", SyntheticProject.exerciseJson("s02", GOOD_CRITERIA).replace(
                "{\"session\":\"reference.session.json\"}", "{\"profile\":\"p.json\"}"), START, null);
        Files.writeString(dir.resolve("exercises/s02/p.json"), "{\"format\":\"mixlab-profile\",\"version\":1}");
        List<String> p = ((ExerciseException) catchThrowable(() -> loader.load(dir.resolve("exercises/s02"))))
                .problems();
        assertThat(p).contains("s02/p.json: $.sampleRate: missing",
                "s02/exercise.json: $.rubric.criteria[0]: needs a reference session (or a target) to compare the "
                        + "setting with");
        assertThat(((ExerciseException) catchThrowable(() -> loader.load(dir.resolve("exercises/none")))).problems())
                .containsExactly("none: no such exercise folder");
        Path outside = dir.resolve("elsewhere");
        Files.createDirectories(outside);
        assertThat(((ExerciseException) catchThrowable(() -> loader.load(outside))).getMessage())
                .contains("not inside");
        Path big = dir.resolve("exercises/big");
        Files.createDirectories(big);
        Files.write(big.resolve("exercise.json"), new byte[(int) ExerciseLoader.MAX_FILE_BYTES + 1]);
        assertThat(((ExerciseException) catchThrowable(() -> loader.load(big))).problems()).singleElement()
                .asString().contains("bytes; an exercise is at most");
    }

    @Test
    @DisplayName("seeded fuzz: 300 damaged exercise files load or give one-line problems, never another exception")
    void fuzz() throws Exception {
        String good = SyntheticProject.exerciseJson("fz", "[{\"id\":\"bal\",\"kind\":\"stem-balance\","
                + "\"stems\":[\"kick\",\"bass\"],\"tolerance\":1,\"falloff\":6},{\"id\":\"pan\",\"kind\":"
                + "\"relative-setting\",\"selector\":\"track:hats/pan\",\"minus\":\"track:kick/pan\",\"tolerance\":"
                + "10,\"falloff\":30,\"weight\":2},{\"id\":\"tp\",\"kind\":\"true-peak\",\"max\":-1,"
                + "\"tolerance\":0,\"falloff\":2}]");
        project.exercise("fz", good, START, REF);
        Path file = dir.resolve("exercises/fz/exercise.json");
        java.util.Random rnd = new java.util.Random(11);
        String[] junk = {"", "null", "-1", "1e309", "\"\"", "[]", "{}", "\"../../../x\"", "true", "\"track:\"",
            "\"band@x\"", "0.0", "\"\\u0000\""};
        int loaded = 0;
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder(good);
            for (int k = 0; k <= rnd.nextInt(3); k++) {
                int at = rnd.nextInt(b.length());
                switch (rnd.nextInt(3)) {
                    case 0:
                        b.delete(at, Math.min(b.length(), at + 1 + rnd.nextInt(8)));
                        break;
                    case 1:
                        b.insert(at, junk[rnd.nextInt(junk.length)]);
                        break;
                    default: {
                        int colon = b.indexOf(":", at);
                        int end = colon < 0 ? -1 : b.indexOf(",", colon);
                        if (end > colon && colon > 0) {
                            b.replace(colon + 1, end, junk[rnd.nextInt(junk.length)]);
                        }
                    }
                }
            }
            Files.writeString(file, b.toString());
            try {
                loader.load(dir.resolve("exercises/fz"));
                loaded++;
            } catch (ExerciseException e) {
                assertThat(e.problems()).isNotEmpty();
                for (String line : e.problems()) {
                    assertThat(line).as("case " + i).startsWith("fz/").doesNotContain("\n");
                }
            }
        }
        assertThat(loaded).as("some mutations stay valid").isLessThan(300);
    }
}
