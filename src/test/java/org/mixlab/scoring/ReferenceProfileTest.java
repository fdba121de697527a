package org.mixlab.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Known answers for the measured profile and the audio criteria that read it. */
class ReferenceProfileTest {
    static final double RATE = 44_100;

    static float[][] noise(double seconds, long seed, double gain) {
        Random r = new Random(seed);
        int n = (int) (seconds * RATE);
        float[][] a = new float[2][n];
        for (int i = 0; i < n; i++) {
            float v = (float) (gain * r.nextGaussian() * 0.1);
            a[0][i] = v;
            a[1][i] = v;
        }
        return a;
    }

    static Criterion audio(Criterion.Kind kind, double tol, double fall, Double target, Double max, String metric,
                           double minHz, double maxHz) {
        return new Criterion("c", kind, null, 1, tol, fall, null, null, null, target, null, max, null, List.of(),
                minHz, maxHz, metric);
    }

    @Test
    @DisplayName("side-to-mid ratio: L = m + s, R = m - s with s a tenth of m reads -20 dB; correlation 0.98")
    void sideMidKnownAnswer() {
        int n = (int) (3 * RATE);
        float[][] a = new float[2][n];
        for (int i = 0; i < n; i++) {
            double m = 0.5 * Math.sin(2 * Math.PI * 100 * i / RATE);
            double s = 0.05 * Math.sin(2 * Math.PI * 100 * i / RATE + Math.PI / 2); // orthogonal to m
            a[0][i] = (float) (m + s);
            a[1][i] = (float) (m - s);
        }
        ReferenceProfile p = ReferenceProfile.measure(a, RATE);
        assertThat(p.sideMidDb(20, 500)).isCloseTo(-20.0, Offset.offset(0.1));
        // corr = (m^2 - s^2) / (m^2 + s^2) = 0.99 / 1.01
        assertThat(p.correlation).isCloseTo(0.99 / 1.01, Offset.offset(0.002));
        assertThat(ReferenceProfile.measure(noise(1, 3, 1), RATE).sideMidDb(20, 20_000)).as("L = R has no side")
                .isEqualTo(-120.0);
        CriterionResult mono = Grading.audio(audio(Criterion.Kind.STEREO_WIDTH, 0, 5, null, -30.0, "sideMidDb", 20,
                120), null, p, p);
        assertThat(mono.points()).isEqualTo(0.0);
        assertThat(mono.feedback()).contains("-20 dB").contains("-30 dB").contains("mono");
        CriterionResult ok = Grading.audio(audio(Criterion.Kind.STEREO_WIDTH, 0, 10, null, -15.0, "sideMidDb", 20,
                120), null, p, p);
        assertThat(ok.points()).isEqualTo(100.0);
    }

    @Test
    @DisplayName("tonal balance ignores level: the same noise 6 dB down differs by 0 dB; a 6 dB high shelf does not")
    void tonalBalanceIsLevelFree() {
        ReferenceProfile a = ReferenceProfile.measure(noise(3, 1, 1), RATE);
        ReferenceProfile b = ReferenceProfile.measure(noise(3, 1, 0.5), RATE);
        Criterion tonal = audio(Criterion.Kind.TONAL_BALANCE, 0.5, 2, null, null, null, 31.5, 16_000);
        CriterionResult same = Grading.audio(tonal, null, b, a);
        assertThat(same.difference()).isLessThan(0.01);
        assertThat(same.points()).isEqualTo(100.0);
        // brighten: add the first difference (a high-pass tilt, +6 dB/octave) on top
        float[][] x = noise(3, 1, 1);
        float[][] y = new float[2][x[0].length];
        for (int c = 0; c < 2; c++) {
            for (int i = 1; i < y[c].length; i++) {
                y[c][i] = x[c][i] + 2 * (x[c][i] - x[c][i - 1]);
            }
        }
        CriterionResult bright = Grading.audio(tonal, null, ReferenceProfile.measure(y, RATE), a);
        assertThat(bright.difference()).isGreaterThan(1.0);
        assertThat(bright.feedback()).contains("too much in the highs above 6 kHz (cut there)");
    }

    @Test
    @DisplayName("loudness range: steady noise against noise stepping 10 dB every 4 s, graded with direction")
    void loudnessRangeCriterion() {
        float[][] steady = noise(16, 2, 1);
        float[][] steps = noise(16, 2, 1);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < steps[c].length; i++) {
                if ((i / (int) (4 * RATE)) % 2 == 1) {
                    steps[c][i] *= (float) Math.pow(10, -10 / 20.0);
                }
            }
        }
        ReferenceProfile s = ReferenceProfile.measure(steady, RATE);
        ReferenceProfile d = ReferenceProfile.measure(steps, RATE);
        assertThat(s.loudnessRangeLu).isLessThan(1.0);
        assertThat(d.loudnessRangeLu).isBetween(8.0, 11.0);
        Criterion lra = audio(Criterion.Kind.LOUDNESS_RANGE, 1, 4, null, null, null, 31.5, 16_000);
        CriterionResult tooDynamic = Grading.audio(lra, null, d, s);
        assertThat(tooDynamic.points()).isZero();
        assertThat(tooDynamic.feedback()).contains("compress a little more");
        CriterionResult squashed = Grading.audio(lra, null, s, d);
        assertThat(squashed.feedback()).contains("compress less");
        Criterion crest = audio(Criterion.Kind.CREST_FACTOR, 0.5, 2, null, null, null, 31.5, 16_000);
        assertThat(Grading.audio(crest, null, s, s).points()).isEqualTo(100.0);
    }

    @Test
    @DisplayName("JSON round trip keeps numbers and undefined values; malformed profiles give one line per problem")
    void jsonRoundTrip() {
        float[][] silence = new float[2][(int) RATE];
        ReferenceProfile p = ReferenceProfile.measure(silence, RATE);
        p.putStem("kick", Double.NEGATIVE_INFINITY);
        p.putStem("bass", -23.25);
        String json = p.toJson();
        assertThat(json).contains("\"integratedLufs\" : null").contains("\"kick\" : null");
        ReferenceProfile back = ReferenceProfile.parse(json, "p.json");
        assertThat(back.integratedLufs).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(back.stem("kick")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(back.stem("bass")).isEqualTo(-23.25);
        assertThatThrownBy(() -> ReferenceProfile.parse("{\"format\":\"mixlab-profile\",\"version\":1,"
                + "\"sampleRate\":44100,\"durationS\":1,\"integratedLufs\":\"loud\",\"bandsDb\":[1,2]}", "p.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p.json: $.integratedLufs: must be a number")
                .hasMessageContaining("p.json: $.bandsDb: must be a list of 31 band levels");
        assertThatThrownBy(() -> ReferenceProfile.parse("nope", "p.json")).hasMessageStartingWith("p.json: not valid JSON");
    }
}
