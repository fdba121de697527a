package org.mixlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseHashTest {
    @TempDir
    Path root;

    private Path ex;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("audio"));
        Files.write(root.resolve("audio/vox.wav"), new byte[1000]);
        Files.write(root.resolve("audio/bass.wav"), new byte[2000]);
        ClassroomFixtures.exercise(root.resolve("exercises"), "mix-01", "Vocal");
        ex = root.resolve("exercises/mix-01");
    }

    @Test
    void sameContentSameHashAndLineEndingsDoNotMatter() throws Exception {
        String h = ExerciseHash.compute(ex);
        assertThat(h).matches("sha256:[0-9a-f]{64}").isEqualTo(ExerciseHash.compute(ex));
        String json = Files.readString(ex.resolve("exercise.json"));
        Files.writeString(ex.resolve("exercise.json"), json.replace("\n", "\r\n"));
        assertThat(ExerciseHash.compute(ex)).isEqualTo(h);
        Files.writeString(ex.resolve(".hidden-notes.md"), "ignored");
        assertThat(ExerciseHash.compute(ex)).isEqualTo(h);
    }

    @Test
    void anyFileInTheFolderOrAReferencedStemChangesTheHash() throws Exception {
        String h = ExerciseHash.compute(ex);
        Files.writeString(ex.resolve("exercise.json"), Files.readString(ex.resolve("exercise.json"))
                .replace("Vocal", "Vocals"));
        String h2 = ExerciseHash.compute(ex);
        assertThat(h2).isNotEqualTo(h);
        Files.write(root.resolve("audio/bass.wav"), new byte[2001]); // a stem of another size
        String h3 = ExerciseHash.compute(ex);
        assertThat(h3).isNotEqualTo(h2);
        Files.write(root.resolve("audio/bass.wav"), new byte[2001]); // same size, same path: by design unchanged
        assertThat(ExerciseHash.compute(ex)).isEqualTo(h3);
        Files.delete(root.resolve("audio/vox.wav"));
        assertThat(ExerciseHash.compute(ex)).isNotEqualTo(h3);
        Files.writeString(ex.resolve("brief.md"), "new");
        assertThat(ExerciseHash.compute(ex)).isNotEqualTo(h3);
    }
}
