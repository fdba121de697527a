package org.mixlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every pack under lessons/ loads without errors and has the required shape. */
class ShippedPacksTest {
    private static LoadResult result;

    @BeforeAll
    static void load() {
        result = new LessonPackLoader(Path.of("").toAbsolutePath(), false).loadAll();
    }

    @Test
    void allSevenPacksLoadWithZeroErrors() {
        assertThat(result.errors()).as(result.errors().toString()).isEmpty();
        assertThat(result.packs()).extracting(LessonPack::id)
                .containsExactly("balance", "pan", "tone", "dynamics", "saturation", "effects", "mastering");
        assertThat(result.packs()).extracting(LessonPack::tool)
                .containsExactly("balance", "pan", "tone", "dynamics", "saturation", "effects", "mastering");
    }

    @Test
    void onlyWarningsAreMissingSongsSessionsOrExercisesFromOtherWork() {
        Pattern allowed = Pattern.compile(".*(song folder audio/|file not found: \\.\\./\\.\\./audio/|exercise '"
                + "[a-z]+-[0-9]' not found|the start session has no track).*");
        for (Problem p : result.warnings()) {
            assertThat(p.toString()).matches(allowed);
        }
    }

    @Test
    void everyPackHasTheRequiredSteps() {
        for (LessonPack pack : result.packs()) {
            List<LessonStep> steps = pack.steps();
            assertThat(steps).as(pack.id()).hasSizeGreaterThanOrEqualTo(6);
            assertThat(steps).as(pack.id() + " task with checks")
                    .anyMatch(s -> s.kind() == LessonStep.Kind.TASK && !s.checks().isEmpty());
            assertThat(steps).as(pack.id() + " drill").anyMatch(s -> s.kind() == LessonStep.Kind.DRILL);
            LessonStep last = steps.get(steps.size() - 1);
            assertThat(last.kind()).as(pack.id() + " ends with exercises").isEqualTo(LessonStep.Kind.EXERCISE);
            assertThat(last.exercises()).allMatch(id -> id.startsWith(pack.tool() + "-"));
        }
    }

    @Test
    void pagesAreBetween150And400Words() throws IOException {
        for (LessonPack pack : result.packs()) {
            for (LessonStep s : pack.steps()) {
                if (s.page() != null) {
                    int words = Files.readString(s.page()).split("\\s+").length;
                    assertThat(words).as(s.page().toString()).isBetween(150, 400);
                }
            }
        }
    }

    @Test
    void everyShippedCheckEvaluatesWithoutErrorAndHasALabel() {
        Session s = new Session();
        for (String role : List.of("kick", "snare", "hats", "bass", "guitar", "keys", "pad", "lead", "mix")) {
            TrackModel t = new TrackModel();
            t.id = role;
            t.role = role;
            s.tracks.add(t);
        }
        AudioMeasurements zero = (m, t, o) -> 0.0;
        int checks = 0;
        for (LessonPack pack : result.packs()) {
            for (LessonStep step : pack.steps()) {
                for (Check c : step.checks()) {
                    checks++;
                    assertThat(c.label()).as(pack.id() + "/" + step.id()).isNotBlank();
                    CheckResult r = CheckEvaluator.evaluate(c, s, zero);
                    assertThat(r.status()).as(pack.id() + "/" + step.id() + ": " + r.message())
                            .isNotEqualTo(CheckResult.Status.ERROR);
                    assertThat(r.message()).isNotBlank().doesNotContain("\n");
                }
            }
        }
        assertThat(checks).isGreaterThanOrEqualTo(30);
    }

    @Test
    void premasterSessionReadsAsASession() throws IOException {
        Session s = new ObjectMapper().readValue(Path.of("lessons/mastering/premaster.session.json").toFile(),
                Session.class);
        assertThat(s.tracks).singleElement().satisfies(t -> {
            assertThat(t.id).isEqualTo("mix");
            assertThat(t.file).isEqualTo("../../audio/pop-rock/reference.wav");
        });
        assertThat(s.master.inserts).isEmpty();
    }

    @Test
    void masteringStartsFromThePackLocalPremaster() {
        LessonPack m = result.packs().stream().filter(p -> p.id().equals("mastering")).findFirst().orElseThrow();
        assertThat(m.startSession()).isEqualTo(m.dir().resolve("premaster.session.json"));
        assertThat(m.startSession()).exists();
    }
}
