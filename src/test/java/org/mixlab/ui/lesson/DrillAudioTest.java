package org.mixlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mixlab.lesson.drill.DrillGenerator;
import org.mixlab.lesson.drill.DrillQuestion;
import org.mixlab.lesson.drill.DrillSpec;
import org.mixlab.lesson.drill.DrillType;

/** Every drill type renders finite stereo versions; loudness never gives the answer away. */
class DrillAudioTest {
    private static final double RATE = 44_100;
    private static final float[][] NOISE = {DrillAudio.pinkNoise(1.5, RATE, 3)};

    private static DrillQuestion question(DrillType type, long seed) {
        DrillSpec spec = DrillSpec.of(type);
        return new DrillGenerator(spec, "pink-noise", Map.of(), seed).next(spec.startLevel());
    }

    @ParameterizedTest
    @EnumSource(DrillType.class)
    void versionsAreFiniteStereoAndLoudnessMatched(DrillType type) {
        DrillQuestion q = question(type, 1);
        List<float[][]> v = DrillAudio.render(q, NOISE, RATE, Map.of());
        assertThat(v).hasSize(q.versions().size());
        for (float[][] a : v) {
            assertThat(a).hasNumberOfRows(2);
            for (float[] ch : a) {
                for (float x : ch) {
                    assertThat(Float.isFinite(x)).isTrue();
                }
            }
        }
        if (type == DrillType.LEVEL) {
            double diff = DrillAudio.lufs(v.get(q.correctIndex()), RATE) - DrillAudio.lufs(v.get(1 - q.correctIndex()),
                    RATE);
            assertThat(diff).isCloseTo(q.level(), within(0.05));
        } else {
            for (float[][] a : v) {
                assertThat(DrillAudio.lufs(a, RATE)).isCloseTo(DrillAudio.MATCH_LUFS, within(0.2));
            }
        }
    }

    @Test
    void theWetterReverbVersionHasTheLongerTail() {
        DrillQuestion q = question(DrillType.REVERB_AMOUNT, 2);
        List<float[][]> v = DrillAudio.render(q, NOISE, RATE, Map.of("decayS", 2.0));
        int end = NOISE[0].length + (int) (0.05 * RATE);
        double wet = tail(v.get(q.correctIndex()), end);
        double dry = tail(v.get(1 - q.correctIndex()), end);
        assertThat(10 * Math.log10(wet / dry)).isGreaterThan(q.level() / 2);
    }

    private static double tail(float[][] a, int from) {
        double e = 0;
        for (float[] ch : a) {
            for (int i = from; i < ch.length; i++) {
                e += ch[i] * ch[i];
            }
        }
        return e;
    }

    @Test
    void loudestExcerptFindsTheLoudPart() {
        float[] x = new float[(int) (10 * RATE)];
        for (int i = (int) (6 * RATE); i < (int) (9 * RATE); i++) {
            x[i] = 0.5f;
        }
        float[][] ex = DrillAudio.loudestExcerpt(new float[][] {x}, RATE, 3);
        assertThat(ex[0]).hasSize((int) (3 * RATE));
        assertThat(ex[0][0]).isEqualTo(0.5f);
        assertThat(ex[0][ex[0].length - 1]).isEqualTo(0.5f);
    }
}
