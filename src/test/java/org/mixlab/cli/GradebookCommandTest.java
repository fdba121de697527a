package org.mixlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.classroom.ExerciseHash;
import org.mixlab.classroom.GradeResult;
import org.mixlab.classroom.Grader;
import org.mixlab.classroom.StudentProfile;
import org.mixlab.classroom.Submission;
import org.mixlab.classroom.SubmissionIo;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;
import org.mixlab.engine.session.TrackModel;

class GradebookCommandTest {
    @TempDir
    Path dir;

    private Function<Path, Grader> saved;

    @BeforeEach
    void fakeGrader() {
        saved = GradebookCommand.graderFactory;
        // 100 at a -3 dB vox fader, 10 points off per dB
        GradebookCommand.graderFactory = ex -> (id, s) -> new GradeResult(
                Math.max(0, 100 - 10 * Math.abs(s.track("vox").gainDb + 3)), List.of());
    }

    @AfterEach
    void restore() {
        GradebookCommand.graderFactory = saved;
    }

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Result(code, o.toString(), e.toString());
    }

    private Path submit(Path inbox, Path ex, String name, String id, double voxDb, double reported) throws Exception {
        Session s = new Session();
        TrackModel t = new TrackModel();
        t.id = "vox";
        t.file = "vox.wav";
        t.gainDb = voxDb;
        s.tracks.add(t);
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        return SubmissionIo.write(new Submission(new StudentProfile(name, id, "mt101"), "mix-01",
                ExerciseHash.compute(ex), s, "0.1.0", now, now, 1, reported), inbox);
    }

    @Test
    void gradesAFolderPrintsATableAndWritesTheCsv() throws Exception {
        Path ex = dir.resolve("exercises/mix-01");
        Files.createDirectories(ex);
        Files.writeString(ex.resolve("exercise.json"), "{\"title\":\"Vocal balance\"}");
        Path inbox = dir.resolve("inbox");
        submit(inbox, ex, "Ana Silva", "s1001", -4, 90);
        Path edited = submit(inbox, ex, "=Ben", "s1002", -9, 40);
        ObjectNode root = (ObjectNode) SessionIo.mapper().readTree(edited.toFile());
        root.put("score", 100.0);
        Files.writeString(edited, root.toString());
        Files.writeString(inbox.resolve("junk.json"), "nonsense");
        Path csv = dir.resolve("out/grades.csv");

        Result r = run("gradebook", inbox.toString(), "--exercises", dir.resolve("exercises").toString(),
                "--csv", csv.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Student    SIS User ID  Section  mix-01  Flags")
                .contains("Ana Silva  s1001        mt101      90.0")
                .contains("3 file(s): 2 graded, 2 flagged, 1 unreadable; 2 student(s), 1 exercise(s)")
                .contains("score edited (reported 100.0, re-graded 40.0)")
                .contains("  junk.json: unreadable file (not valid JSON")
                .contains("CSV written to " + csv);
        assertThat(Files.readString(csv)).startsWith("Student,SIS User ID,Section,mix-01,Flags\r\n"
                + "'=Ben,s1002,mt101,40.0,\"mix-01 #1: seal broken (edited outside MixLab); mix-01 #1: score edited "
                + "(reported 100.0, re-graded 40.0)\"\r\nAna Silva,s1001,mt101,90.0,\r\n");
    }

    @Test
    void badInputIsExitTwoWithOneLine() throws Exception {
        Result missing = run("gradebook", dir.resolve("nope").toString(), "--exercises", dir.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("mixlab: " + dir.resolve("nope") + ": no such folder"
                + System.lineSeparator());
        Result noEx = run("gradebook", dir.toString(), "--exercises", dir.resolve("none").toString());
        assertThat(noEx.code()).isEqualTo(2);
        assertThat(noEx.err().trim()).isEqualTo("mixlab: " + dir.resolve("none")
                + ": no such exercises folder (give it with --exercises)");
        Result csvDir = run("gradebook", dir.toString(), "--exercises", dir.toString(), "--csv", dir.toString());
        assertThat(csvDir.code()).isEqualTo(2);
        assertThat(csvDir.err().trim().lines()).hasSize(1);
        Result threads = run("gradebook", dir.toString(), "--exercises", dir.toString(), "--threads", "0");
        assertThat(threads.err().trim()).isEqualTo("mixlab: --threads: 0 is not 1..16");
    }
}
