package org.mixlab.ui;

import java.awt.Frame;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javax.swing.SwingUtilities;
import org.mixlab.engine.session.Session;

/**
 * Runs the app on the fake engine for screenshots and manual checks:
 * {@code java ... org.mixlab.ui.DemoLauncher [dark] [eq|comp|sat]}.
 */
public final class DemoLauncher {
    private DemoLauncher() {}

    /** Starts the demo window; optional args "dark" and an editor to open ("eq", "comp", "sat"). */
    public static void main(String[] args) {
        MixLabApp.setSystemProperties();
        List<String> a = List.of(args);
        SwingUtilities.invokeLater(() -> {
            Preferences prefs = Preferences.userRoot().node("org/mixlab/ui/demo");
            Theme.install(a.contains("dark"));
            FakeMixEngine engine = new FakeMixEngine(DemoSession.create());
            SessionFiles files = new SessionFiles() {
                @Override
                public Session load(Path file) {
                    return DemoSession.create();
                }

                @Override
                public void save(Session session, Path file) {
                }
            };
            MainWindow w = new MainWindow(engine, files, Path.of("sessions/pop-rock.session.json"),
                    new FakeCatalog(), Dialogs.swing(), prefs, () -> System.exit(0));
            w.setBounds(0, 0, 1600, 1000);
            w.setExtendedState(Frame.NORMAL);
            w.setVisible(true);
            engine.seek(37.4);
            engine.play();
            if (a.contains("eq")) {
                w.editors().open("kick", "eq1");
            }
            if (a.contains("comp")) {
                w.editors().open("vocal", "comp1");
            }
            if (a.contains("sat")) {
                w.editors().open("bass", "sat1");
            }
            if (a.contains("master")) {
                w.editors().open("master", "eq1");
            }
        });
    }
}
