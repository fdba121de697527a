package org.mixlab.classroom;

import org.mixlab.engine.session.Session;

/**
 * Grades a learner's session for one exercise, from the settings alone: implementations render the exercise's own
 * stems through the submitted settings (never audio or paths taken from the submission) and score the result.
 * Must be safe to call from several threads at once.
 */
@FunctionalInterface
public interface Grader {
    /**
     * Grades the session.
     *
     * @throws GradingException with a one-line reason when the exercise cannot be graded (missing stems, bad rubric)
     */
    GradeResult grade(String exerciseId, Session submission) throws GradingException;
}
