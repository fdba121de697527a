package org.mixlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLightLaf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.session.TrackModel;
import org.mixlab.scoring.Exercise;
import org.mixlab.scoring.ExerciseLoader;
import org.mixlab.scoring.Scorer;

/** The exercise screen on the real scorer and the shipped balance-1 exercise (settings-only, no render). */
@Tag("gui")
class ScoringExercisesTest {

    @BeforeAll
    static void setUpSwing() {
        GuiTestSupport.properties();
        GuiActionRunner.execute(() -> FlatLightLaf.setup());
    }

    private static void waitGraded(ExercisePanel p, String score) {
        Pause.pause(new Condition("graded " + score) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> !p.isGrading() && score.equals(p.scoreText()));
            }
        }, Timeout.timeout(20_000));
    }

    @Test
    void submittingTheStartScoresLowAndTheReferenceFadersScoreFull() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        ExerciseLoader loader = new ExerciseLoader(root);
        Exercise ex = loader.load(loader.exercisesRoot().resolve("balance-1"));
        Scorer scorer = new Scorer(new StemCache(loader.roots()));
        FakeMixEngine engine = new FakeMixEngine(ex.start().copy());
        InMemoryProgress progress = new InMemoryProgress();
        List<ExerciseGrade> graded = new ArrayList<>();
        ExercisePanel p = GuiActionRunner.execute(() -> {
            ExercisePanel e = new ExercisePanel(engine, progress);
            e.setOnGraded((b, s, g) -> graded.add(g));
            ScoringExercises.show(e, ex, scorer);
            return e;
        });
        assertThat(p.brief().id()).isEqualTo("balance-1");
        assertThat(p.brief().timeLimitMin()).isEqualTo(10.0);
        assertThat(GuiActionRunner.execute(() -> p.referenceButton().isVisible())).isTrue();

        GuiActionRunner.execute(p::submit);
        Pause.pause(new Condition("first grade") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> !p.isGrading() && p.lastGrade() != null);
            }
        }, Timeout.timeout(20_000));
        ExerciseGrade first = p.lastGrade();
        assertThat(first.rows()).hasSize(3);
        assertThat(first.score()).isLessThan(70);
        assertThat(first.passed()).isFalse();
        assertThat(first.rows()).anyMatch(r -> r.points() < 100 && !r.feedback().isBlank());

        GuiActionRunner.execute(() -> {
            for (TrackModel t : ex.referenceSession().tracks) {
                if (engine.session().track(t.id) != null) {
                    engine.setGainDb(t.id, t.gainDb);
                }
            }
            p.tryAgain();
            p.submit();
        });
        waitGraded(p, "100");
        assertThat(p.lastGrade().passed()).isTrue();
        assertThat(progress.bestExerciseScore("balance-1")).hasValue(100.0);
        assertThat(graded).hasSize(2);
    }

    @Test
    void libraryShowsAnExerciseByIdAndReportsAMissingOne() {
        Path root = Path.of("").toAbsolutePath();
        ScoringExercises.Library lib = new ScoringExercises.Library(root,
                new StemCache(List.of(root.resolve("audio"), root.resolve("exercises"))));
        FakeMixEngine engine = new FakeMixEngine(FakeMixEngine.popRock());
        List<String> errors = new ArrayList<>();
        ExercisePanel p = GuiActionRunner.execute(() -> {
            ExercisePanel e = new ExercisePanel(engine, new InMemoryProgress());
            lib.show(e, "tone-1", () -> engine, errors::add);
            lib.show(e, "../lessons", () -> engine, errors::add);
            return e;
        });
        assertThat(p.brief().id()).isEqualTo("tone-1");
        assertThat(errors).containsExactly("exercise '../lessons' is not installed under exercises/");
    }
}
