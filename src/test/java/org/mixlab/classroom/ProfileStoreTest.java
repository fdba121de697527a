package org.mixlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    @TempDir
    Path data;

    @Test
    void createSwitchAndReopenKeepsProfilesAndCurrent() throws Exception {
        ProfileStore store = ProfileStore.open(data);
        assertThat(store.profiles()).isEmpty();
        assertThat(store.current()).isEmpty();
        StudentProfile ana = store.create("  Ana Silva ", "s-1001", "MT101");
        StudentProfile ben = store.create("Ben Okafor", "s_1002", "MT101");
        assertThat(ana.name()).isEqualTo("Ana Silva");
        assertThat(store.current()).contains(ben);
        assertThat(store.switchTo(ana.key())).isEqualTo(ana);

        ProfileStore again = ProfileStore.open(data);
        assertThat(again.profiles()).containsExactly(ana, ben);
        assertThat(again.current()).contains(ana);
        assertThat(again.takeWarning()).isEmpty();
        assertThat(again.profileFolder(ben)).isEqualTo(data.resolve("profiles").resolve("MT101-s_1002"));

        again.rename(ben.key(), "Benjamin Okafor");
        again.remove(ana.key());
        ProfileStore third = ProfileStore.open(data);
        assertThat(third.profiles()).extracting(StudentProfile::name).containsExactly("Benjamin Okafor");
        assertThat(third.current()).isEmpty();
    }

    @Test
    void eachProfileHasItsOwnProgress() throws Exception {
        ProfileStore store = ProfileStore.open(data);
        StudentProfile a = store.create("Ana", "a1", "c1");
        StudentProfile b = store.create("Ben", "b1", "c1");
        ProgressStore pa = store.progress(a);
        Progress p = pa.load();
        p.completeStep("basics", "step-1", ClassroomFixtures.T0);
        pa.save(p);
        assertThat(store.progress(a).load().isStepCompleted("basics", "step-1")).isTrue();
        assertThat(store.progress(b).load().isStepCompleted("basics", "step-1")).isFalse();
    }

    @Test
    void invalidFieldsAreRefusedWithOneLineNamingTheField() throws Exception {
        ProfileStore store = ProfileStore.open(data);
        assertThatThrownBy(() -> store.create(" ", "s1", "c1")).hasMessage("name: must not be empty");
        assertThatThrownBy(() -> store.create("Ana", "s 1", "c1"))
                .hasMessage("student id: 's 1' may only hold letters, digits, '-' and '_' (starting with a letter "
                        + "or digit)");
        assertThatThrownBy(() -> store.create("Ana", "-s1", "c1")).hasMessageStartingWith("student id: '-s1'");
        assertThatThrownBy(() -> store.create("Ana", "s1", "")).hasMessage("class code: must not be empty");
        assertThatThrownBy(() -> store.create("x".repeat(81), "s1", "c1"))
                .hasMessage("name: 81 characters; at most 80");
        assertThatThrownBy(() -> store.create("Ana", "s".repeat(41), "c1"))
                .hasMessage("student id: 41 characters; at most 40");
        assertThatThrownBy(() -> store.create("Ana", "s1", "c".repeat(25)))
                .hasMessage("class code: 25 characters; at most 24");
        assertThatThrownBy(() -> store.create("Ana\nEvil", "s1", "c1")).hasMessageStartingWith("name: must not");
        store.create("Ana", "s1", "c1");
        assertThatThrownBy(() -> store.create("Other", "s1", "c1"))
                .hasMessage("student id: a profile for s1 in class c1 already exists on this computer");
        assertThatThrownBy(() -> store.switchTo("c1-nobody")).hasMessage("no profile 'c1-nobody' on this computer");
        assertThat(store.profiles()).hasSize(1);
        assertThat(new StudentProfile("Ana", "s1", "c1").problems()).isEmpty();
    }

    @Test
    void damagedProfilesFileIsSetAsideAndBackupRestored() throws Exception {
        ProfileStore store = ProfileStore.open(data);
        store.create("Ana", "a1", "c1");
        store.create("Ben", "b1", "c1"); // the file with only Ana is now the backup
        Files.writeString(data.resolve("profiles.json"), "{\"format\":\"mixlab-profiles\",\"vers");
        ProfileStore reopened = ProfileStore.open(data);
        assertThat(reopened.profiles()).extracting(StudentProfile::studentId).containsExactly("a1");
        assertThat(reopened.takeWarning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("profiles.json was damaged (not valid JSON").contains("restored the last good copy"));
        assertThat(reopened.takeWarning()).isEmpty();
        try (var s = Files.list(data)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("profiles.json.corrupt-"));
        }
    }

    @Test
    void dataFolderFollowsPlatformConventionsAndTheOverride() {
        assertThat(DataFolder.resolve("/tmp/x", "Linux", "/home/u", Map.of())).isEqualTo(Path.of("/tmp/x"));
        assertThat(DataFolder.resolve(null, "Windows 11", "C:\\Users\\u", Map.of("APPDATA", "C:\\Users\\u\\AppData"
                + "\\Roaming"))).isEqualTo(Path.of("C:\\Users\\u\\AppData\\Roaming", "MixLab"));
        assertThat(DataFolder.resolve(null, "Mac OS X", "/Users/u", Map.of()))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/MixLab"));
        assertThat(DataFolder.resolve(null, "Linux", "/home/u", Map.of("XDG_DATA_HOME", "/data")))
                .isEqualTo(Path.of("/data/mixlab"));
        assertThat(DataFolder.resolve("", "Linux", "/home/u", Map.of()))
                .isEqualTo(Path.of("/home/u/.local/share/mixlab"));
    }
}
