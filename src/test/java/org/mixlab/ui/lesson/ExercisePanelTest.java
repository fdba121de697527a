package org.mixlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLightLaf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mixlab.engine.live.Source;

@Tag("gui")
class ExercisePanelTest {
    private JFrame frame;

    @BeforeAll
    static void setUpSwing() {
        GuiTestSupport.properties();
        GuiActionRunner.execute(() -> FlatLightLaf.setup());
    }

    @AfterEach
    void close() {
        if (frame != null) {
            GuiActionRunner.execute(() -> frame.dispose());
        }
    }

    static ExerciseBrief brief(boolean listen, Double minutes) {
        return new ExerciseBrief("balance-1", "Balance the pop-rock song", "balance", 1,
                "# Balance\n\nSet the **bass** level with the kick.", null, Path.of("start.session.json"), minutes,
                listen, 70);
    }

    /** A grader whose score follows the bass fader: 100 at -6 dB, 10 points off per dB. */
    static ExerciseGrader bassGrader() {
        return session -> {
            double g = session.track("bass").gainDb;
            double pts = Math.max(0, 100 - 10 * Math.abs(g + 6));
            return new ExerciseGrade(pts, 70, List.of(new ExerciseGrade.Row("the bass fader", 1, g, -6, "dB", pts,
                    pts >= 99.5 ? "The bass fader is right." : "Lower the bass fader to about -6 dB.")), List.of());
        };
    }

    @Test
    void submitGradesTheSessionInTheBackgroundAndShowsTheScore() {
        InMemoryProgress progress = new InMemoryProgress();
        FakeMixEngine engine = new FakeMixEngine(FakeMixEngine.popRock());
        List<Path> opened = new ArrayList<>();
        ExercisePanel p = GuiActionRunner.execute(() -> {
            ExercisePanel e = new ExercisePanel(engine, progress);
            e.setOpenSession(opened::add);
            e.setExercise(brief(false, null), bassGrader());
            frame = new JFrame("exercise");
            frame.add(e);
            frame.setSize(560, 760);
            frame.setVisible(true);
            return e;
        });
        assertThat(GuiActionRunner.execute(() -> p.referenceButton().isVisible())).isFalse();
        GuiActionRunner.execute(p::loadExercise);
        assertThat(opened).containsExactly(Path.of("start.session.json"));
        assertThat(p.secondsLeft()).isEqualTo(-1);

        GuiActionRunner.execute(() -> p.submitButton().doClick());
        Pause.pause(new Condition("graded") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> p.lastGrade() != null && !p.isGrading());
            }
        }, Timeout.timeout(5000));
        assertThat(p.scoreText()).isEqualTo("40");
        assertThat(progress.bestExerciseScore("balance-1")).hasValue(40.0);

        GuiActionRunner.execute(() -> {
            p.tryAgain();
            engine.setGainDb("bass", -6);
            p.submit();
        });
        Pause.pause(new Condition("graded again") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> "100".equals(p.scoreText()) && !p.isGrading());
            }
        }, Timeout.timeout(5000));
        assertThat(p.lastGrade().passed()).isTrue();
        assertThat(progress.bestExerciseScore("balance-1")).hasValue(100.0);
    }

    @Test
    void referenceButtonOnlyWhenListeningIsAllowedAndCountdownRuns() {
        InMemoryProgress progress = new InMemoryProgress();
        FakeMixEngine engine = new FakeMixEngine(FakeMixEngine.popRock());
        List<ExerciseBrief> enabled = new ArrayList<>();
        ExercisePanel p = GuiActionRunner.execute(() -> {
            ExercisePanel e = new ExercisePanel(engine, progress);
            e.setEnableReference(enabled::add);
            e.setExercise(brief(true, 20.0), bassGrader());
            return e;
        });
        assertThat(GuiActionRunner.execute(() -> p.referenceButton().isVisible())).isTrue();
        assertThat(GuiActionRunner.execute(() -> p.referenceButton().isEnabled())).isFalse();
        GuiActionRunner.execute(p::loadExercise);
        assertThat(enabled).hasSize(1);
        assertThat(p.secondsLeft()).isBetween(19 * 60L, 20 * 60L);
        GuiActionRunner.execute(() -> p.referenceButton().doClick());
        assertThat(engine.source()).isEqualTo(Source.REFERENCE);
        GuiActionRunner.execute(() -> p.referenceButton().doClick());
        assertThat(engine.source()).isEqualTo(Source.MIX);
        GuiActionRunner.execute(() -> p.setExercise(null, null));
        assertThat(p.secondsLeft()).isEqualTo(-1);
    }
}
