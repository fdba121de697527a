package org.mixlab.ui;

import java.awt.Dimension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.mixlab.engine.session.Session;

/**
 * Opens the main window on the fake engine and demo session once per test class (opening it is the slow part)
 * and closes it after; tests in a class work on different strips so they do not depend on each other. UI scale is
 * pinned to 1x; file dialogs and questions are answered by {@link #dialogs} so nothing modal ever opens.
 */
@Tag("gui")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GuiTestBase {
    static {
        System.setProperty("flatlaf.uiScale", "1x");
        System.setProperty("java.awt.headless", "false");
    }

    protected FakeMixEngine engine;
    protected MainWindow window;
    protected FrameFixture frame;
    protected Robot robot;
    protected Preferences prefs;
    protected int quits;
    protected final List<Path> saved = new ArrayList<>();
    protected final CannedDialogs dialogs = new CannedDialogs();

    /** Canned answers for the window's questions. */
    static final class CannedDialogs implements Dialogs {
        Path open;
        Path save;
        UnsavedAnswer unsaved = UnsavedAnswer.CANCEL;
        final List<String> errors = new ArrayList<>();
        int unsavedAsked;
        List<Path> stems = List.of();
        boolean recover;
        final List<String> recoverAsked = new ArrayList<>();

        @Override
        public Path chooseOpen(java.awt.Component parent, Path startDir) {
            return open;
        }

        @Override
        public Path chooseSave(java.awt.Component parent, Path suggested) {
            return save;
        }

        @Override
        public UnsavedAnswer askUnsaved(java.awt.Component parent, String title) {
            unsavedAsked++;
            return unsaved;
        }

        @Override
        public void error(java.awt.Component parent, String message) {
            errors.add(message);
        }

        @Override
        public List<Path> chooseStems(java.awt.Component parent, Path startDir) {
            return stems;
        }

        @Override
        public boolean askRecover(java.awt.Component parent, String when) {
            recoverAsked.add(when);
            return recover;
        }
    }

    @BeforeAll
    void openWindow() throws BackingStoreException {
        GuiActionRunner.execute(() -> Theme.install(false));
        prefs = Preferences.userRoot().node("org/mixlab/ui/guitest");
        prefs.clear();
        engine = new FakeMixEngine(DemoSession.create());
        SessionFiles files = new SessionFiles() {
            @Override
            public Session load(Path file) {
                Session s = DemoSession.create();
                s.title = "Loaded " + file.getFileName();
                return s;
            }

            @Override
            public void save(Session session, Path file) {
                saved.add(file);
            }
        };
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(0);
        robot.settings().eventPostingDelay(20);
        window = GuiActionRunner.execute(() -> new MainWindow(engine, files, Path.of("demo.session.json"),
                new FakeCatalog(), dialogs, prefs, () -> quits++));
        frame = new FrameFixture(robot, window);
        frame.show(new Dimension(1500, 950));
    }

    @AfterAll
    void closeWindow() {
        GuiActionRunner.execute(() -> {
            window.shutdown();
            if (Theme.isDark()) {
                Theme.install(false);
            }
        });
        frame.cleanUp();
    }

    /** The component named {@code name} under {@code root} (searched on the Swing thread); fails when missing. */
    static java.awt.Component byName(java.awt.Container root, String name) {
        java.awt.Component c = GuiActionRunner.execute(() -> search(root, name));
        if (c == null) {
            throw new AssertionError("no component named " + name);
        }
        return c;
    }

    private static java.awt.Component search(java.awt.Component c, String name) {
        if (name.equals(c.getName())) {
            return c;
        }
        java.awt.Component[] children = c instanceof javax.swing.JMenu m ? m.getMenuComponents()
                : c instanceof java.awt.Container k ? k.getComponents() : new java.awt.Component[0];
        for (java.awt.Component child : children) {
            java.awt.Component found = search(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Runs {@code c} on the Swing thread and returns its result. */
    protected static <T> T onEdt(Callable<T> c) {
        return GuiActionRunner.execute(c);
    }

    /** Runs {@code r} on the Swing thread. */
    protected static void edt(Runnable r) {
        GuiActionRunner.execute(r::run);
    }

    /** Waits (up to 5 s) until {@code test}, evaluated on the Swing thread, is true. */
    protected static void waitFor(String description, BooleanSupplier test) {
        Pause.pause(new Condition(description) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(test::getAsBoolean);
            }
        }, Timeout.timeout(5000));
    }
}
