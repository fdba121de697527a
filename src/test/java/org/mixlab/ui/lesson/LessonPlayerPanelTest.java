package org.mixlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLightLaf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mixlab.lesson.AudioMeasurements;
import org.mixlab.lesson.CheckResult;
import org.mixlab.lesson.LessonPack;
import org.mixlab.lesson.LessonStep;

@Tag("gui")
class LessonPlayerPanelTest {
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

    private LessonPlayerPanel show(FakeMixEngine engine, ProgressView progress, SessionMeasurer measurer) {
        return GuiActionRunner.execute(() -> {
            LessonPlayerPanel p = new LessonPlayerPanel(engine, progress, measurer,
                    new DrillPanel(progress, r -> null));
            frame = new JFrame("player");
            frame.add(p);
            frame.setSize(520, 900);
            frame.setVisible(true);
            return p;
        });
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier ok) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(ok::getAsBoolean);
            }
        }, Timeout.timeout(5000));
    }

    @Test
    void showsPagesAndMovesWithNextAndBack() {
        InMemoryProgress progress = new InMemoryProgress();
        LessonPack tone = GuiTestSupport.pack("tone");
        LessonPlayerPanel p = show(new FakeMixEngine(FakeMixEngine.popRock()), progress, null);
        GuiActionRunner.execute(() -> p.setPack(tone));
        assertThat(p.stepIndex()).isZero();
        assertThat(GuiActionRunner.execute(() -> p.page().plainText())).contains("Tone: from low to high");
        assertThat(GuiActionRunner.execute(() -> p.backButton().isEnabled())).isFalse();

        GuiActionRunner.execute(() -> p.nextButton().doClick());
        assertThat(p.stepIndex()).isEqualTo(1);
        assertThat(progress.isStepDone("tone", "intro")).isTrue();
        assertThat(GuiActionRunner.execute(() -> p.page().plainText())).contains("equaliser");

        GuiActionRunner.execute(() -> p.backButton().doClick());
        assertThat(p.stepIndex()).isZero();
        // the page never holds raw HTML or clickable links
        assertThat(GuiActionRunner.execute(() -> p.page().getText())).doesNotContain("<a ");
    }

    @Test
    void taskCheckTurnsGreenAfterTheSessionIsEdited() {
        InMemoryProgress progress = new InMemoryProgress();
        LessonPack tone = GuiTestSupport.pack("tone");
        FakeMixEngine engine = new FakeMixEngine(FakeMixEngine.popRock());
        LessonPlayerPanel p = show(engine, progress, null);
        GuiActionRunner.execute(() -> {
            p.setPack(tone);
            p.showStep(2);
        });
        LessonStep step = p.currentStep();
        assertThat(step.id()).isEqualTo("hpf-guitar");
        assertThat(p.checkResults()).hasSize(2).noneMatch(CheckResult::passed);
        assertThat(GuiActionRunner.execute(() -> p.nextButton().isEnabled())).isFalse();

        GuiActionRunner.execute(() -> {
            String eq = engine.addInsert("guitar", "eq");
            engine.setParam("guitar", eq, "hpOn", 1);
            engine.setParam("guitar", eq, "hpFreqHz", 40);
            p.onSessionEdited();
        });
        waitFor("the EQ check passes", () -> p.checkResults().get(0).passed());
        assertThat(p.checkResults().get(1).passed()).isFalse();
        assertThat(p.checkResults().get(1).message()).contains("40");

        GuiActionRunner.execute(() -> {
            engine.setParam("guitar", engine.session().track("guitar").inserts.get(0).id, "hpFreqHz", 120);
            p.onSessionEdited();
        });
        waitFor("every check passes", () -> p.checkResults().stream().allMatch(CheckResult::passed));
        assertThat(progress.isStepDone("tone", "hpf-guitar")).isTrue();
        assertThat(GuiActionRunner.execute(() -> p.nextButton().isEnabled())).isTrue();
        assertThat(p.confirmationText()).contains("step complete");
    }

    @Test
    void pollingCatchesEditsThatWereNotAnnounced() {
        InMemoryProgress progress = new InMemoryProgress();
        FakeMixEngine engine = new FakeMixEngine(FakeMixEngine.popRock());
        LessonPlayerPanel p = show(engine, progress, null);
        GuiActionRunner.execute(() -> {
            p.setPack(GuiTestSupport.pack("tone"));
            p.showStep(2);
        });
        GuiActionRunner.execute(() -> {
            String eq = engine.addInsert("guitar", "eq");
            engine.setParam("guitar", eq, "hpOn", 1);
            engine.setParam("guitar", eq, "hpFreqHz", 100);
        });
        waitFor("the poll evaluates the checks", () -> p.checkResults().stream().allMatch(CheckResult::passed));
    }

    @Test
    void audioChecksAreMeasuredInTheBackgroundAfterEditsSettle() {
        InMemoryProgress progress = new InMemoryProgress();
        FakeMixEngine engine = new FakeMixEngine(FakeMixEngine.popRock());
        AtomicInteger calls = new AtomicInteger();
        List<Double> bassGain = new ArrayList<>();
        // a fake measurer: the master peak follows the bass fader
        SessionMeasurer measurer = (session, checks) -> {
            calls.incrementAndGet();
            double g = session.track("bass").gainDb;
            bassGain.add(g);
            return (AudioMeasurements) (measure, target, other) -> "samplePeakDbfs".equals(measure) ? g - 2 : 0.0;
        };
        LessonPack balance = GuiTestSupport.pack("balance");
        int idx = -1;
        for (int i = 0; i < balance.steps().size(); i++) {
            if (balance.steps().get(i).checks().stream().anyMatch(c -> "samplePeakDbfs".equals(c.measure()))) {
                idx = i;
                break;
            }
        }
        assertThat(idx).isNotNegative();
        final int step = idx;
        LessonPlayerPanel p = show(engine, progress, measurer);
        GuiActionRunner.execute(() -> {
            p.setPack(balance);
            p.showStep(step);
        });
        int audioIndex = 0;
        List<org.mixlab.lesson.Check> checks = p.currentStep().checks();
        for (int i = 0; i < checks.size(); i++) {
            if ("samplePeakDbfs".equals(checks.get(i).measure())) {
                audioIndex = i;
            }
        }
        final int ai = audioIndex;
        waitFor("the first measurement", () -> calls.get() >= 1
                && p.checkResults().get(ai).status() != CheckResult.Status.NOT_MEASURED);
        GuiActionRunner.execute(() -> {
            engine.setGainDb("bass", -20);
            p.onSessionEdited();
        });
        waitFor("the new measurement", () -> bassGain.contains(-20.0) && p.checkResults().get(ai).passed());
    }

    @Test
    void loadSessionCallsTheCallbackWithThePackStartSession() {
        InMemoryProgress progress = new InMemoryProgress();
        List<Path> opened = new ArrayList<>();
        LessonPlayerPanel p = show(new FakeMixEngine(FakeMixEngine.popRock()), progress, null);
        LessonPack tone = GuiTestSupport.pack("tone");
        GuiActionRunner.execute(() -> {
            p.setOpenSession(opened::add);
            p.setPack(tone);
            p.showStep(2);
            findButton(p, "Load this step's session").doClick();
        });
        assertThat(opened).containsExactly(tone.startSession());
    }

    private static javax.swing.JButton findButton(java.awt.Container c, String text) {
        for (java.awt.Component k : c.getComponents()) {
            if (k instanceof javax.swing.JButton b && text.equals(b.getText())) {
                return b;
            }
            if (k instanceof java.awt.Container cc) {
                javax.swing.JButton b = findButton(cc, text);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }
}
