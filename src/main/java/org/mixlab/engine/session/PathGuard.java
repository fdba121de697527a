package org.mixlab.engine.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Resolves a relative path from a file and refuses it when it leaves the allowed folders (symlinks followed). */
public final class PathGuard {
    private PathGuard() {}

    /**
     * Resolves {@code relative} against {@code baseDir}.
     *
     * @return the resolved, normalised path
     * @throws IllegalArgumentException with a one-line reason when the path is absolute, malformed, or resolves
     *                                  (after following symlinks, when it exists) outside every allowed root
     */
    public static Path resolve(Path baseDir, String relative, List<Path> allowedRoots) {
        if (relative == null || relative.isBlank()) {
            throw new IllegalArgumentException("empty path");
        }
        Path rel;
        try {
            rel = Path.of(relative.replace('\\', '/'));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + relative + "' is not a valid path");
        }
        if (rel.isAbsolute() || relative.startsWith("/") || relative.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("'" + relative + "' is an absolute path; use a path relative to the file");
        }
        Path p = baseDir.toAbsolutePath().resolve(rel).normalize();
        Path real = p;
        try {
            if (Files.exists(p)) {
                real = p.toRealPath();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + relative + "' cannot be read: " + e.getMessage());
        }
        for (Path root : allowedRoots) {
            Path r = root.toAbsolutePath().normalize();
            try {
                if (Files.exists(r)) {
                    r = r.toRealPath();
                }
            } catch (IOException e) {
                continue;
            }
            if (real.startsWith(r)) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + relative + "' points outside the allowed folders");
    }
}
