package org.mixlab.lesson.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mixlab.engine.session.InsertModel;

/** Drill questions are reproducible from a seed and describe their stimulus as processor settings. */
class DrillGeneratorTest {

    @Test
    void eqBandQuestionDescribesTheBoost() {
        DrillGenerator g = new DrillGenerator(DrillSpec.of(DrillType.EQ_BAND), "pink-noise", Map.of("q", 1.4), 42);
        Set<Integer> answers = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            DrillQuestion q = g.next(6);
            assertThat(q.choices()).containsExactly("125 Hz", "250 Hz", "500 Hz", "1 kHz", "2 kHz", "4 kHz", "8 kHz");
            InsertModel eq = q.versions().get(1).inserts().get(0);
            assertThat(eq.type).isEqualTo("eq");
            assertThat(eq.params).containsEntry("b1On", 1.0).containsEntry("b1GainDb", 6.0).containsEntry("b1Q", 1.4);
            assertThat(eq.params.get("b1FreqHz")).isEqualTo(DrillSpec.EQ_BAND_CENTRES_HZ[q.correctIndex()]);
            assertThat(q.versions().get(0).inserts()).isEmpty();
            answers.add(q.correctIndex());
        }
        assertThat(answers).hasSize(7);
        DrillQuestion one = new DrillGenerator(DrillSpec.of(DrillType.EQ_BAND), "pink-noise", Map.of(), 1).next(6);
        assertThat(one.stimulus()).matches("eq b1 at \\d+ Hz \\+6 dB Q 1.4 on pink-noise");
    }

    @Test
    void sameSeedSameQuestions() {
        for (DrillType t : DrillType.values()) {
            DrillGenerator a = new DrillGenerator(DrillSpec.of(t), "stem:bass", Map.of(), 99);
            DrillGenerator b = new DrillGenerator(DrillSpec.of(t), "stem:bass", Map.of(), 99);
            for (int i = 0; i < 10; i++) {
                DrillQuestion qa = a.next(3);
                DrillQuestion qb = b.next(3);
                assertThat(qa.correctIndex()).isEqualTo(qb.correctIndex());
                assertThat(qa.stimulus()).isEqualTo(qb.stimulus());
            }
        }
    }

    @Test
    void twoChoiceDrillsPutTheProcessingOnTheRightVersion() {
        DrillGenerator comp = new DrillGenerator(DrillSpec.of(DrillType.COMPRESSION), "stem:lead",
                Map.of("thresholdDb", -25.0), 3);
        for (int i = 0; i < 20; i++) {
            DrillQuestion q = comp.next(4);
            assertThat(q.choices()).containsExactly("A", "B");
            assertThat(q.versions().get(q.correctIndex()).inserts()).singleElement()
                    .satisfies(m -> assertThat(m.params).containsEntry("ratio", 4.0).containsEntry("thresholdDb", -25.0));
            assertThat(q.versions().get(1 - q.correctIndex()).inserts()).isEmpty();
        }
        DrillGenerator level = new DrillGenerator(DrillSpec.of(DrillType.LEVEL), "pink-noise", Map.of(), 5);
        DrillQuestion l = level.next(0.5);
        assertThat(l.versions().get(l.correctIndex()).gainDb()).isEqualTo(0.5);
        assertThat(l.versions().get(1 - l.correctIndex()).gainDb()).isEqualTo(0.0);
        DrillGenerator pan = new DrillGenerator(DrillSpec.of(DrillType.PAN), "stem:hats", Map.of(), 5);
        DrillQuestion p = pan.next(20);
        assertThat(p.versions().get(0).pan()).isEqualTo(p.correctIndex() == 0 ? -20.0 : 20.0);
        DrillGenerator verb = new DrillGenerator(DrillSpec.of(DrillType.REVERB_AMOUNT), "stem:lead",
                Map.of("baseSendDb", -20.0), 5);
        DrillQuestion v = verb.next(3);
        assertThat(v.versions().get(v.correctIndex()).reverbSendDb()).isEqualTo(-17.0);
        DrillGenerator sat = new DrillGenerator(DrillSpec.of(DrillType.SATURATION), "stem:bass", Map.of(), 5);
        DrillQuestion s = sat.next(100);
        assertThat(s.level()).isEqualTo(24.0);   // clamped to the spec's maximum
    }

    @Test
    void specsGiveWorkingStaircases() {
        for (DrillType t : DrillType.values()) {
            DrillSpec spec = DrillSpec.of(t);
            assertThat(spec.minLevel()).isLessThan(spec.startLevel());
            assertThat(spec.startLevel()).isLessThanOrEqualTo(spec.maxLevel());
            Staircase s = spec.staircase(Double.NaN, 8, 50);
            assertThat(s.level()).isEqualTo(spec.startLevel());
            assertThat(DrillType.fromJson(t.json())).isEqualTo(t);
        }
    }
}
