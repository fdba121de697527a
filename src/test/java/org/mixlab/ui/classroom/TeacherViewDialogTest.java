package org.mixlab.ui.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLightLaf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("gui")
class TeacherViewDialogTest {

    @BeforeAll
    static void setUpSwing() {
        System.setProperty("flatlaf.uiScale", "1x");
        System.setProperty("mixlab.audio", "none");
        GuiActionRunner.execute(() -> FlatLightLaf.setup());
    }

    /** A gradebook that returns a fixed sheet and writes a one-line CSV per student. */
    static TeacherGradebook fixed() {
        return new TeacherGradebook() {
            @Override
            public Sheet grade(Path folder) throws IOException {
                if (!Files.isDirectory(folder)) {
                    throw new IOException(folder.getFileName() + ": folder not found");
                }
                return new Sheet(List.of("balance-1", "tone-1"), List.of(
                        new StudentRow("Ada", "S1", "10B", Map.of("balance-1", 82.5, "tone-1", 64.0), List.of(),
                                List.of("balance-1: the bass fader is right.")),
                        new StudentRow("Grace", "S2", "10B", Map.of("balance-1", 91.0), List.of(
                                "balance-1 #1: score edited (reported 99.0, re-graded 91.0)"), List.of())),
                        List.of(), 3, 420, null);
            }

            @Override
            public void exportCsv(Sheet sheet, Path csv) throws IOException {
                Files.writeString(csv, "Student\n" + sheet.rows().size() + "\n");
            }
        };
    }

    @Test
    void gradesAFolderShowsScoresFlagsAndFeedbackAndExportsCsv(@TempDir Path dir) throws Exception {
        TeacherViewDialog d = GuiActionRunner.execute(() -> new TeacherViewDialog(null, fixed()));
        GuiActionRunner.execute(() -> {
            d.setFolder(dir);
            d.grade();
        });
        Pause.pause(new Condition("graded") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> d.sheet() != null && !d.isGrading());
            }
        }, Timeout.timeout(5000));
        assertThat(GuiActionRunner.execute(() -> d.table().getRowCount())).isEqualTo(2);
        assertThat(GuiActionRunner.execute(() -> d.table().getColumnName(3))).isEqualTo("balance-1");
        assertThat(GuiActionRunner.execute(() -> d.table().getValueAt(1, 5).toString())).contains("score edited");
        assertThat(d.statusText()).contains("2 students").contains("1 flagged");
        assertThat(d.detailText()).contains("Ada").contains("bass fader");

        Path csv = dir.resolve("out");
        GuiActionRunner.execute(() -> {
            d.setCsvChooser(name -> csv);
            d.exportCsv();
        });
        assertThat(Files.readString(dir.resolve("out.csv"))).startsWith("Student");
        GuiActionRunner.execute(d::dispose);
    }

    @Test
    void aMissingFolderGivesAOneLineMessage(@TempDir Path dir) {
        TeacherViewDialog d = GuiActionRunner.execute(() -> new TeacherViewDialog(null, fixed()));
        GuiActionRunner.execute(() -> {
            d.setFolder(dir.resolve("nope"));
            d.grade();
        });
        Pause.pause(new Condition("failed") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> !d.isGrading() && d.statusText().startsWith("Could not"));
            }
        }, Timeout.timeout(5000));
        assertThat(d.statusText()).isEqualTo("Could not grade: nope: folder not found");
        GuiActionRunner.execute(d::dispose);
    }
}
