package org.mixlab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.swing.SwingUtilities;
import org.mixlab.classroom.ProfileStore;
import org.mixlab.engine.ProjectPaths;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.live.LiveMix;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;

/** Wires the real engine into the app: sessions from disk, stems through one shared cache, LiveMix playback. */
public final class MixLabLauncher {
    /** The song the app opens with on a first start. */
    public static final String FIRST_SESSION = "audio/pop-rock/unmixed.session.json";

    private MixLabLauncher() {}

    /** Opens the app on the first song (or on {@code args[0]} when given a session path). */
    public static void launch() {
        Path root = ProjectPaths.root();
        StemCache stems = new StemCache(ProjectPaths.allowedRoots(root));
        SessionFiles files = files(root);
        Path start = root.resolve(FIRST_SESSION);
        // the lesson packs load on a worker while the look and feel and the song load
        java.util.concurrent.CompletableFuture<List<org.mixlab.lesson.LessonPack>> packs =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> new org.mixlab.lesson.LessonPackLoader(root, false).loadAll().packs());
        MixLabApp.launchSession(Files.exists(start) ? start : null, f -> open(f, root, stems), files,
                ProcessorCatalog.registry(), window -> {
                    ProfileStore store = null;
                    try {
                        store = ProfileStore.openDefault();
                    } catch (IOException e) {
                        window.setStatusNote("Profiles unavailable (" + e.getMessage() + "); progress is not saved");
                    }
                    LearningShell shell = new LearningShell(window, root, stems, store,
                            java.util.prefs.Preferences.userNodeForPackage(MixLabLauncher.class), packs.join());
                    SwingUtilities.invokeLater(shell::chooseProfileIfNeeded);
                });
    }

    /** Session files read with the project root and the home folder as allowed folders, written atomically. */
    public static SessionFiles files(Path root) {
        return new SessionFiles() {
            @Override
            public Session load(Path file) throws IOException {
                return SessionIo.load(file, ProjectPaths.allowedRoots(root));
            }

            @Override
            public void save(Session session, Path file) throws IOException {
                SessionIo.save(session, file);
            }
        };
    }

    /**
     * A live engine for {@code file}. When the session's folder holds a {@code reference.session.json} (the songs
     * under audio/), that becomes the A/B reference.
     */
    public static LiveMix open(Path file, Path root, StemCache stems) throws IOException {
        if (file == null) {
            throw new IOException("no session found: expected " + root.resolve(FIRST_SESSION));
        }
        Session s = SessionIo.load(file, ProjectPaths.allowedRoots(root));
        Path ref = file.toAbsolutePath().getParent().resolve("reference.session.json");
        Session reference = Files.isRegularFile(ref) && !ref.equals(file.toAbsolutePath())
                ? SessionIo.load(ref, ProjectPaths.allowedRoots(root)) : null;
        LiveMix mix = new LiveMix(s, reference, stems, 20);
        mix.holdForStartUp(); // released by the window once it is up (MainWindow calls startUpFinished)
        return mix;
    }
}
