package org.mixlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradebookCsvTest {
    @TempDir
    Path dir;

    private static GradebookReport report(List<GradebookReport.StudentRow> rows) {
        List<ExerciseInfo> ex = List.of(new ExerciseInfo("mix-01", "Vocal", Path.of("mix-01")),
                new ExerciseInfo("mix-02", "Bass", Path.of("mix-02")));
        return new GradebookReport(List.of(), ex, rows, List.of(), 0, 1);
    }

    private static GradebookReport.StudentRow row(String name, String id, String section, Map<String, Double> best,
                                                  List<String> flags) {
        return new GradebookReport.StudentRow(new StudentProfile(name, id, section), best, flags);
    }

    @Test
    void headerScoresAndCrlfLineEnds() {
        String csv = GradebookCsv.toCsv(report(List.of(
                row("Ana Silva", "s1001", "mt101", Map.of("mix-01", 95.0, "mix-02", 80.25), List.of()),
                row("Ben Okafor", "s1002", "mt101", Map.of("mix-02", 66.66), List.of()))));
        assertThat(csv).isEqualTo("Student,SIS User ID,Section,mix-01,mix-02,Flags\r\n"
                + "Ana Silva,s1001,mt101,95.0,80.3,\r\n"
                + "Ben Okafor,s1002,mt101,,66.7,\r\n");
    }

    @Test
    void commasQuotesAndNewlinesAreQuotedWithQuotesDoubled() {
        String csv = GradebookCsv.toCsv(report(List.of(row("Silva, Ana \"Nana\"", "s1", "mt101",
                Map.of("mix-01", 50.0), List.of("mix-01 #1: score edited (reported 99.0, re-graded 50.0)",
                        "mix-01 #2: unreadable file (x.json: not valid JSON at line 1, column 3)")))));
        assertThat(csv.split("\r\n", -1)[1]).isEqualTo("\"Silva, Ana \"\"Nana\"\"\",s1,mt101,50.0,,"
                + "\"mix-01 #1: score edited (reported 99.0, re-graded 50.0); mix-01 #2: unreadable file (x.json: "
                + "not valid JSON at line 1, column 3)\"");
        assertThat(GradebookCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(GradebookCsv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(GradebookCsv.field("plain text")).isEqualTo("plain text");
    }

    @Test
    void formulaLookingCellsAreDefused() {
        assertThat(GradebookCsv.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(GradebookCsv.text("+1")).isEqualTo("'+1");
        assertThat(GradebookCsv.text("-2+3")).isEqualTo("'-2+3");
        assertThat(GradebookCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(GradebookCsv.text("\tx")).isEqualTo("'\tx");
        assertThat(GradebookCsv.text("Ana")).isEqualTo("Ana");
        assertThat(GradebookCsv.text("")).isEqualTo("");
        String csv = GradebookCsv.toCsv(report(List.of(row("=cmd|' /C calc'!A0", "s1", "mt101", Map.of(),
                List.of()))));
        assertThat(csv.split("\r\n", -1)[1]).isEqualTo("'=cmd|' /C calc'!A0,s1,mt101,,,");
    }

    @Test
    void writtenAtomicallyAsUtf8AndParsesBackToTheSameCells() throws Exception {
        GradebookReport r = report(List.of(row("Zoë \"Z\", Ng", "z-9", "mt_2", Map.of("mix-01", 100.0),
                List.of("line one\nline two"))));
        Path csv = dir.resolve("grades.csv");
        Files.writeString(csv, "old");
        GradebookCsv.write(r, csv);
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes[0]).isEqualTo((byte) 'S'); // no byte-order mark
        List<List<String>> cells = parse(new String(bytes, StandardCharsets.UTF_8));
        assertThat(cells).hasSize(2);
        assertThat(cells.get(1)).containsExactly("Zoë \"Z\", Ng", "z-9", "mt_2", "100.0", "", "line one\nline two");
        try (var l = Files.list(dir)) {
            assertThat(l.count()).isEqualTo(1);
        }
    }

    /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
    private static List<List<String>> parse(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    f.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
                i++;
            } else if (c == '"') {
                quoted = true;
                i++;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
                i++;
            } else if (c == '\r' && s.charAt(i + 1) == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                assertThat(c).as("bare CR or LF outside quotes").isNotIn('\r', '\n');
                f.append(c);
                i++;
            }
        }
        assertThat(row).isEmpty();
        return rows;
    }
}
