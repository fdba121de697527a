package org.mixlab.ui.classroom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mixlab.classroom.ExerciseInfo;
import org.mixlab.classroom.GradebookCsv;
import org.mixlab.classroom.GradebookReport;
import org.mixlab.classroom.GradedSubmission;
import org.mixlab.classroom.Gradebook;

/** The teacher view on the classroom's {@link Gradebook} and {@link GradebookCsv}. */
public final class ClassroomGradebook implements TeacherGradebook {
    private final Gradebook gradebook;

    /** Wraps the gradebook. */
    public ClassroomGradebook(Gradebook gradebook) {
        this.gradebook = gradebook;
    }

    @Override
    public Sheet grade(Path folder) throws IOException {
        GradebookReport r = gradebook.grade(folder);
        List<String> ids = r.exercises().stream().map(ExerciseInfo::id).toList();
        List<StudentRow> rows = new ArrayList<>();
        for (GradebookReport.StudentRow s : r.students()) {
            List<String> feedback = new ArrayList<>();
            for (GradedSubmission g : r.submissions()) {
                if (g.submission() != null && g.submission().student().key().equals(s.student().key())) {
                    String head = g.submission().exerciseId() + " #" + g.submission().attempt()
                            + (g.regraded() == null ? "" : String.format(java.util.Locale.ROOT, " (%.1f)",
                            g.regraded()));
                    if (g.feedback().isEmpty()) {
                        feedback.add(head);
                    }
                    for (String f : g.feedback()) {
                        feedback.add(head + ": " + f);
                    }
                }
            }
            rows.add(new StudentRow(s.student().name(), s.student().studentId(), s.student().classCode(), s.best(),
                    s.flags(), feedback));
        }
        return new Sheet(ids, rows, r.unassigned(), r.submissions().size(), r.elapsedMs(), r);
    }

    @Override
    public void exportCsv(Sheet sheet, Path csv) throws IOException {
        if (!(sheet.csv() instanceof GradebookReport r)) {
            throw new IOException("this sheet was not made by the classroom gradebook");
        }
        GradebookCsv.write(r, csv);
    }
}
