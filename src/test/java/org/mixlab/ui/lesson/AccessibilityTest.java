package org.mixlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JTable;
import javax.swing.JTextField;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mixlab.lesson.LessonPack;
import org.mixlab.lesson.LessonStep;
import org.mixlab.lesson.drill.DrillType;
import org.mixlab.ui.classroom.InMemoryProfiles;
import org.mixlab.ui.classroom.ProfileDialog;
import org.mixlab.ui.classroom.TeacherViewDialog;

/** Every control of the lesson and classroom screens has an accessible name and can take the keyboard focus. */
@Tag("gui")
class AccessibilityTest {

    @BeforeAll
    static void setUpSwing() {
        GuiTestSupport.properties();
        GuiActionRunner.execute(() -> FlatLightLaf.setup());
    }

    private static List<String> unnamed(Container root) {
        List<String> bad = new ArrayList<>();
        walk(root, bad);
        return bad;
    }

    private static void walk(Component c, List<String> bad) {
        if (c instanceof javax.swing.JScrollBar) {
            return; // scroll bars are driven by the keyboard through their view, their arrow buttons are not controls
        }
        boolean control = c instanceof AbstractButton || c instanceof JList || c instanceof JTable
                || c instanceof JTextField;
        if (control) {
            String name = c.getAccessibleContext().getAccessibleName();
            if (name == null || name.isBlank()) {
                bad.add(c.getClass().getSimpleName() + " " + c.getName());
            }
            if (!c.isFocusable()) {
                bad.add("not focusable: " + c.getClass().getSimpleName() + " " + name);
            }
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                walk(child, bad);
            }
        }
    }

    @Test
    void everyControlIsNamedAndFocusable() {
        List<String> bad = GuiActionRunner.execute(() -> {
            InMemoryProgress progress = new InMemoryProgress();
            List<String> out = new ArrayList<>();
            LessonsDock dock = new LessonsDock(GuiTestSupport.packs(), new FakeMixEngine(FakeMixEngine.popRock()),
                    progress, null, new DrillPanel(progress, r -> null));
            out.addAll(unnamed(dock));
            LessonPack tone = GuiTestSupport.pack("tone");
            dock.openPack(tone);
            for (int i = 0; i < tone.steps().size(); i++) {
                dock.player().showStep(i);
                out.addAll(unnamed(dock));
            }
            ExercisePanel ex = new ExercisePanel(null, progress);
            ex.setExercise(ExercisePanelTest.brief(true, 10.0), ExercisePanelTest.bassGrader());
            out.addAll(unnamed(ex));
            DrillPanel d = new DrillPanel(progress, r -> null);
            d.setDrill("x", new LessonStep.Drill(DrillType.LEVEL, "pink-noise", Map.of()));
            out.addAll(unnamed(d));
            ProfileDialog pd = new ProfileDialog(null, new InMemoryProfiles(), true);
            out.addAll(unnamed(pd.getContentPane() instanceof JComponent j ? j : pd));
            pd.dispose();
            TeacherViewDialog tv = new TeacherViewDialog(null, null);
            out.addAll(unnamed(tv.getContentPane()));
            tv.dispose();
            return out;
        });
        assertThat(bad).isEmpty();
    }

    @Test
    void dockOpensAPackAndGoesBackToTheList() {
        InMemoryProgress progress = new InMemoryProgress();
        LessonsDock dock = GuiActionRunner.execute(() -> new LessonsDock(GuiTestSupport.packs(),
                new FakeMixEngine(FakeMixEngine.popRock()), progress, null, new DrillPanel(progress, r -> null)));
        GuiActionRunner.execute(() -> dock.browser().openButton(0).doClick());
        assertThat(dock.player().pack().id()).isEqualTo("balance");
        assertThat(GuiActionRunner.execute(() -> dock.player().isVisible())).isTrue();
        GuiActionRunner.execute(() -> dock.player().nextButton().doClick());
        GuiActionRunner.execute(dock::showList);
        assertThat(GuiActionRunner.execute(() -> dock.browser().isVisible())).isTrue();
        assertThat(dock.browser().stepsDone(GuiTestSupport.pack("balance"))).isEqualTo(1);
        assertThat(GuiActionRunner.execute(() -> dock.browser().openButton(0).getText())).isEqualTo("Continue");
    }
}
