package org.mixlab.engine.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known-answer tests for the generator's small parts: WAV writer, JSON writer, problem EQ, measurements. */
class GeneratorPartsTest {

    @Test
    @DisplayName("24-bit WAV: exact sample bytes, readable by javax.sound, no temp file left")
    void writes24Bit(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.wav");
        WavWriter.writeMono(f, new float[] {0f, 1f, -1f, 0.5f, 2f}, 44_100, 24);
        byte[] b = Files.readAllBytes(f);
        assertThat(b).hasSize(44 + 15);
        assertThat(new String(b, 0, 4, "US-ASCII")).isEqualTo("RIFF");
        // 1.0 -> 0x7FFFFF, -1.0 -> -0x7FFFFF, 0.5 -> 0x400000 (rounded), 2.0 clamps to 0x7FFFFF
        assertThat(new byte[] {b[47], b[48], b[49]}).containsExactly(0xFF, 0xFF, 0x7F);
        assertThat(new byte[] {b[50], b[51], b[52]}).containsExactly(0x01, 0x00, 0x80);
        assertThat(new byte[] {b[53], b[54], b[55]}).containsExactly(0x00, 0x00, 0x40);
        assertThat(new byte[] {b[56], b[57], b[58]}).containsExactly(0xFF, 0xFF, 0x7F);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(f.toFile())) {
            assertThat(in.getFormat().getSampleSizeInBits()).isEqualTo(24);
            assertThat(in.getFormat().getChannels()).isEqualTo(1);
            assertThat(in.getFrameLength()).isEqualTo(5);
        }
        try (var list = Files.list(dir)) {
            assertThat(list).containsExactly(f);
        }
    }

    @Test
    @DisplayName("16-bit WAV: rounding and clamping")
    void writes16Bit(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.wav");
        WavWriter.writeMono(f, new float[] {0.25f, -2f}, 48_000, 16);
        byte[] b = Files.readAllBytes(f);
        assertThat(b).hasSize(48);
        assertThat((b[44] & 255) | (b[45] << 8)).isEqualTo(8192);
        assertThat((b[46] & 255) | (b[47] << 8)).isEqualTo(-32768);
    }

    @Test
    @DisplayName("JSON writer output parses with Jackson and keeps order and numbers")
    void jsonRoundTrip() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1.5);
        m.put("a", List.of(1, -2.25, "x\"y"));
        m.put("n", Map.of());
        m.put("t", true);
        m.put("i", 16.0);
        String text = JsonText.write(m);
        JsonNode n = new ObjectMapper().readTree(text);
        assertThat(n.fieldNames()).toIterable().containsExactly("b", "a", "n", "t", "i");
        assertThat(n.get("a").get(1).asDouble()).isEqualTo(-2.25);
        assertThat(n.get("a").get(2).asText()).isEqualTo("x\"y");
        assertThat(text).contains("\"i\": 16\n");
        assertThat(JsonText.number(0.1 + 0.2)).isEqualTo("0.3");
    }

    @Test
    @DisplayName("problem EQ: +6 dB at 150 Hz on a 150 Hz sine, 0 dB far away, and the negated band undoes it")
    void problemEqGainAndInverse() {
        int sr = 44_100;
        float[] low = sine(sr, 150, sr);
        float[] high = sine(sr, 8000, sr);
        ProblemEq boom = new ProblemEq(150, 6, 1.0);
        float[] a = low.clone();
        boom.applyCircular(a, sr);
        float[] h = high.clone();
        boom.applyCircular(h, sr);
        assertThat(StemMeasurements.rmsDb(a) - StemMeasurements.rmsDb(low)).isCloseTo(6.0, within(0.05));
        assertThat(StemMeasurements.rmsDb(h) - StemMeasurements.rmsDb(high)).isCloseTo(0.0, within(0.05));
        new ProblemEq(150, -6, 1.0).applyCircular(a, sr);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(low[i], within(1e-4f));
        }
    }

    @Test
    @DisplayName("band measurement: a 3 kHz sine reads about its RMS in the 3 kHz band and far below at 1.5 kHz")
    void bandMeasurement() {
        float[] x = sine(44_100, 3000, 44_100);
        double rms = StemMeasurements.rmsDb(x);
        assertThat(rms).isCloseTo(-3.01, within(0.01));
        assertThat(StemMeasurements.thirdOctaveDb(x, 44_100, 3000)).isCloseTo(rms, within(0.1));
        assertThat(StemMeasurements.thirdOctaveDb(x, 44_100, 1500)).isLessThan(rms - 40);
        assertThat(StemMeasurements.peakDb(x)).isCloseTo(0.0, within(0.01));
    }

    @Test
    @DisplayName("rough compressor: 12 dB over a -20 dB threshold at 4:1 leaves 3 dB over")
    void roughCompressorStaticCurve() {
        float[] x = sine(44_100, 1000, 44_100);
        for (int i = 0; i < x.length; i++) {
            x[i] *= (float) Math.pow(10, -8 / 20.0);
        }
        float[] y = StemMeasurements.roughCompress(x, 44_100, -20, 4, 0, 1, 50);
        float[] tail = java.util.Arrays.copyOfRange(y, 22_050, 44_100);
        assertThat(StemMeasurements.peakDb(tail)).isCloseTo(-17.0, within(0.2));
    }

    @Test
    @DisplayName("a missing or broken SoundFont gives a one-line message naming the file")
    void badSoundFont(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.sf2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AudioGenerator.generate(missing, dir.resolve("out")))
            .isInstanceOf(java.io.IOException.class).hasMessageContaining("nope.sf2").hasMessageContaining("not found");
        Path junk = dir.resolve("junk.sf2");
        Files.writeString(junk, "not a soundfont");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StemRenderer.loadSoundFont(junk))
            .isInstanceOf(java.io.IOException.class).hasMessageContaining("junk.sf2");
    }

    private static float[] sine(int sr, double f, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * f * i / sr);
        }
        return x;
    }
}
