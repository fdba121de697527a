package org.mixlab.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mixlab.engine.live.StemSource;
import org.mixlab.engine.session.PathGuard;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

/**
 * Loads the audio of a session's tracks, resampled to the session rate, and keeps it: the same file at the same rate
 * is read once however many sessions (mix, reference, grading) use it. Paths must stay inside the session's folder or
 * the extra roots. Thread-safe.
 */
public final class StemCache implements StemSource {
    private final List<Path> extraRoots;
    private final Map<String, float[][]> cache = new ConcurrentHashMap<>();

    /** A cache whose sessions may also read files under {@code extraRoots} (e.g. the project's audio/ folder). */
    public StemCache(List<Path> extraRoots) {
        this.extraRoots = List.copyOf(extraRoots);
    }

    /** Resolves a track's file against the session, enforcing the allowed roots. */
    public Path resolve(Session session, TrackModel t) throws IOException {
        Path base = session.baseDir == null ? Path.of(".") : session.baseDir;
        List<Path> roots = new ArrayList<>();
        roots.add(base);
        roots.addAll(extraRoots);
        try {
            return PathGuard.resolve(base, t.file, roots);
        } catch (IllegalArgumentException e) {
            throw new IOException("track '" + t.id + "': " + e.getMessage());
        }
    }

    @Override
    public Map<String, float[][]> load(Session session) throws IOException {
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (TrackModel t : session.tracks) {
            Path p = resolve(session, t);
            if (!Files.isRegularFile(p)) {
                throw new IOException(p.getFileName() + ": file not found (track '" + t.id + "')");
            }
            String key = p.toAbsolutePath().normalize() + "@" + session.sampleRate;
            float[][] a = cache.get(key);
            if (a == null) {
                a = monoOrStereo(p, AudioFileReader.readAtRate(p, session.sampleRate).samples(),
                        " (track '" + t.id + "'); a track is a mono or stereo file");
                cache.put(key, a);
            }
            out.put(t.id, a);
        }
        return out;
    }

    /** Reads a stereo (or mono) audio file at a rate, cached, e.g. a reference mix. */
    public float[][] loadFile(Path file, double rate) throws IOException {
        String key = file.toAbsolutePath().normalize() + "@" + rate;
        float[][] a = cache.get(key);
        if (a == null) {
            a = monoOrStereo(file, AudioFileReader.readAtRate(file, rate).samples(), "; it must be mono or stereo");
            cache.put(key, a);
        }
        return a;
    }

    /** The audio itself; a file with more channels is refused rather than silently cut to its first two. */
    private static float[][] monoOrStereo(Path file, float[][] audio, String what) throws AudioFileException {
        if (audio.length > 2) {
            throw new AudioFileException(file, audio.length + " channels" + what);
        }
        return audio;
    }

    /** Number of cached files (for tests). */
    public int size() {
        return cache.size();
    }

    /** Drops everything cached. */
    public void clear() {
        cache.clear();
    }

}
