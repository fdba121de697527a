package org.mixlab.lesson.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 2-down/1-up staircase follows Levitt's rules and converges on the 70.7 % point of a simulated listener. */
class StaircaseTest {

    @Test
    void twoDownOneUpWithStepHalvingAfterTwoReversals() {
        Staircase s = new Staircase(10, 4, 1, 0, 20, 8, 100);
        s.record(true);
        assertThat(s.level()).isEqualTo(10.0);      // one correct: no move yet
        s.record(true);
        assertThat(s.level()).isEqualTo(6.0);       // two correct: down one step
        s.record(false);
        assertThat(s.level()).isEqualTo(10.0);      // wrong: up; first reversal at 6
        assertThat(s.reversals()).isEqualTo(1);
        assertThat(s.reversalLevel(0)).isEqualTo(6.0);
        s.record(true);
        s.record(true);                              // down again: second reversal at 10, step halves to 2
        assertThat(s.reversals()).isEqualTo(2);
        assertThat(s.step()).isEqualTo(2.0);
        assertThat(s.level()).isEqualTo(8.0);
        s.record(true);
        s.record(true);
        assertThat(s.level()).isEqualTo(6.0);       // same direction: no reversal
        assertThat(s.reversals()).isEqualTo(2);
        s.record(false);                             // third reversal
        s.record(true);
        s.record(true);                              // fourth reversal, step halves to 1 (the minimum)
        assertThat(s.reversals()).isEqualTo(4);
        assertThat(s.step()).isEqualTo(1.0);
        assertThat(s.threshold()).isEqualTo((6 + 10 + 6 + 8) / 4.0);
    }

    @Test
    void clampsAndStops() {
        Staircase s = new Staircase(1, 2, 1, 0.5, 5, 4, 6);
        s.record(true);
        s.record(true);
        assertThat(s.level()).isEqualTo(0.5);
        for (int i = 0; i < 10; i++) {
            s.record(false);
        }
        assertThat(s.level()).isEqualTo(5.0);
        assertThat(s.isFinished()).isTrue();
        assertThat(s.trials()).isEqualTo(6);
        assertThatThrownBy(() -> new Staircase(1, 0, 1, 0, 5, 8, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Logistic 2AFC listener: p(correct) = 0.5 + 0.5 / (1 + exp(-(x - mid) / slope)). */
    private static double pCorrect(double x, double mid, double slope) {
        return 0.5 + 0.5 / (1 + Math.exp(-(x - mid) / slope));
    }

    @Test
    void convergesOnTheSeventyPercentPointOfASimulatedListener() {
        double mid = 3.0;
        double slope = 0.6;
        // the level where p = 0.7071: 0.5 / (1 + e) = 0.2071 -> e = 0.5 / 0.2071 - 1
        double target = mid - slope * Math.log(0.5 / (0.70711 - 0.5) - 1);
        Random rnd = new Random(7);
        double sum = 0;
        int runs = 200;
        int within = 0;
        for (int r = 0; r < runs; r++) {
            Staircase s = new Staircase(10, 2, 0.25, 0.1, 15, 12, 200);
            while (!s.isFinished()) {
                s.record(rnd.nextDouble() < pCorrect(s.level(), mid, slope));
            }
            double est = s.threshold();
            sum += est;
            if (Math.abs(est - target) <= 0.3 * target) {
                within++;
            }
        }
        double mean = sum / runs;
        assertThat(mean).isCloseTo(target, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(within).as("single runs within 30 %").isGreaterThan((int) (0.85 * runs));
    }
}
