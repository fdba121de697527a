package org.mixlab.classroom;

import java.util.List;

/**
 * The outcome of grading one session.
 *
 * @param score    the score, 0 to 100
 * @param feedback one line per criterion, for the teacher's detail view (may be empty)
 */
public record GradeResult(double score, List<String> feedback) {
    /** Checks the score range and copies the feedback. */
    public GradeResult {
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("score " + score + " is not 0..100");
        }
        feedback = List.copyOf(feedback);
    }
}
