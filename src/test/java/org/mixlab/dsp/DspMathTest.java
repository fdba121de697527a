package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Known-answer tests of the fast log/exp approximations: their maximum error over the range they are used on. */
class DspMathTest {
    @Test
    void fastLog2IsWithin2e6OfLog2FromMinus1000To1000Octaves() {
        double worst = 0;
        Random r = new Random(3);
        for (int k = 0; k < 2_000_000; k++) {
            double x = Math.pow(2, -1000 + 2000 * r.nextDouble());
            double exact = Math.log(x) / Math.log(2);
            worst = Math.max(worst, Math.abs(DspMath.fastLog2(x) - exact));
        }
        // dense sweep of one octave, where the polynomial lives, including both ends
        for (int k = 0; k <= 1_000_000; k++) {
            double x = 1 + k / 1e6;
            worst = Math.max(worst, Math.abs(DspMath.fastLog2(x) - Math.log(x) / Math.log(2)));
        }
        assertThat(worst).isLessThan(2e-6);
        assertThat(worst * DspMath.DB_PER_LOG2).as("as dB on an amplitude").isLessThan(1.2e-5);
    }

    @Test
    void fastExp2HasRelativeErrorBelow8e8FromMinus1000To1000() {
        double worst = 0;
        Random r = new Random(4);
        for (int k = 0; k < 2_000_000; k++) {
            double x = -1000 + 2000 * r.nextDouble();
            double exact = Math.pow(2, x);
            worst = Math.max(worst, Math.abs(DspMath.fastExp2(x) / exact - 1));
        }
        for (int k = -1_000_000; k <= 1_000_000; k++) {
            double x = k / 1e6;
            worst = Math.max(worst, Math.abs(DspMath.fastExp2(x) / Math.pow(2, x) - 1));
        }
        assertThat(worst).isLessThan(8e-8);
    }

    @Test
    void fastDbConversionsMatchTheExactOnesTo1e5Db() {
        double worst = 0;
        for (int k = 0; k <= 400_000; k++) {
            double db = -200 + k * 1e-3;
            double g = DspMath.dbToGain(db);
            worst = Math.max(worst, Math.abs(DspMath.fastGainToDb(g) - db));
            worst = Math.max(worst, Math.abs(DspMath.gainToDb(DspMath.fastDbToGain(db)) - db));
        }
        assertThat(worst).isLessThan(1.2e-5);
    }

    @Test
    void specialValues() {
        assertThat(DspMath.fastLog2(1.0)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(2e-6));
        assertThat(DspMath.fastLog2(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(DspMath.fastLog2(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DspMath.fastLog2(Double.NaN)).isNaN();
        assertThat(DspMath.fastLog2(-1.0)).isNaN();
        assertThat(DspMath.fastLog2(Double.MIN_VALUE)).isLessThan(-1022);
        assertThat(DspMath.fastExp2(0.0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(DspMath.fastExp2(-2000)).isEqualTo(0.0);
        assertThat(DspMath.fastExp2(2000)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DspMath.fastExp2(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(DspMath.fastExp2(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DspMath.fastExp2(Double.NaN)).isNaN();
        // exact powers of two stay monotonic across the binade boundary
        assertThat(DspMath.fastExp2(Math.nextDown(3.0))).isLessThanOrEqualTo(DspMath.fastExp2(3.0) * (1 + 1e-7));
    }
}
