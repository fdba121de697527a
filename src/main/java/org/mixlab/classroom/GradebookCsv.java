package org.mixlab.classroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a gradebook as an RFC 4180 CSV that Canvas and Moodle import (see docs/classroom.md): columns
 * {@code Student, SIS User ID, Section}, one column per exercise (the best re-graded score, one decimal, empty when
 * the student has none) headed by the exercise id, then {@code Flags}. UTF-8 without a byte-order mark, CRLF line
 * ends, fields holding a comma, quote, CR or LF are quoted with quotes doubled, and text cells starting with
 * {@code = + - @} (or a tab or CR) get a leading apostrophe so a spreadsheet never runs them as formulas.
 */
public final class GradebookCsv {
    /** The fixed columns before the exercises. */
    public static final List<String> LEADING = List.of("Student", "SIS User ID", "Section");
    /** The last column. */
    public static final String FLAGS = "Flags";

    private GradebookCsv() {}

    /** The CSV text of the report. */
    public static String toCsv(GradebookReport report) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(LEADING);
        for (ExerciseInfo e : report.exercises()) {
            header.add(e.id());
        }
        header.add(FLAGS);
        rows.add(header);
        for (GradebookReport.StudentRow r : report.students()) {
            List<String> row = new ArrayList<>();
            row.add(text(r.student().name()));
            row.add(text(r.student().studentId()));
            row.add(text(r.student().classCode()));
            for (ExerciseInfo e : report.exercises()) {
                Double b = r.best().get(e.id());
                row.add(b == null ? "" : String.format(Locale.ROOT, "%.1f", b));
            }
            row.add(text(String.join("; ", r.flags())));
            rows.add(row);
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(field(row.get(i)));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    /** Writes the CSV atomically (temp file, fsync, rename). */
    public static void write(GradebookReport report, Path csv) throws IOException {
        AtomicFiles.write(csv, toCsv(report).getBytes(StandardCharsets.UTF_8));
    }

    /** Defuses a text cell: a leading {@code = + - @}, tab or CR gets an apostrophe in front. */
    static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + s;
        }
        return s;
    }

    /** Quotes a field when RFC 4180 requires it. */
    static String field(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
