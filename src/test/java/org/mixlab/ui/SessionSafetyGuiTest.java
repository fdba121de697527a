package org.mixlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javax.swing.JMenuItem;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.classroom.DataFolder;
import org.mixlab.engine.ProjectPaths;
import org.mixlab.engine.io.WavWriter;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

/**
 * Importing stems, autosave and recovery, and bad session files, on a window with the fake engine and the real
 * session reader/writer; the session and the stems live in a temporary folder, the recovery file in a temporary
 * data folder ({@code mixlab.dataDir}).
 */
@Tag("gui")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionSafetyGuiTest {
    static {
        System.setProperty("flatlaf.uiScale", "1x");
        System.setProperty("java.awt.headless", "false");
    }

    @TempDir
    static Path tmp;

    private final GuiTestBase.CannedDialogs dialogs = new GuiTestBase.CannedDialogs();
    private String oldDataDir;
    private Preferences prefs;
    private FakeMixEngine engine;
    private MainWindow window;
    private Robot robot;
    private FrameFixture frame;
    private Path sessionFile;

    private static Session demo() {
        Session s = DemoSession.create();
        for (TrackModel t : s.tracks) {
            t.file = "stems/" + t.id + ".wav"; // inside the session's folder, so the autosave reads back
        }
        return s;
    }

    private MainWindow newWindow(FakeMixEngine e) {
        return GuiActionRunner.execute(() -> new MainWindow(e, MixLabLauncher.files(ProjectPaths.root()),
                sessionFile, new FakeCatalog(), dialogs, prefs, () -> { }));
    }

    @BeforeAll
    void open() throws BackingStoreException {
        oldDataDir = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, tmp.resolve("data").toString());
        GuiActionRunner.execute(() -> Theme.install(false));
        prefs = Preferences.userRoot().node("org/mixlab/ui/sessionsafetytest");
        prefs.clear();
        sessionFile = tmp.resolve("mix.session.json");
        engine = new FakeMixEngine(demo());
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(0);
        window = newWindow(engine);
        frame = new FrameFixture(robot, window);
        frame.show(new Dimension(1400, 900));
        GuiTestBase.edt(() -> window.enableRecovery(RecoveryFile.inDataFolder()));
    }

    @AfterAll
    void close() throws BackingStoreException {
        GuiTestBase.edt(window::shutdown);
        frame.cleanUp();
        prefs.removeNode();
        if (oldDataDir == null) {
            System.clearProperty(DataFolder.PROPERTY);
        } else {
            System.setProperty(DataFolder.PROPERTY, oldDataDir);
        }
    }

    private void click(String name) {
        JMenuItem item = (JMenuItem) GuiTestBase.byName(window.getJMenuBar(), name);
        GuiTestBase.edt(item::doClick);
    }

    private int strips() {
        return GuiTestBase.onEdt(() -> window.mixer().strips().size());
    }

    private static Path tone(Path file, double rateHz, int channels) throws IOException {
        Files.createDirectories(file.getParent());
        int n = (int) (rateHz / 4);
        float[][] x = new float[channels][n];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < n; i++) {
                x[c][i] = (float) (0.25 * Math.sin(2 * Math.PI * 440 * i / rateHz));
            }
        }
        WavWriter.write(file, x, rateHz, WavWriter.Format.PCM16, 1);
        return file;
    }

    private Path recoveryFile() {
        return tmp.resolve("data").resolve(RecoveryFile.FILE_NAME);
    }

    @Test
    @Order(1)
    void startsWithoutAskingWhenNothingWasAutosaved() {
        assertThat(dialogs.recoverAsked).isEmpty();
        assertThat(GuiTestBase.onEdt(window::isDirty)).isFalse();
    }

    @Test
    @Order(2)
    void importingTwoWavsAddsTwoTracks() throws IOException {
        int before = strips();
        int tracksBefore = engine.session().tracks.size();
        Path a = tone(tmp.resolve("stems/Lead Vox!.wav"), 44_100, 1);
        Path b = tone(tmp.resolve("stems/kick.wav"), 48_000, 2); // same name as an existing track, other rate
        dialogs.stems = List.of(a, b);
        click("menu.importStems");
        GuiTestBase.waitFor("two new strips", () -> window.mixer().strips().size() == before + 2);
        Session s = engine.session();
        assertThat(s.tracks).hasSize(tracksBefore + 2);
        TrackModel vox = s.tracks.get(tracksBefore);
        TrackModel kick2 = s.tracks.get(tracksBefore + 1);
        assertThat(vox.id).isEqualTo("lead-vox");
        assertThat(vox.name).isEqualTo("Lead Vox!");
        assertThat(vox.file).isEqualTo("stems/Lead Vox!.wav");
        assertThat(vox.gainDb).isZero();
        assertThat(vox.pan).isZero();
        assertThat(kick2.id).isEqualTo("kick-2");
        assertThat(kick2.file).isEqualTo("stems/kick.wav");
        assertThat(engine.lastCall("loadSession")).isNotNull();
        assertThat(dialogs.errors).isEmpty();
        assertThat(GuiTestBase.onEdt(window::isDirty)).isTrue();
        assertThat(GuiTestBase.onEdt(window::getTitle)).endsWith(" *");
    }

    @Test
    @Order(3)
    void aCorruptStemShowsOneErrorAndAddsNothing() throws IOException {
        int before = strips();
        int tracksBefore = engine.session().tracks.size();
        int errorsBefore = dialogs.errors.size();
        Path good = tone(tmp.resolve("stems/pad.wav"), 44_100, 1);
        Path bad = tmp.resolve("stems/broken.wav");
        Files.write(bad, "RIFF....this is not audio".getBytes(StandardCharsets.US_ASCII));
        dialogs.stems = List.of(good, bad);
        click("menu.importStems");
        assertThat(dialogs.errors).hasSize(errorsBefore + 1);
        String msg = dialogs.errors.get(errorsBefore);
        assertThat(msg).startsWith("Cannot import: broken.wav: ").doesNotContain("\n").doesNotContain("Exception");
        assertThat(strips()).isEqualTo(before);
        assertThat(engine.session().tracks).hasSize(tracksBefore);
        dialogs.stems = List.of();
    }

    @Test
    @Order(4)
    void autosaveWritesTheRecoveryFileAndSavingRemovesIt() throws IOException {
        GuiTestBase.edt(() -> window.engine().setGainDb("snare", -7.5));
        assertThat(GuiTestBase.onEdt(window::autosave)).isTrue();
        assertThat(recoveryFile()).exists();
        assertThat(Files.readString(recoveryFile())).contains("-7.5");
        assertThat(GuiTestBase.onEdt(window::save)).isTrue();
        assertThat(sessionFile).exists();
        assertThat(recoveryFile()).doesNotExist();
        assertThat(GuiTestBase.onEdt(window::isDirty)).isFalse();
        assertThat(GuiTestBase.onEdt(window::autosave)).as("nothing to autosave when saved").isFalse();
        assertThat(recoveryFile()).doesNotExist();
    }

    @Test
    @Order(5)
    void aFreshWindowOfferedTheRecoveryRestoresTheEdit() {
        GuiTestBase.edt(() -> window.engine().setGainDb("snare", -3.25));
        assertThat(GuiTestBase.onEdt(window::autosave)).isTrue();
        assertThat(GuiTestBase.onEdt(window::autosave)).as("no edits since the last autosave").isFalse();
        FakeMixEngine other = new FakeMixEngine(demo());
        MainWindow second = newWindow(other);
        try {
            dialogs.recover = true;
            GuiTestBase.edt(() -> second.enableRecovery(RecoveryFile.inDataFolder()));
            assertThat(dialogs.recoverAsked).hasSize(1);
            assertThat(dialogs.recoverAsked.get(0)).matches("\\d\\d:\\d\\d");
            assertThat(other.session().strip("snare").gainDb).isEqualTo(-3.25);
            assertThat(other.session().track("lead-vox")).isNotNull();
            assertThat(GuiTestBase.onEdt(second::sessionFile)).isEqualTo(sessionFile.toAbsolutePath().normalize());
            assertThat(GuiTestBase.onEdt(second::isDirty)).isTrue();
            assertThat(GuiTestBase.onEdt(second::getTitle)).endsWith(" *");
        } finally {
            dialogs.recover = false;
            GuiTestBase.edt(second::shutdown);
        }
    }

    @Test
    @Order(6)
    void declinedRecoveryIsDeleted() {
        assertThat(recoveryFile()).exists();
        MainWindow third = newWindow(new FakeMixEngine(demo()));
        try {
            GuiTestBase.edt(() -> third.enableRecovery(RecoveryFile.inDataFolder()));
            assertThat(dialogs.recoverAsked).hasSize(2);
            assertThat(recoveryFile()).doesNotExist();
            assertThat(GuiTestBase.onEdt(third::isDirty)).isFalse();
        } finally {
            GuiTestBase.edt(third::shutdown);
        }
    }

    @Test
    @Order(7)
    void aRecoveryThatCannotBeRestoredIsReportedAndKeptAside() throws IOException {
        Files.writeString(recoveryFile(), "{ \"format\": \"mixlab-session\", ");
        int errorsBefore = dialogs.errors.size();
        MainWindow fourth = newWindow(new FakeMixEngine(demo()));
        try {
            dialogs.recover = true;
            GuiTestBase.edt(() -> fourth.enableRecovery(RecoveryFile.inDataFolder()));
            assertThat(dialogs.errors).hasSize(errorsBefore + 1);
            assertThat(dialogs.errors.get(errorsBefore)).startsWith("Cannot restore the unsaved changes (")
                    .contains("not valid JSON").contains("they are kept in ");
            assertThat(recoveryFile()).doesNotExist();
            try (var kept = Files.list(tmp.resolve("data"))) {
                assertThat(kept.map(p -> p.getFileName().toString()))
                        .anyMatch(n -> n.matches("recovery-\\d+\\.session\\.json"));
            }
            assertThat(GuiTestBase.onEdt(fourth::isDirty)).isFalse();
        } finally {
            dialogs.recover = false;
            GuiTestBase.edt(fourth::shutdown);
        }
    }

    @Test
    @Order(8)
    void missingOrCorruptSessionGivesOneErrorAndTheWindowKeepsWorking() throws IOException {
        dialogs.unsaved = Dialogs.UnsavedAnswer.DISCARD;
        String title = GuiTestBase.onEdt(window::getTitle);
        int errorsBefore = dialogs.errors.size();
        dialogs.open = tmp.resolve("missing.session.json");
        click("menu.open");
        assertThat(dialogs.errors).hasSize(errorsBefore + 1);
        assertThat(dialogs.errors.get(errorsBefore)).startsWith("Cannot open missing.session.json: ")
                .doesNotContain("\n");

        Path corrupt = tmp.resolve("corrupt.session.json");
        Files.writeString(corrupt, "{ \"format\": \"mixlab-session\", \"version\": 1, \"tracks\": [ ");
        dialogs.open = corrupt;
        click("menu.open");
        assertThat(dialogs.errors).hasSize(errorsBefore + 2);
        assertThat(dialogs.errors.get(errorsBefore + 1)).startsWith("Cannot open corrupt.session.json: ")
                .contains("not valid JSON");

        assertThat(GuiTestBase.onEdt(window::getTitle)).isEqualTo(title);
        assertThat(GuiTestBase.onEdt(window::sessionFile)).isEqualTo(sessionFile);
        GuiTestBase.edt(() -> window.engine().setGainDb("bass", -9));
        assertThat(engine.session().strip("bass").gainDb).isEqualTo(-9);
        assertThat(GuiTestBase.onEdt(window::isShowing)).isTrue();
        dialogs.open = null;
    }
}
