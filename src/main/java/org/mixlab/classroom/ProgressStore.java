package org.mixlab.classroom;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Loads and saves one student's {@link Progress} safely: atomic writes (temp file in the same folder, fsync,
 * {@code ATOMIC_MOVE} rename), the previous good file kept as {@code progress.json.bak}, and a damaged file moved aside
 * to {@code progress.json.corrupt-<timestamp>}, reported once through {@link #takeWarning()} and replaced by the
 * backup when that is valid. Progress is never silently reset. Methods are synchronized.
 */
public final class ProgressStore {
    /** The progress file name inside a profile folder. */
    public static final String FILE_NAME = "progress.json";

    private final GuardedJsonFile<Progress> file;
    private final Clock clock;
    private String warning;

    /** A store for {@code progress.json} inside {@code folder}, using the system clock. */
    public ProgressStore(Path folder) {
        this(folder, Clock.systemUTC());
    }

    /** A store for {@code progress.json} inside {@code folder}. */
    public ProgressStore(Path folder, Clock clock) {
        this.clock = clock;
        this.file = new GuardedJsonFile<>(folder.resolve(FILE_NAME), "mixlab-progress", 1, Progress.class,
                Progress::problem, clock);
    }

    /** The progress file. */
    public Path file() {
        return file.file();
    }

    /** The backup file ({@code progress.json.bak}). */
    public Path backupFile() {
        return file.backup();
    }

    /** Replaces the writer used for every file write (tests simulate a crash half-way through with it). */
    void writer(AtomicFiles.ChannelWriter w) {
        file.writer(w);
    }

    /**
     * Loads the progress: empty progress when there is none yet; the restored backup when the file was damaged (or
     * empty progress when no good backup exists; the damaged file is kept aside either way).
     *
     * @throws IOException when the folder cannot be read or written at all
     */
    public synchronized Progress load() throws IOException {
        GuardedJsonFile.Loaded<Progress> l = file.load();
        if (l.warning() != null) {
            warning = l.warning();
        }
        return l.value() != null ? l.value() : Progress.empty(clock.instant());
    }

    /** Saves the progress atomically, keeping the previous good file as the backup. */
    public synchronized void save(Progress p) throws IOException {
        String problem = p.problem();
        if (problem != null) {
            throw new IllegalArgumentException("progress not saved: " + problem);
        }
        String w = file.save(p);
        if (w != null) {
            warning = w;
        }
    }

    /** The one-line warning from the last load or save that found a damaged file, once; then empty. */
    public synchronized Optional<String> takeWarning() {
        String w = warning;
        warning = null;
        return Optional.ofNullable(w);
    }
}
