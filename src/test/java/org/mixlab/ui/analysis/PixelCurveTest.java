package org.mixlab.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Decimation of curve points to pixel columns (no windows). */
class PixelCurveTest {
    @Test
    void pointsFartherApartThanAPixelAreKeptUnchanged() {
        float[] x = {0.5f, 2.5f, 4.5f, 6.5f};
        float[] y = {10f, 3f, 8f, 1f};
        float[] ox = new float[4];
        float[] oy = new float[4];
        assertThat(PixelCurve.decimate(x, y, 4, ox, oy)).isEqualTo(4);
        assertThat(ox).containsExactly(x);
        assertThat(oy).containsExactly(y);
    }

    @Test
    void eachColumnKeepsItsHighestAndLowestPointInOrder() {
        // 1024 points over 100 pixel columns, a fast sine: every column has about 10 points
        int n = 1024;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 100f / n;
            y[i] = (float) (50 + 40 * Math.sin(i * 0.7));
        }
        float[] ox = new float[n];
        float[] oy = new float[n];
        int kept = PixelCurve.decimate(x, y, n, ox, oy);
        assertThat(kept).isLessThanOrEqualTo(200).isGreaterThanOrEqualTo(100);
        for (int column = 0; column < 100; column++) {
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if ((int) Math.floor(x[i]) == column) {
                    min = Math.min(min, y[i]);
                    max = Math.max(max, y[i]);
                }
            }
            float keptMin = Float.MAX_VALUE;
            float keptMax = -Float.MAX_VALUE;
            int inColumn = 0;
            for (int k = 0; k < kept; k++) {
                if ((int) Math.floor(ox[k]) == column) {
                    keptMin = Math.min(keptMin, oy[k]);
                    keptMax = Math.max(keptMax, oy[k]);
                    inColumn++;
                }
            }
            assertThat(inColumn).as("column %d", column).isBetween(1, 2);
            assertThat(keptMin).as("column %d min", column).isEqualTo(min);
            assertThat(keptMax).as("column %d max", column).isEqualTo(max);
        }
        for (int k = 1; k < kept; k++) {
            assertThat(ox[k]).isGreaterThanOrEqualTo(ox[k - 1]);
        }
    }

    @Test
    void theSpectrumsPointsAtTheDocksWidthNeedNoDecimationButANarrowPlotHalvesThem() {
        PixelCurve curve = new PixelCurve(SpectrumAnalyzer.POINTS);
        SpectrumAnalyzer a = new SpectrumAnalyzer();
        float[] x = new float[SpectrumAnalyzer.POINTS];
        float[] y = new float[SpectrumAnalyzer.POINTS];
        double[] f = a.frequencies();
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (40 + Math.log10(f[i] / f[0]) / 3 * 380); // log axis 380 px wide
            y[i] = i % 2 == 0 ? 10 : 200;
        }
        assertThat(curve.decimate(x, y, x.length)).isEqualTo(SpectrumAnalyzer.POINTS);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (40 + Math.log10(f[i] / f[0]) / 3 * 64); // 64 px wide
        }
        assertThat(curve.decimate(x, y, x.length)).isLessThanOrEqualTo(2 * 65);
        assertThat(curve.build(x, y, x.length).getBounds2D().getHeight()).isEqualTo(190.0);
    }
}
