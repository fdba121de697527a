package org.mixlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.engine.session.SessionIo;

class SubmissionIoTest {
    @TempDir
    Path dir;

    private String hash;

    private Submission sample() throws Exception {
        Path ex = ClassroomFixtures.exercise(dir.resolve("exercises"), "mix-01", "Vocal balance");
        hash = ExerciseHash.compute(ex.resolve("mix-01"));
        return ClassroomFixtures.submission(ClassroomFixtures.student("Ana Silva", "s1001"), "mix-01", hash, -4, 2);
    }

    @Test
    void roundTripKeepsEveryFieldAndTheSealHolds() throws Exception {
        Submission s = sample();
        Path f = SubmissionIo.write(s, dir.resolve("handin"));
        assertThat(f.getFileName().toString()).isEqualTo("mix-01_mt101-s1001_2.mixlab-submission.json");
        SubmissionIo.Read r = SubmissionIo.read(f);
        assertThat(r.sealIntact()).isTrue();
        Submission b = r.submission();
        assertThat(b.student()).isEqualTo(s.student());
        assertThat(b.exerciseId()).isEqualTo("mix-01");
        assertThat(b.contentHash()).isEqualTo(hash).matches("sha256:[0-9a-f]{64}");
        assertThat(b.attempt()).isEqualTo(2);
        assertThat(b.reportedScore()).isEqualTo(90.0);
        assertThat(b.appVersion()).isEqualTo("0.1.0");
        assertThat(b.createdAt()).isEqualTo(ClassroomFixtures.T0);
        assertThat(b.submittedAt()).isEqualTo(ClassroomFixtures.T0.plusSeconds(1200));
        assertThat(b.session().track("vox").gainDb).isEqualTo(-4.0);
        assertThat(b.session().track("vox").inserts.get(0).params).containsEntry("driveDb", 9.0);
        assertThat(r.settingsHash()).isEqualTo(s.settingsHash());
        ObjectNode root = (ObjectNode) SessionIo.mapper().readTree(f.toFile());
        assertThat(root.get("format").asText()).isEqualTo("mixlab-submission");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.get("student").get("class").asText()).isEqualTo("mt101");
        assertThat(root.get("seal").asText()).startsWith("hmac-sha256:").hasSize(12 + 64);
        try (var l = Files.list(f.getParent())) {
            assertThat(l.count()).isEqualTo(1); // no temp file left
        }
    }

    @Test
    void reindentingKeepsTheSealButAnyValueChangeBreaksIt() throws Exception {
        Path f = SubmissionIo.write(sample(), dir);
        ObjectNode root = (ObjectNode) SessionIo.mapper().readTree(f.toFile());
        Files.writeString(f, root.toString()); // compact, same content
        assertThat(SubmissionIo.read(f).sealIntact()).isTrue();

        root.put("score", 100.0);
        Files.writeString(f, root.toPrettyString());
        SubmissionIo.Read edited = SubmissionIo.read(f);
        assertThat(edited.sealIntact()).isFalse();
        assertThat(edited.submission().reportedScore()).isEqualTo(100.0);

        root = (ObjectNode) SessionIo.mapper().readTree(SubmissionIo.toJson(sample()));
        ((ObjectNode) root.get("session").get("tracks").get(0)).put("gainDb", -3.0);
        Files.writeString(f, root.toPrettyString());
        assertThat(SubmissionIo.read(f).sealIntact()).isFalse();

        root = (ObjectNode) SessionIo.mapper().readTree(SubmissionIo.toJson(sample()));
        root.remove("seal");
        Files.writeString(f, root.toPrettyString());
        assertThat(SubmissionIo.read(f).sealIntact()).isFalse();
    }

    @Test
    void settingsHashIgnoresTitleButNotSettings() {
        Submission a = ClassroomFixtures.submission(ClassroomFixtures.student("A", "a1"), "mix-01",
                "sha256:" + "0".repeat(64), -4, 1);
        Submission b = ClassroomFixtures.submission(ClassroomFixtures.student("B", "b1"), "mix-01",
                "sha256:" + "0".repeat(64), -4, 3);
        b.session().title = "Something else";
        Submission c = ClassroomFixtures.submission(ClassroomFixtures.student("C", "c1"), "mix-01",
                "sha256:" + "0".repeat(64), -4.5, 1);
        assertThat(a.settingsHash()).isEqualTo(b.settingsHash()).isNotEqualTo(c.settingsHash());
    }

    @Test
    void badFilesGetOneLineNamingFileAndProblem() throws Exception {
        Path f = dir.resolve("x.mixlab-submission.json");
        check(f, "", "x.mixlab-submission.json: file is empty");
        check(f, "{\"format\":\"mixlab-submission\",\"ver", "x.mixlab-submission.json: not valid JSON at line 1, "
                + "column 35 (truncated or not a submission?)");
        check(f, "[1,2]", "x.mixlab-submission.json: not a MixLab submission (not a JSON object)");
        check(f, "{\"format\":\"mixlab-session\",\"version\":1}", "x.mixlab-submission.json: not a MixLab submission "
                + "(format is 'mixlab-session', expected 'mixlab-submission')");
        check(f, "{\"format\":\"mixlab-submission\",\"version\":7}", "x.mixlab-submission.json: version 7 is not "
                + "supported (this MixLab reads version 1; update MixLab)");
        check(f, "{\"format\":\"mixlab-submission\",\"version\":1}",
                "x.mixlab-submission.json: $.student: missing or not an object");
        ObjectNode root = (ObjectNode) SessionIo.mapper().readTree(SubmissionIo.toJson(sample()));
        root.put("attempt", 0);
        check(f, root.toString(), "x.mixlab-submission.json: attempt: 0 is not 1..9999");
        root.put("attempt", 1);
        ((ObjectNode) root.get("student")).put("id", "a b");
        check(f, root.toString(), "x.mixlab-submission.json: student id: 'a b' may only hold letters, digits, '-' "
                + "and '_' (starting with a letter or digit)");
        ((ObjectNode) root.get("student")).put("id", "ab");
        root.put("createdAt", "noon");
        check(f, root.toString(), "x.mixlab-submission.json: $.createdAt: 'noon' is not an ISO-8601 UTC time");
        root.put("createdAt", "2026-03-02T09:00:00Z");
        ((ObjectNode) root.get("session").get("tracks").get(0)).put("gainDb", 40);
        assertThatThrownBy(() -> SubmissionIo.read(write(f, root.toString())))
                .hasMessageStartingWith("x.mixlab-submission.json $.session: $.tracks[0].gainDb:");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertThatThrownBy(() -> SubmissionIo.read(f))
                .hasMessage("x.mixlab-submission.json: not a text file (not UTF-8)");
        assertThatThrownBy(() -> SubmissionIo.read(dir.resolve("missing.json")))
                .hasMessage("missing.json: file not found");
    }

    @Test
    void absoluteStemPathsInASubmissionDoNotMatter() throws Exception {
        Submission s = sample();
        s.session().track("vox").file = "/home/ana/Music/vox.wav";
        Path f = SubmissionIo.write(s, dir);
        SubmissionIo.Read r = SubmissionIo.read(f);
        assertThat(r.sealIntact()).isTrue();
        assertThat(r.submission().session().track("vox").gainDb).isEqualTo(-4.0);
    }

    private static Path write(Path f, String text) throws Exception {
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static void check(Path f, String text, String message) throws Exception {
        write(f, text);
        assertThatThrownBy(() -> SubmissionIo.read(f)).isInstanceOf(SubmissionException.class).hasMessage(message);
    }
}
