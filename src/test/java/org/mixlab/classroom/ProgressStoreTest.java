package org.mixlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
    private static final Instant T0 = ClassroomFixtures.T0;
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Progress sample(int lessons) {
        Progress p = Progress.empty(T0);
        for (int i = 1; i <= lessons; i++) {
            p.completeStep("eq-basics", "step-" + i, T0.plusSeconds(i));
        }
        p.updateDrill("level-difference", 1.5, T0);
        p.updateDrill("level-difference", 1.0, T0.plusSeconds(60));
        assertThat(p.recordAttempt("mix-01", 62.5, T0.plusSeconds(100))).isEqualTo(1);
        assertThat(p.recordAttempt("mix-01", 81.0, T0.plusSeconds(200))).isEqualTo(2);
        assertThat(p.recordAttempt("mix-01", 70.0, T0.plusSeconds(300))).isEqualTo(3);
        return p;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void roundTripKeepsEveryField() throws Exception {
        ProgressStore store = new ProgressStore(dir, CLOCK);
        Progress fresh = store.load();
        assertThat(fresh.lessons).isEmpty();
        assertThat(store.takeWarning()).isEmpty();
        store.save(sample(3));
        Progress p = new ProgressStore(dir, CLOCK).load();
        assertThat(p.completedSteps("eq-basics")).containsExactlyInAnyOrder("step-1", "step-2", "step-3");
        assertThat(p.lessons.get("eq-basics").get("step-2")).isEqualTo("2026-03-02T09:00:02Z");
        assertThat(p.drillThreshold("level-difference")).hasValue(1.0);
        assertThat(p.drills.get("level-difference").trials).isEqualTo(2);
        assertThat(p.bestScore("mix-01")).hasValue(81.0);
        assertThat(p.exercises.get("mix-01").attempts).isEqualTo(3);
        assertThat(p.exercises.get("mix-01").bestAt).isEqualTo("2026-03-02T09:03:20Z");
        assertThat(p.exercises.get("mix-01").firstAttemptAt).isEqualTo("2026-03-02T09:01:40Z");
        assertThat(p.nextAttempt("mix-01")).isEqualTo(4);
        assertThat(p.nextAttempt("mix-02")).isEqualTo(1);
        assertThat(names()).containsExactly("progress.json");
    }

    @Test
    void secondSaveKeepsThePreviousGoodFileAsBackup() throws Exception {
        ProgressStore store = new ProgressStore(dir, CLOCK);
        store.save(sample(1));
        store.save(sample(2));
        assertThat(names()).containsExactly("progress.json", "progress.json.bak");
        ProgressStore onlyBackup = new ProgressStore(dir, CLOCK);
        Files.delete(store.file());
        Progress restored = onlyBackup.load();
        assertThat(restored.completedSteps("eq-basics")).containsExactly("step-1");
        assertThat(onlyBackup.takeWarning()).hasValue("progress.json was missing; restored the last good copy "
                + "(progress.json.bak)");
    }

    @Test
    void crashHalfWayThroughAWriteLeavesTheOldFileAndNoTempFile() throws Exception {
        ProgressStore store = new ProgressStore(dir, CLOCK);
        store.save(sample(1));
        byte[] before = Files.readAllBytes(store.file());
        store.writer((ch, bytes) -> {
            ch.write(ByteBuffer.wrap(bytes, 0, bytes.length / 2));
            throw new IOException("simulated power cut");
        });
        assertThatThrownBy(() -> store.save(sample(5))).hasMessage("simulated power cut");
        assertThat(Files.readAllBytes(store.file())).isEqualTo(before);
        assertThat(names()).allMatch(n -> !n.endsWith(".tmp"));
        assertThat(new ProgressStore(dir, CLOCK).load().completedSteps("eq-basics")).containsExactly("step-1");
    }

    @Test
    void corruptFileWithoutBackupIsSetAsideReportedOnceAndNotReplacedSilently() throws Exception {
        Files.writeString(dir.resolve("progress.json"), "{\"format\":\"mixlab-progress\",\"version\":1,\"less");
        ProgressStore store = new ProgressStore(dir, CLOCK);
        Progress p = store.load();
        assertThat(p.lessons).isEmpty();
        assertThat(store.takeWarning()).hasValue("progress.json was damaged (not valid JSON at line 1 (truncated or "
                + "edited?)); kept it as progress.json.corrupt-20260302-090000-000; no good backup, starting afresh");
        assertThat(store.takeWarning()).isEmpty();
        assertThat(names()).containsExactly("progress.json.corrupt-20260302-090000-000");
        assertThat(Files.readString(dir.resolve("progress.json.corrupt-20260302-090000-000")))
                .endsWith("\"less");
        // loading again does not report it again
        ProgressStore again = new ProgressStore(dir, CLOCK);
        again.load();
        assertThat(again.takeWarning()).isEmpty();
    }

    @Test
    void corruptFileWithBackupRestoresTheBackup() throws Exception {
        ProgressStore store = new ProgressStore(dir, CLOCK);
        store.save(sample(1));
        store.save(sample(2));
        Files.writeString(store.file(), "{\"format\":\"mixlab-progress\",\"version\":1,\"createdAt\":\"yesterday\","
                + "\"updatedAt\":\"2026-03-02T09:00:00Z\",\"lessons\":{},\"drills\":{},\"exercises\":{}}");
        ProgressStore reopened = new ProgressStore(dir, CLOCK);
        Progress p = reopened.load();
        assertThat(p.completedSteps("eq-basics")).containsExactly("step-1");
        assertThat(reopened.takeWarning()).hasValue("progress.json was damaged (createdAt: 'yesterday' is not an "
                + "ISO-8601 time); kept it as progress.json.corrupt-20260302-090000-000 and restored the last good copy");
        assertThat(names()).containsExactly("progress.json", "progress.json.bak",
                "progress.json.corrupt-20260302-090000-000");
        assertThat(Files.readString(store.file())).isEqualTo(Files.readString(store.backupFile()));
    }

    @Test
    void wrongFormatAndEmptyFilesAreDetected() throws Exception {
        ProgressStore store = new ProgressStore(dir, CLOCK);
        Files.writeString(store.file(), "{\"format\":\"mixlab-session\",\"version\":1}");
        store.load();
        assertThat(store.takeWarning().orElseThrow()).contains("not a mixlab-progress file (format is "
                + "'mixlab-session')");
        Files.writeString(store.file(), "");
        store.load();
        assertThat(store.takeWarning().orElseThrow()).contains("(file is empty)");
        Files.writeString(store.file(), "{\"format\":\"mixlab-progress\",\"version\":2}");
        store.load();
        assertThat(store.takeWarning().orElseThrow()).contains("version 2 is not supported");
        Files.writeString(store.file(), "{\"format\":\"mixlab-progress\",\"version\":1,\"exercises\":[1,2]}");
        store.load();
        assertThat(store.takeWarning().orElseThrow()).contains("wrong structure");
    }

    @Test
    void damagedFileNeverBecomesTheBackup() throws Exception {
        ProgressStore store = new ProgressStore(dir, CLOCK);
        store.save(sample(1));
        store.save(sample(2)); // backup: 1 step
        byte[] goodBackup = Files.readAllBytes(store.backupFile());
        Files.writeString(store.file(), "garbage");
        store.save(sample(3)); // saving over a damaged file must not back it up
        assertThat(Files.readAllBytes(store.backupFile())).isEqualTo(goodBackup);
        assertThat(store.takeWarning().orElseThrow()).startsWith("progress.json was damaged (not valid JSON");
        assertThat(new ProgressStore(dir, CLOCK).load().completedSteps("eq-basics")).hasSize(3);
        assertThat(names()).anyMatch(n -> n.startsWith("progress.json.corrupt-"));
    }

    @Test
    void invalidProgressIsNotSaved() throws Exception {
        Progress p = sample(1);
        p.exercises.get("mix-01").bestScore = 140.0;
        assertThatThrownBy(() -> new ProgressStore(dir, CLOCK).save(p))
                .hasMessage("progress not saved: exercises.mix-01: best score 140.0 is not 0..100");
        assertThatThrownBy(() -> p.recordAttempt("x", -1, T0)).hasMessage("exercise 'x': score -1.0 is not 0..100");
        assertThat(names()).isEmpty();
    }
}
