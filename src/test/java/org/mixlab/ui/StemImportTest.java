package org.mixlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.engine.io.AudioFileException;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.io.WavWriter;
import org.mixlab.engine.live.LiveMix;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionException;
import org.mixlab.engine.session.TrackModel;

/** Stem import (ids, relative paths, the live engine loading the new stems) and the recovery file, without a window. */
class StemImportTest {
    @TempDir
    Path tmp;

    private static Path tone(Path file, double rateHz, double seconds, int channels) throws IOException {
        Files.createDirectories(file.getParent());
        int n = (int) Math.round(rateHz * seconds);
        float[][] x = new float[channels][n];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < n; i++) {
                x[c][i] = (float) (0.25 * Math.sin(2 * Math.PI * 220 * i / rateHz));
            }
        }
        WavWriter.write(file, x, rateHz, WavWriter.Format.PCM16, 1);
        return file;
    }

    private Session oneTrackSession() throws IOException {
        tone(tmp.resolve("song/stems/drums.wav"), 44_100, 0.5, 2);
        Session s = new Session();
        s.title = "Song";
        s.baseDir = tmp.resolve("song");
        TrackModel t = new TrackModel();
        t.id = "drums";
        t.name = "Drums";
        t.file = "stems/drums.wav";
        s.tracks.add(t);
        return s;
    }

    @Test
    void idsAreSafeAndUnique() {
        assertThat(StemImport.uniqueId("Lead Vox!", Set.of())).isEqualTo("lead-vox");
        assertThat(StemImport.uniqueId("kick", Set.of("kick", "kick-2"))).isEqualTo("kick-3");
        assertThat(StemImport.uniqueId("  ..  ", Set.of())).isEqualTo("stem");
        assertThat(StemImport.uniqueId("master", Set.of())).isEqualTo("stem");
        assertThat(StemImport.uniqueId("Gtr__L (take 2)", Set.of())).isEqualTo("gtr-l-take-2");
        assertThat(StemImport.baseName(Path.of("a/Bass.DI.aiff"))).isEqualTo("Bass.DI");
    }

    @Test
    void theLiveEngineLoadsAnImportedStemAtAnotherRate() throws IOException {
        String old = System.getProperty("mixlab.audio");
        System.setProperty("mixlab.audio", "none");
        Session s = oneTrackSession();
        LiveMix mix = new LiveMix(s, new StemCache(List.of(tmp)), 20);
        try {
            assertThat(mix.lengthSeconds()).isCloseTo(0.5, within(1e-3));
            Path stem = tone(tmp.resolve("elsewhere/Organ.wav"), 48_000, 1.0, 1);
            Session with = StemImport.withStems(mix.session(), List.of(stem), tmp.resolve("song"));
            assertThat(s.tracks).as("the engine's session is not changed in place").hasSize(1);
            TrackModel organ = with.track("organ");
            assertThat(organ.file).isEqualTo("../elsewhere/Organ.wav");
            assertThat(organ.name).isEqualTo("Organ");
            mix.loadSession(with);
            assertThat(mix.session().tracks).extracting(t -> t.id).containsExactly("drums", "organ");
            assertThat(mix.lengthSeconds()).as("1 s at 48 kHz resampled to 44.1 kHz").isCloseTo(1.0, within(1e-3));
        } finally {
            mix.close();
            if (old == null) {
                System.clearProperty("mixlab.audio");
            } else {
                System.setProperty("mixlab.audio", old);
            }
        }
    }

    @Test
    void aBadFileNamesItselfAndAddsNothing() throws IOException {
        Session s = oneTrackSession();
        Path good = tone(tmp.resolve("song/stems/pad.wav"), 44_100, 0.1, 1);
        Path missing = tmp.resolve("song/stems/nope.aif");
        assertThatThrownBy(() -> StemImport.withStems(s, List.of(good, missing), tmp.resolve("song")))
                .isInstanceOf(AudioFileException.class).hasMessageStartingWith("nope.aif: ");
        assertThat(s.tracks).hasSize(1);
    }

    @Test
    void theRecoveryFileRoundTripsWithItsOriginalPath() throws IOException {
        Session s = oneTrackSession();
        s.tracks.get(0).gainDb = -6.5;
        RecoveryFile r = new RecoveryFile(tmp.resolve("data"));
        assertThat(r.exists()).isFalse();
        Path original = tmp.resolve("song/mix.session.json");
        r.write(s, original);
        assertThat(r.exists()).isTrue();
        assertThat(r.writtenAt()).isNotNull();
        assertThat(r.originalPath()).isEqualTo(original.toAbsolutePath().normalize());
        Session back = r.load();
        assertThat(back.track("drums").gainDb).isEqualTo(-6.5);
        assertThat(back.baseDir).isEqualTo(tmp.resolve("song").toAbsolutePath());
        r.delete();
        assertThat(r.exists()).isFalse();
        assertThat(tmp.resolve("data").resolve(RecoveryFile.ORIGIN_NAME)).doesNotExist();
    }

    @Test
    void aCorruptRecoveryFileIsReportedInOneLine() throws IOException {
        RecoveryFile r = new RecoveryFile(tmp.resolve("data"));
        r.write(new Session(), null);
        Files.writeString(r.file(), "{ \"format\": ");
        assertThat(r.originalPath()).isNull();
        assertThatThrownBy(r::load).isInstanceOf(SessionException.class)
                .hasMessageStartingWith("recovery.session.json: not valid JSON");
    }
}
