package org.mixlab.engine;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the MixLab content folder: the one holding {@code audio/}, {@code lessons/} and {@code exercises/}.
 * Looked for, in order: the system property {@code mixlab.home}, the working directory and its parents, then the
 * folder above the running jar (so {@code java -jar target/mixlab.jar} works from anywhere).
 */
public final class ProjectPaths {
    private ProjectPaths() {}

    /** The content root, or the working directory when none is found. */
    public static Path root() {
        String prop = System.getProperty("mixlab.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (isRoot(p)) {
                return p;
            }
        }
        try {
            Path jar = Path.of(ProjectPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (isRoot(p)) {
                    return p;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return cwd;
    }

    /**
     * Folders a session's stems may come from besides the session's own folder: the content root {@code root} and
     * the user's home folder (stems imported from the user's own files). The app and the command line use the same
     * list, so a session that opens in one renders in the other.
     */
    public static List<Path> allowedRoots(Path root) {
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? List.of(root) : List.of(root, Path.of(home));
    }

    /** True when {@code p} holds an audio/ folder and a lessons/ or exercises/ folder. */
    public static boolean isRoot(Path p) {
        return Files.isDirectory(p.resolve("audio"))
                && (Files.isDirectory(p.resolve("lessons")) || Files.isDirectory(p.resolve("exercises")));
    }
}
