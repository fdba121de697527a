package org.mixlab.ui.lesson;

import java.awt.BorderLayout;
import java.awt.Frame;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.mixlab.engine.session.Session;
import org.mixlab.ui.Dialogs;
import org.mixlab.ui.MainWindow;
import org.mixlab.ui.MixLabApp;
import org.mixlab.ui.ProcessorCatalog;
import org.mixlab.ui.SessionFiles;
import org.mixlab.ui.Theme;

/** Screenshot aid: the main window on the ui helper's fake engine with the Lessons dock in place of the analysis. */
public final class WindowDemo {
    private WindowDemo() {}

    /** Opens the window; optional arg "dark". */
    public static void main(String[] args) {
        MixLabApp.setSystemProperties();
        System.setProperty("mixlab.audio", "none");
        boolean dark = args.length > 0 && "dark".equals(args[0]);
        SwingUtilities.invokeLater(() -> {
            Theme.install(dark);
            Session demo = org.mixlab.ui.DemoSession.create();
            org.mixlab.ui.FakeMixEngine engine = new org.mixlab.ui.FakeMixEngine(demo);
            SessionFiles files = new SessionFiles() {
                @Override
                public Session load(Path file) {
                    return org.mixlab.ui.DemoSession.create();
                }

                @Override
                public void save(Session session, Path file) {
                }
            };
            MainWindow w = new MainWindow(engine, files, Path.of("demo.session.json"), ProcessorCatalog.registry(),
                    Dialogs.swing(), Preferences.userRoot().node("org/mixlab/ui/lessondemo"), () -> System.exit(0));
            InMemoryProgress progress = new InMemoryProgress();
            var tone = GuiTestSupport.pack("tone");
            progress.markStepDone("tone", tone.steps().get(0).id());
            progress.markStepDone("tone", tone.steps().get(1).id());
            LessonsDock dock = new LessonsDock(GuiTestSupport.packs(), engine, progress, null,
                    new DrillPanel(progress, r -> null));
            JPanel a = w.analysisDock();
            a.removeAll();
            a.setLayout(new BorderLayout());
            a.add(dock);
            if (args.length > 1) {
                dock.openPack(tone);
                dock.player().showStep(Integer.parseInt(args[1]));
            }
            w.setBounds(0, 0, 1600, 1000);
            w.setExtendedState(Frame.NORMAL);
            w.setVisible(true);
        });
    }
}
