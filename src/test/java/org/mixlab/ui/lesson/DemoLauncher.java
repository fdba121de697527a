package org.mixlab.ui.lesson;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.util.Map;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;
import org.mixlab.lesson.LessonStep;
import org.mixlab.lesson.drill.DrillType;

/** Shows the lesson panels side by side for screenshots: {@code DemoLauncher [light|dark]}. */
public final class DemoLauncher {
    private DemoLauncher() {}

    /** Opens the demo window. */
    public static void main(String[] args) {
        GuiTestSupport.properties();
        boolean dark = args.length > 0 && "dark".equals(args[0]);
        SwingUtilities.invokeLater(() -> {
            if (dark) {
                FlatDarkLaf.setup();
            } else {
                FlatLightLaf.setup();
            }
            InMemoryProgress progress = new InMemoryProgress();
            var tone = GuiTestSupport.pack("tone");
            progress.markStepDone("tone", tone.steps().get(0).id());
            progress.markStepDone("tone", tone.steps().get(1).id());
            progress.markStepDone("balance", GuiTestSupport.pack("balance").steps().get(0).id());
            FakeMixEngine engine = new FakeMixEngine(FakeMixEngine.popRock());
            String eq = engine.addInsert("guitar", "eq");
            engine.setParam("guitar", eq, "hpOn", 1);
            engine.setParam("guitar", eq, "hpFreqHz", 60);
            LessonBrowserPanel browser = new LessonBrowserPanel(GuiTestSupport.packs(), progress, p -> { });
            LessonPlayerPanel player = new LessonPlayerPanel(engine, progress, null, new DrillPanel(progress, r -> null));
            player.setPack(tone);
            player.showStep(2);
            DrillPanel drill = new DrillPanel(progress, r -> null);
            drill.setSeed(3);
            drill.setDrill("Ear training: which band was boosted?", new LessonStep.Drill(DrillType.EQ_BAND,
                    "pink-noise", Map.of("q", 1.4, "bands", 7.0, "trials", 40.0, "reversals", 8.0)));
            drill.startDrill();
            JPanel root = new JPanel(new MigLayout("insets 0, gap 0, fill", "[460!][520!][grow, fill]", "[grow, fill]"));
            root.add(browser);
            root.add(player);
            JPanel right = new JPanel(new MigLayout("insets 12, fillx, wrap 1", "[grow, fill]", "[]"));
            right.add(drill);
            root.add(right);
            JFrame f = new JFrame("MixLab lessons demo");
            f.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
            f.setContentPane(root);
            f.setBounds(0, 0, 1600, 1000);
            f.setVisible(true);
        });
    }
}
