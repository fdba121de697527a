package org.mixlab.cli;

import java.nio.file.Path;
import org.mixlab.engine.ProjectPaths;

/** Finds the project root of an exercise folder: the folder above exercises/, or the usual project root. */
final class ExerciseDirs {
    private ExerciseDirs() {}

    static Path projectRoot(Path exerciseDir) {
        Path d = exerciseDir.toAbsolutePath().normalize();
        if (d.getFileName() != null && d.getFileName().toString().equals("exercise.json")) {
            d = d.getParent();
        }
        Path parent = d.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("exercises")
                && parent.getParent() != null) {
            return parent.getParent();
        }
        return ProjectPaths.root();
    }
}
