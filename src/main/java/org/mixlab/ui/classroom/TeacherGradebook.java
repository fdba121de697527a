package org.mixlab.ui.classroom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Re-grades a folder of submissions for the teacher view; the classroom Gradebook implements it via an adapter. */
public interface TeacherGradebook {
    /**
     * One student's line.
     *
     * @param name      the student's name
     * @param studentId the student id
     * @param classCode the class code
     * @param best      best re-graded score per exercise id
     * @param flags     "exercise #attempt: flag" lines to look at
     * @param feedback  the grader's feedback lines for this student's submissions
     */
    record StudentRow(String name, String studentId, String classCode, Map<String, Double> best, List<String> flags,
                      List<String> feedback) { }

    /**
     * The re-graded folder.
     *
     * @param exerciseIds the exercise columns, in order
     * @param rows        one row per student
     * @param problems    one-line problems of files that could not be tied to a student
     * @param files       number of files looked at
     * @param elapsedMs   time the re-grade took, ms
     * @param csv         opaque handle the exporter uses (e.g. the classroom's report)
     */
    record Sheet(List<String> exerciseIds, List<StudentRow> rows, List<String> problems, int files, long elapsedMs,
                 Object csv) { }

    /**
     * Re-grades every submission in {@code folder} (called on a background thread).
     *
     * @throws IOException with a one-line message when the folder is missing or cannot be read
     */
    Sheet grade(Path folder) throws IOException;

    /** Writes the sheet as a CSV for the school's gradebook, atomically. */
    void exportCsv(Sheet sheet, Path csv) throws IOException;
}
