package org.mixlab.ui;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mixlab.engine.io.AudioFileException;
import org.mixlab.engine.io.AudioFileReader;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

/**
 * Turns the user's own audio files (WAV/AIFF) into new tracks of a session: each file is read once to check it, then
 * becomes a track at fader 0 dB, centre pan, whose {@code file} is relative to the session's folder.
 */
public final class StemImport {
    private StemImport() {}

    /**
     * A copy of {@code session} with one new track per file, in order. Every file is checked first; if any cannot be
     * read nothing is added.
     *
     * @param baseDir the folder track paths are relative to (the session file's folder, or the project root)
     * @throws AudioFileException with a one-line message naming the first bad file
     */
    public static Session withStems(Session session, List<Path> stems, Path baseDir) throws AudioFileException {
        Path base = baseDir.toAbsolutePath().normalize();
        for (Path p : stems) {
            AudioFileReader.read(p);
        }
        Session out = session.copy();
        out.baseDir = base;
        Set<String> used = new HashSet<>();
        out.allStrips().forEach(s -> used.add(s.id));
        for (Path p : stems) {
            Path abs = p.toAbsolutePath().normalize();
            String rel;
            try {
                rel = base.relativize(abs).toString().replace('\\', '/');
            } catch (IllegalArgumentException e) {
                throw new AudioFileException(p, "cannot be referenced from " + base + " (another drive?)");
            }
            TrackModel t = new TrackModel();
            t.name = baseName(abs);
            t.id = uniqueId(t.name, used);
            used.add(t.id);
            t.file = rel;
            t.gainDb = 0;
            t.pan = 0;
            out.tracks.add(t);
        }
        return out;
    }

    /** The file name without its extension. */
    static String baseName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** A track id from {@code name}: letters, digits and '-', not in {@code used} ("vox", "vox-2", ...). */
    static String uniqueId(String name, Set<String> used) {
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        if (id.isEmpty() || "master".equals(id)) {
            id = "stem";
        }
        String candidate = id;
        for (int k = 2; used.contains(candidate); k++) {
            candidate = id + "-" + k;
        }
        return candidate;
    }
}
