package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Block reads and writes give exactly what a {@link DelayLine} fed the same samples gives. */
class DelayLineBankTest {
    private static final int MAX_DELAY = 700;
    private static final int BLOCK = 64;

    /** A bank line and a DelayLine fed the same blocks of random values. */
    private static final class Pair {
        final DelayLineBank bank = new DelayLineBank(2, BLOCK);
        final DelayLine line = new DelayLine();
        final SplittableRandom random = new SplittableRandom(42);

        Pair() {
            bank.setMaximumDelay(1, MAX_DELAY);
            line.setMaximumDelay(MAX_DELAY);
        }

        void feed(int blocks) {
            double[] x = new double[BLOCK];
            for (int b = 0; b < blocks; b++) {
                for (int j = 0; j < BLOCK; j++) {
                    x[j] = random.nextGaussian() * 0.3;
                    line.write(x[j]);
                }
                bank.writeBlock(1, x, BLOCK);
            }
        }
    }

    @Test
    void integerBlockReadsEqualDelayLineReads() {
        Pair p = new Pair();
        p.feed(37); // wraps around the 1024-sample buffer a few times
        double[] out = new double[BLOCK];
        for (int delay : new int[] {BLOCK, 100, 333, MAX_DELAY}) {
            p.bank.readBlock(1, delay, BLOCK, out);
            for (int j = 0; j < BLOCK; j++) {
                // sample j of the block reads as if j more samples had been written: delay - j writes ago now
                assertThat(out[j]).as("delay %d sample %d", delay, j).isEqualTo(p.line.readInt(delay - j));
            }
        }
    }

    @Test
    void cubicBlockReadsEqualReadCubicAheadForAnyDelays() {
        Pair p = new Pair();
        p.feed(29);
        double[] delay = new double[BLOCK];
        double[] out = new double[BLOCK];
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            // slow glides (few integer changes), fast glides (many), and some beyond the clamps
            double start = 70 + r.nextDouble() * (MAX_DELAY - 80);
            double slope = trial % 3 == 0 ? r.nextDouble() * 4 - 2 : r.nextDouble() * 0.02 - 0.01;
            for (int j = 0; j < BLOCK; j++) {
                delay[j] = trial % 17 == 0 ? (j % 2 == 0 ? 1.5 : MAX_DELAY + 3.25) : start + slope * j;
            }
            p.bank.readCubicBlock(1, delay, BLOCK, out);
            for (int j = 0; j < BLOCK; j++) {
                assertThat(out[j]).as("trial %d sample %d", trial, j).isEqualTo(p.line.readCubicAhead(j, delay[j]));
            }
        }
    }

    @Test
    void cubicBlockReadsWithGivenIntegerPartsEqualReadCubicAhead() {
        Pair p = new Pair();
        p.feed(23);
        double[] frac = new double[BLOCK];
        double[] out = new double[BLOCK];
        SplittableRandom r = new SplittableRandom(9);
        for (int trial = 0; trial < 100; trial++) {
            int first = 66 + r.nextInt(MAX_DELAY - 70);
            int second = first + (r.nextBoolean() ? 1 : -1);
            int split = r.nextInt(BLOCK + 1);
            double[] delay = new double[BLOCK];
            for (int j = 0; j < BLOCK; j++) {
                int k = j < split ? first : second;
                delay[j] = k + 0.999 * r.nextDouble();
                frac[j] = delay[j] - k; // exact, as the reverb computes it
            }
            p.bank.readCubicBlock(1, first, split, second, frac, BLOCK, out);
            for (int j = 0; j < BLOCK; j++) {
                assertThat(out[j]).as("trial %d sample %d", trial, j)
                        .isEqualTo(p.line.readCubicAhead(j, delay[j]));
            }
        }
        assertThat(p.bank.acceptsIntegerDelay(1, 2)).isTrue();
        assertThat(p.bank.acceptsIntegerDelay(1, MAX_DELAY - 1)).isTrue();
        assertThat(p.bank.acceptsIntegerDelay(1, 1)).isFalse();
        assertThat(p.bank.acceptsIntegerDelay(1, MAX_DELAY)).isFalse();
    }

    @Test
    void roundingToFloatEqualsTheCastIncludingTies() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            float f = (float) (r.nextGaussian() * Math.pow(2, r.nextInt(200) - 100));
            if (f == 0f) {
                continue;
            }
            double halfUlp = Math.ulp(f) / 2;
            for (double x : new double[] {f, f + halfUlp, f - halfUlp, f + halfUlp * 0.999, f - halfUlp * 1.001}) {
                assertThat(DelayLineBank.roundToFloat(x)).as("%s", x).isEqualTo((double) (float) x);
            }
        }
        // binade edges and the ends of the accepted range
        for (double x : new double[] {0.0, 1.0, 2.0 - 1e-16, 0.5 + 1e-17, Float.MIN_NORMAL, -Float.MIN_NORMAL,
                Math.nextDown((double) Float.MAX_VALUE), 1e-25, -3.0e38}) {
            assertThat(DelayLineBank.roundToFloat(x)).as("%s", x).isEqualTo((double) (float) x);
        }
    }

    @Test
    void anyValuesAreStoredAsTheCastStoresThem() {
        DelayLineBank bank = new DelayLineBank(1, 8);
        bank.setMaximumDelay(0, 16);
        double[] x = {Double.NaN, Double.POSITIVE_INFINITY, -1e39, 1e-40, -1e-46, 0.1, -0.0, 3.0e38};
        bank.writeBlockAnyValues(0, x, 8);
        double[] out = new double[8];
        bank.readBlock(0, 8, 8, out);
        for (int j = 0; j < 8; j++) {
            // boxed: NaN equals NaN, and -0.0 differs from 0.0
            assertThat(Double.valueOf(out[j])).as("value %s", x[j]).isEqualTo(Double.valueOf((float) x[j]));
        }
        // the last block can be replaced, e.g. once a check over the whole pass has failed
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8};
        bank.rewriteBlockAnyValues(0, y, 8);
        bank.readBlock(0, 8, 8, out);
        assertThat(out).containsExactly(y);
    }

    @Test
    void blocksCrossTheBufferEnd() {
        DelayLineBank bank = new DelayLineBank(1, 48);
        bank.setMaximumDelay(0, 60); // a 64-sample buffer
        double[] x = new double[48];
        double[] out = new double[48];
        double next = 1;
        for (int b = 0; b < 9; b++) { // block starts 0, 48, 32, 16, 0, ...: most blocks wrap
            for (int j = 0; j < 48; j++) {
                x[j] = next++;
            }
            bank.writeBlockSinglePrecision(0, x, 48);
            bank.readBlock(0, 48, 48, out);
            assertThat(out).as("block %d", b).containsExactly(x); // 48 writes ago: the block just written
        }
    }

    @Test
    void rejectsAZeroMaximum() {
        assertThatThrownBy(() -> new DelayLineBank(1, 8).setMaximumDelay(0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
