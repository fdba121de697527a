package org.mixlab.classroom;

import java.nio.file.Path;
import org.mixlab.engine.session.Session;

/**
 * The adapter from the classroom's {@link Grader} to the scorer (org.mixlab.scoring): loads each exercise once and
 * grades sessions with it. Placeholder until the scorer is merged: every grade fails with a one-line reason.
 */
public final class ScorerGrader implements Grader {
    private final Path exercisesDir;

    private ScorerGrader(Path exercisesDir) {
        this.exercisesDir = exercisesDir.toAbsolutePath().normalize();
    }

    /** A grader for the exercises in {@code exercisesDir} (a project's {@code exercises/} folder). */
    public static ScorerGrader forExercises(Path exercisesDir) {
        return new ScorerGrader(exercisesDir);
    }

    @Override
    public GradeResult grade(String exerciseId, Session submission) throws GradingException {
        throw new GradingException(exerciseId + ": the scorer is not part of this build yet (" + exercisesDir + ")");
    }
}
