package org.mixlab.engine.gen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Builds the reference session from synthetic stems (no SoundFont) and checks its structure and fader logic. */
class ReferenceMixTest {

    @Test
    @DisplayName("a louder stem gets a lower fader; EQ fixes, compressor and verb sends are present")
    void fadersFollowStemLevels() throws Exception {
        SongSpec song = SongArrangements.openRoad();
        int n = StemRenderer.loopSamples(song);
        float[][] stems = new float[7][];
        for (int i = 0; i < 7; i++) {
            // uniform white noise has RMS = amplitude / sqrt(3); scale it to -30 + 2 i dBFS RMS
            java.util.Random rnd = new java.util.Random(10 + i);
            double amp = Math.sqrt(3) * Math.pow(10, (-30 + 2 * i) / 20.0);
            stems[i] = new float[n];
            for (int k = 0; k < n; k++) {
                stems[i][k] = (float) (amp * (2 * rnd.nextDouble() - 1));
            }
        }
        Map<String, Object> doc = ReferenceMix.session(song, stems);
        JsonNode s = new ObjectMapper().readTree(JsonText.write(doc));
        JsonNode tracks = s.get("tracks");
        // kick (-30 dB RMS noise, target -17) vs snare (-28 dB, target -19): 4 dB lower fader for the snare
        double kick = tracks.get(0).get("gainDb").asDouble();
        double snare = tracks.get(1).get("gainDb").asDouble();
        assertThat(kick - snare).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.15));
        assertThat(tracks.get(3).get("inserts").get(0).get("params").get("b1GainDb").asDouble()).isEqualTo(-6.0);
        assertThat(tracks.get(4).get("inserts").get(0).get("params").get("b3GainDb").asDouble()).isEqualTo(-5.0);
        assertThat(tracks.get(6).get("inserts").get(1).get("type").asText()).isEqualTo("compressor");
        assertThat(tracks.get(6).get("sends").get(0).get("to").asText()).isEqualTo("verb");
        assertThat(s.get("auxes").get(0).get("inserts").get(0).get("type").asText()).isEqualTo("reverb");
    }
}
