package org.mixlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javax.swing.AbstractButton;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.live.LiveMix;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.engine.live.Source;
import org.mixlab.ui.widgets.Fader;

/** The real app: the pop-rock song on the live engine, with no sound device (silent clock), driven by the UI. */
@Tag("gui")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveEngineGuiTest {
    static {
        System.setProperty("flatlaf.uiScale", "1x");
        System.setProperty("mixlab.audio", "none");
    }

    LiveMix engine;
    MainWindow window;
    FrameFixture frame;

    @BeforeAll
    void open() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        engine = MixLabLauncher.open(root.resolve(MixLabLauncher.FIRST_SESSION), root, new StemCache(List.of(root)));
        GuiActionRunner.execute(() -> Theme.install(false));
        Robot robot = BasicRobot.robotWithNewAwtHierarchy();
        window = GuiActionRunner.execute(() -> new MainWindow(engine, MixLabLauncher.files(root),
                root.resolve(MixLabLauncher.FIRST_SESSION), ProcessorCatalog.registry(), new GuiTestBase.CannedDialogs(),
                Preferences.userRoot().node("org/mixlab/ui/livetest"), () -> { }));
        shell = GuiActionRunner.execute(() -> new LearningShell(window, root, new StemCache(List.of(root)), null,
                Preferences.userRoot().node("org/mixlab/ui/livetest")));
        frame = new FrameFixture(robot, window);
        frame.show(new Dimension(1500, 950));
    }

    LearningShell shell;

    /** RMS level of the mix with only the bass playing (solo), rendered offline from the engine's session. */
    static double bassLevelDb(org.mixlab.engine.session.Session live, StemCache stems) throws Exception {
        org.mixlab.engine.session.Session s = live.copy();
        s.track("bass").solo = true;
        float[][] out = org.mixlab.engine.render.OfflineRenderer.render(s, stems.load(s), 0, false, null);
        return org.mixlab.analysis.Analysis.analyze(out, s.sampleRate).rmsDb();
    }

    @Test
    @DisplayName("the lessons dock lists the seven packs, opens one, and the Learn and Class menus are there")
    void lessonsDockAndMenus() {
        int packs = GuiActionRunner.execute(() -> shell.lessons().browser().getComponentCount());
        assertThat(packs).isPositive();
        java.util.List<String> menus = GuiActionRunner.execute(() -> {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < window.getJMenuBar().getMenuCount(); i++) {
                names.add(window.getJMenuBar().getMenu(i).getText());
            }
            return names;
        });
        assertThat(menus).containsSubsequence("File", "View", "Learn", "Class", "Help");
        var pack = new org.mixlab.lesson.LessonPackLoader(Path.of("").toAbsolutePath(), false).loadAll().packs();
        assertThat(pack).hasSize(7);
        GuiActionRunner.execute(() -> shell.lessons().openPack(pack.get(0)));
        assertThat(GuiActionRunner.execute(() -> shell.lessons().player().isShowing())).isTrue();
    }

    @Test
    @DisplayName("Learn > Exercises lists every exercise by tool and opens one in the exercise tab")
    void exercisesMenu() {
        javax.swing.JMenu learn = GuiActionRunner.execute(() -> window.getJMenuBar().getMenu(2));
        javax.swing.JMenu ex = GuiActionRunner.execute(() -> {
            for (java.awt.Component c : learn.getMenuComponents()) {
                if ("menu.learn.exercises".equals(c.getName())) {
                    return (javax.swing.JMenu) c;
                }
            }
            return null;
        });
        assertThat(ex).isNotNull();
        GuiActionRunner.execute(() -> {
            ex.setSelected(true); // fires menuSelected: the list is read on a worker
            return null;
        });
        waitFor("exercises listed", () -> GuiActionRunner.execute(() -> ex.getItemCount() == 7
                && ex.getItem(0) instanceof javax.swing.JMenu));
        java.util.List<String> tools = GuiActionRunner.execute(() -> {
            java.util.List<String> t = new java.util.ArrayList<>();
            for (int i = 0; i < ex.getItemCount(); i++) {
                t.add(ex.getItem(i).getText());
            }
            return t;
        });
        assertThat(tools).containsExactly("Balance", "Pan", "Tone", "Dynamics", "Saturation", "Effects", "Mastering");
        javax.swing.JMenu tone = GuiActionRunner.execute(() -> (javax.swing.JMenu) ex.getItem(2));
        assertThat(GuiActionRunner.execute(tone::getItemCount)).isEqualTo(3);
        javax.swing.JMenuItem first = GuiActionRunner.execute(() -> tone.getItem(0));
        assertThat(first.getName()).isEqualTo("exercise.tone-1");
        GuiActionRunner.execute(() -> {
            first.doClick();
            return null;
        });
        waitFor("exercise open", () -> GuiActionRunner.execute(() -> shell.exercise().isShowing()
                && shell.exercise().brief() != null && "tone-1".equals(shell.exercise().brief().id())));
        GuiActionRunner.execute(() -> { // back to the lessons tab for the other tests of this window
            ((javax.swing.JTabbedPane) javax.swing.SwingUtilities.getAncestorOfClass(javax.swing.JTabbedPane.class,
                    shell.exercise())).setSelectedIndex(0);
            return null;
        });
    }

    @AfterAll
    void close() {
        GuiActionRunner.execute(() -> window.shutdown());
        frame.cleanUp();
        engine.close();
    }

    static void waitFor(String what, java.util.function.BooleanSupplier c) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return c.getAsBoolean();
            }
        }, Timeout.timeout(20_000));
    }

    @Test
    @DisplayName("play on the silent clock, meters move, A/B to the reference, a fader drag reaches the engine")
    void playsSwitchesAndMixes() throws Exception {
        assertThat(window.getTitle()).startsWith("MixLab");
        AbstractButton play = (AbstractButton) GuiTestBase.byName(window, "transport.play");
        GuiActionRunner.execute(() -> play.doClick());
        waitFor("playing", engine::isPlaying);
        MeterSnapshot snap = new MeterSnapshot();
        waitFor("momentary loudness measured", () -> {
            engine.readMeters(snap);
            return snap.momentaryLufs > -40;
        });
        assertThat(snap.source).isEqualTo(Source.MIX);

        engine.awaitLoudnessMeasure();
        AbstractButton ref = (AbstractButton) GuiTestBase.byName(window, "source.reference");
        GuiActionRunner.execute(() -> ref.doClick());
        assertThat(engine.source()).isEqualTo(Source.REFERENCE);
        waitFor("meters follow the reference", () -> {
            engine.readMeters(snap);
            return snap.source == Source.REFERENCE;
        });
        assertThat(engine.measuredLoudnessLufs(Source.REFERENCE)).isBetween(-23.0, -20.0);
        assertThat(engine.matchOffsetDb(Source.MIX)).as("the louder unmixed sum is turned down").isLessThan(-3.0);

        // loudness matching: mix and reference come out within 0.5 LU of each other
        double heardMix = engine.measuredLoudnessLufs(Source.MIX) + engine.matchOffsetDb(Source.MIX);
        double heardRef = engine.measuredLoudnessLufs(Source.REFERENCE) + engine.matchOffsetDb(Source.REFERENCE);
        assertThat(Math.abs(heardMix - heardRef)).isLessThan(0.5);

        // moving the bass fader by -7.5 dB lowers the bass in the rendered mix by 7.5 dB
        Path root = Path.of("").toAbsolutePath();
        StemCache stems = new StemCache(List.of(root));
        double before = bassLevelDb(engine.session(), stems);
        Fader bass = (Fader) GuiTestBase.byName(window, "bass.fader");
        GuiActionRunner.execute(() -> bass.setValue(-7.5));
        assertThat(engine.session().track("bass").gainDb).isEqualTo(-7.5);
        double after = bassLevelDb(engine.session(), stems);
        assertThat(after - before).isCloseTo(-7.5, org.assertj.core.api.Assertions.within(0.05));

        GuiActionRunner.execute(() -> play.doClick());
        waitFor("stopped", () -> !engine.isPlaying());
    }
}
