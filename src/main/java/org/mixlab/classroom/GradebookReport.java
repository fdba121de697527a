package org.mixlab.classroom;

import java.util.List;
import java.util.Map;

/**
 * The result of re-grading a submissions folder.
 *
 * @param submissions every file looked at, sorted by path
 * @param exercises   the exercises that have at least one graded submission, sorted by id (the CSV's columns)
 * @param students    one row per student, sorted by section, then name, then id
 * @param unassigned  one-line problems of unreadable files that could not be tied to a student
 * @param ignored     files in the folder that are not JSON (not looked at)
 * @param elapsedMs   wall time of the re-grade, milliseconds
 */
public record GradebookReport(List<GradedSubmission> submissions, List<ExerciseInfo> exercises,
                              List<StudentRow> students, List<String> unassigned, int ignored, long elapsedMs) {
    /**
     * One student's line in the gradebook.
     *
     * @param student the student (name from the latest submission)
     * @param best    best re-graded score per exercise id
     * @param flags   "exercise #attempt: flag" lines for every flagged submission of this student
     */
    public record StudentRow(StudentProfile student, Map<String, Double> best, List<String> flags) {}

    /** Number of submissions with at least one flag. */
    public long flaggedCount() {
        return submissions.stream().filter(s -> !s.flags().isEmpty()).count();
    }
}
