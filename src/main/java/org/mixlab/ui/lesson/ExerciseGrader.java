package org.mixlab.ui.lesson;

import org.mixlab.engine.session.Session;

/** Grades a session for the exercise on screen; called on a background thread. */
@FunctionalInterface
public interface ExerciseGrader {
    /**
     * Grades {@code session} (a private copy).
     *
     * @throws Exception with a one-line message when the session cannot be graded
     */
    ExerciseGrade grade(Session session) throws Exception;
}
