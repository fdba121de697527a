package org.mixlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLightLaf;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mixlab.lesson.LessonPack;

@Tag("gui")
class LessonBrowserPanelTest {
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

    @Test
    void listsTheSevenPacksInPackOrderWithProgress() {
        InMemoryProgress progress = new InMemoryProgress();
        List<LessonPack> opened = new ArrayList<>();
        LessonBrowserPanel panel = GuiActionRunner.execute(() -> {
            LessonBrowserPanel p = new LessonBrowserPanel(GuiTestSupport.packs(), progress, opened::add);
            frame = new JFrame("browser");
            frame.add(p);
            frame.setSize(520, 800);
            frame.setVisible(true);
            return p;
        });
        List<String> ids = panel.packs().stream().map(LessonPack::id).toList();
        assertThat(ids).containsExactly("balance", "pan", "tone", "dynamics", "saturation", "effects", "mastering");
        LessonPack tone = GuiTestSupport.pack("tone");
        assertThat(panel.stepsDone(tone)).isZero();
        assertThat(GuiActionRunner.execute(() -> panel.openButton(2).getText())).isEqualTo("Start");

        progress.markStepDone("tone", tone.steps().get(0).id());
        progress.markStepDone("tone", tone.steps().get(1).id());
        GuiActionRunner.execute(panel::refresh);
        assertThat(panel.stepsDone(tone)).isEqualTo(2);
        assertThat(GuiActionRunner.execute(() -> panel.openButton(2).getText())).isEqualTo("Continue");
        assertThat(GuiActionRunner.execute(() -> panel.openButton(2).getAccessibleContext().getAccessibleName()))
                .isEqualTo("Open lesson " + tone.title());

        GuiActionRunner.execute(() -> panel.openButton(2).doClick());
        assertThat(opened).extracting(LessonPack::id).containsExactly("tone");
    }
}
