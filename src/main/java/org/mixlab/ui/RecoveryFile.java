package org.mixlab.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mixlab.classroom.DataFolder;
import org.mixlab.engine.ProjectPaths;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionException;
import org.mixlab.engine.session.SessionIo;

/**
 * The autosaved copy of a session with unsaved changes: {@code recovery.session.json} in the user's data folder,
 * with a sidecar {@code recovery.origin.txt} naming the session file it came from (empty for a new session). Both
 * are written atomically; the pair is deleted after a save or a clean quit.
 */
public final class RecoveryFile {
    /** File name of the autosaved session. */
    public static final String FILE_NAME = "recovery.session.json";
    /** File name of the sidecar holding the original session path. */
    public static final String ORIGIN_NAME = "recovery.origin.txt";

    private final Path dir;

    /** A recovery file in {@code dir} (created on the first write). */
    public RecoveryFile(Path dir) {
        this.dir = dir;
    }

    /** The recovery file in the user's data folder ({@code mixlab.dataDir} wins, see {@link DataFolder}). */
    public static RecoveryFile inDataFolder() {
        return new RecoveryFile(DataFolder.resolve());
    }

    /** The autosaved session file. */
    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    private Path originFile() {
        return dir.resolve(ORIGIN_NAME);
    }

    /** True when an autosave is waiting to be restored or thrown away. */
    public boolean exists() {
        return Files.isRegularFile(file());
    }

    /** When the autosave was written, or null when it cannot be told. */
    public Instant writtenAt() {
        try {
            return Files.getLastModifiedTime(file()).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes {@code session} (and {@code original}, the file it belongs to, or null) atomically. */
    public void write(Session session, Path original) throws IOException {
        String origin = original == null ? "" : original.toAbsolutePath().normalize().toString();
        SessionIo.writeAtomically(originFile(), origin.getBytes(StandardCharsets.UTF_8));
        SessionIo.writeAtomically(file(), SessionIo.toJson(session).getBytes(StandardCharsets.UTF_8));
    }

    /** The session file the autosave belongs to, or null for a session never saved (or an unreadable sidecar). */
    public Path originalPath() {
        try {
            String s = Files.readString(originFile(), StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? null : Path.of(s);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads the autosave back. Stem paths resolve against the original session's folder (the project root for a
     * session never saved); they may lie there, under the project root or under the user's home folder.
     */
    public Session load() throws IOException {
        Path original = originalPath();
        Path root = ProjectPaths.root();
        Path base = original == null || original.toAbsolutePath().getParent() == null ? root
                : original.toAbsolutePath().getParent();
        List<Path> roots = new ArrayList<>(List.of(base, root));
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank()) {
            roots.add(Path.of(home));
        }
        if (Files.size(file()) > SessionIo.MAX_FILE_BYTES) {
            throw new SessionException(List.of(FILE_NAME + ": file is too large for a session"));
        }
        String text = Files.readString(file(), StandardCharsets.UTF_8);
        return SessionIo.parse(text, FILE_NAME, base, roots);
    }

    /**
     * Moves an autosave that could not be restored out of the way, to {@code recovery-<millis>.session.json} beside
     * it, so it is neither offered again nor overwritten; returns where it went (or the reason it could not move).
     */
    public String keepAside() {
        Path kept = dir.resolve("recovery-" + System.currentTimeMillis() + ".session.json");
        try {
            Files.move(file(), kept);
            Files.deleteIfExists(originFile());
            return kept.toString();
        } catch (IOException e) {
            return file() + " (it could not be moved: " + e.getMessage() + ")";
        }
    }

    /** Deletes the autosave and its sidecar (missing files are fine). */
    public void delete() throws IOException {
        Files.deleteIfExists(file());
        Files.deleteIfExists(originFile());
    }
}
