package org.mixlab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import org.mixlab.engine.live.MixEngine;

/** Starts the desktop app: look and feel, then the main window with a session loaded. */
public final class MixLabApp {
    /** Opens the engine for a session file (or for the built-in song when the file is null). */
    @FunctionalInterface
    public interface EngineFactory {
        /** A ready engine with {@code sessionFile} loaded; throws with a one-line message on failure. */
        MixEngine open(Path sessionFile) throws IOException;
    }

    private MixLabApp() {}

    /**
     * Starts the app for the project folder {@code projectRoot} (called by {@code org.mixlab.Main} without
     * arguments). LEAD: wire LiveMix and the session reader/writer here, e.g.
     * {@code launch(projectRoot, f -> new LiveMix(SessionIo.read(f)), new SessionIoFiles(), ProcessorCatalog.registry())}.
     */
    public static void launch(Path projectRoot) {
        launch(projectRoot, f -> {
            throw new IOException("the live engine is not wired into MixLabApp.launch yet");
        }, null, ProcessorCatalog.registry());
    }

    /** Starts the app with the given engine factory, session files and processor catalog. */
    public static void launch(Path projectRoot, EngineFactory engines, SessionFiles files, ProcessorCatalog catalog) {
        launchSession(findStartSession(projectRoot), engines, files, catalog);
    }

    /** Starts the app on the session file {@code start}. */
    public static void launchSession(Path start, EngineFactory engines, SessionFiles files, ProcessorCatalog catalog) {
        launchSession(start, engines, files, catalog, w -> { });
    }

    /** Starts the app on {@code start}; {@code decorate} runs on the Swing thread before the window shows. */
    public static void launchSession(Path start, EngineFactory engines, SessionFiles files, ProcessorCatalog catalog,
                                     java.util.function.Consumer<MainWindow> decorate) {
        setSystemProperties();
        // Load the song (stems, graphs) on a worker while the look and feel starts: start-up is the longer of the
        // two instead of their sum. Nothing plays yet, so the Swing thread waits for no audio.
        java.util.concurrent.CompletableFuture<MixEngine> opening = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return engines.open(start);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        SwingUtilities.invokeLater(() -> {
            Preferences prefs = Preferences.userNodeForPackage(MixLabApp.class);
            Theme.install(Theme.preferredDark(prefs));
            MixEngine engine;
            try {
                engine = opening.join();
            } catch (java.util.concurrent.CompletionException e) {
                Throwable cause = e.getCause() instanceof java.io.UncheckedIOException
                        ? e.getCause().getCause() : e.getCause();
                JOptionPane.showMessageDialog(null, "MixLab could not start: " + cause.getMessage(), "MixLab",
                        JOptionPane.ERROR_MESSAGE);
                System.exit(1);
                return;
            }
            MainWindow w = new MainWindow(engine, files, start, catalog, Dialogs.swing(), prefs,
                    () -> System.exit(0));
            decorate.accept(w);
            w.fitToScreen();
            w.setVisible(true);
            SwingUtilities.invokeLater(() -> w.enableRecovery(RecoveryFile.inDataFolder()));
        });
    }

    /** Properties that must be set before AWT starts: antialiased text, app name, menu bar on macOS. */
    public static void setSystemProperties() {
        setIfAbsent("awt.useSystemAAFontSettings", "on");
        setIfAbsent("swing.aatext", "true");
        setIfAbsent("apple.awt.application.name", "MixLab");
        setIfAbsent("apple.laf.useScreenMenuBar", "true");
        setIfAbsent("flatlaf.menuBarEmbedded", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The first session file under {@code projectRoot}/sessions (by name), or null. */
    public static Path findStartSession(Path projectRoot) {
        if (projectRoot == null) {
            return null;
        }
        Path dir = projectRoot.resolve("sessions");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.walk(dir, 3)) {
            Optional<Path> p = s.filter(f -> f.getFileName().toString().endsWith(".session.json"))
                    .min(Comparator.comparing(Path::toString));
            return p.orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
