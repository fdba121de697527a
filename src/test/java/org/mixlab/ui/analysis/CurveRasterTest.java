package org.mixlab.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The antialiased polyline rasteriser used for the per-frame curves (pixels only, no windows). */
class CurveRasterTest {
    private static final int W = 60;
    private static final int H = 40;
    private static final int WHITE = 0xffffffff;
    private static final int BLUE = 0x0000ff;

    private static int[] white() {
        int[] p = new int[W * H];
        Arrays.fill(p, WHITE);
        return p;
    }

    /** How much of pixel (x, y) is blue, 0 to 1, from its red channel (white = 0, blue = 1). */
    private static double ink(int[] p, int x, int y) {
        return 1 - ((p[y * W + x] >> 16) & 0xff) / 255.0;
    }

    private static double totalInk(int[] p) {
        double sum = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                sum += ink(p, x, y);
            }
        }
        return sum;
    }

    @Test
    void aHorizontalLineTwoPixelsWideOnAPixelEdgeFillsTwoRowsExactly() {
        int[] p = white();
        new CurveRaster().draw(p, W, H, 0, 0, W, H, new float[] {10, 30}, new float[] {20, 20}, 2, 2f, BLUE);
        for (int x = 12; x < 28; x++) {
            assertThat(p[19 * W + x]).as("row 19, x %d", x).isEqualTo(0xff0000ff);
            assertThat(p[20 * W + x]).as("row 20, x %d", x).isEqualTo(0xff0000ff);
            assertThat(p[18 * W + x]).isEqualTo(WHITE);
            assertThat(p[21 * W + x]).isEqualTo(WHITE);
        }
    }

    @Test
    void inkMatchesTheStrokesAreaAtAnyAngle() {
        for (double angle : new double[] {0, 0.3, 0.785, 1.2, 1.5708}) {
            int[] p = white();
            float len = 20;
            float cx = 30;
            float cy = 20;
            float dx = (float) (Math.cos(angle) * len / 2);
            float dy = (float) (Math.sin(angle) * len / 2);
            new CurveRaster().draw(p, W, H, 0, 0, W, H, new float[] {cx - dx, cx + dx},
                    new float[] {cy - dy, cy + dy}, 2, 1.6f, BLUE);
            // a 1.6 px band 20 px long plus a round cap at each end (half a disc each)
            double expected = 1.6 * len + Math.PI * 0.8 * 0.8;
            assertThat(totalInk(p)).as("angle %.2f", angle).isCloseTo(expected, within(expected * 0.12));
        }
    }

    @Test
    void overlappingSegmentsDoNotDarkenTheJoinsAndNothingLeaksOutOfTheClip() {
        int[] p = white();
        float[] x = {5, 25.5f, 26.5f, 45};
        float[] y = {35, 5.5f, 5.5f, 35};
        new CurveRaster().draw(p, W, H, 10, 0, 40, H, x, y, 4, 1.6f, BLUE);
        for (int yy = 0; yy < H; yy++) {
            for (int xx = 0; xx < W; xx++) {
                double ink = ink(p, xx, yy);
                assertThat(ink).isBetween(0.0, 1.0);
                if (xx < 10 || xx >= 40) {
                    assertThat(p[yy * W + xx]).as("outside the clip at %d,%d", xx, yy).isEqualTo(WHITE);
                }
            }
        }
        // the 1.6 px band centred on row 5 covers it fully at the joins, and only a fifth of the rows beside it
        assertThat(ink(p, 25, 5)).isGreaterThan(0.97);
        assertThat(ink(p, 26, 5)).isGreaterThan(0.97);
        assertThat(ink(p, 26, 4)).isBetween(0.2, 0.35);
    }

    @Test
    void pointsFarOutsideOrNotANumberDrawOnlyTheSegmentsThatCanBeDrawn() {
        int[] p = white();
        float[] x = {5, 20, Float.NaN, 40, 1e30f, 50};
        float[] y = {20, 20, 20, Float.NEGATIVE_INFINITY, 20, 20};
        new CurveRaster().draw(p, W, H, 0, 0, W, H, x, y, 6, 1f, BLUE);
        assertThat(ink(p, 10, 19)).isCloseTo(0.5, within(0.01)); // the first segment, on the edge of rows 19/20
        assertThat(ink(p, 10, 20)).isCloseTo(0.5, within(0.01));
        assertThat(ink(p, 45, 30)).isEqualTo(0.0);
    }

    @Test
    void aSecondDrawStartsFromCleanCoverage() {
        CurveRaster r = new CurveRaster();
        float[] x = {2, 50};
        float[] y = {3, 30};
        int[] first = white();
        r.draw(first, W, H, 0, 0, W, H, x, y, 2, 1f, BLUE);
        int touched = r.lastTouchedCount();
        int[] second = white();
        r.draw(second, W, H, 0, 0, W, H, x, y, 2, 1f, BLUE);
        assertThat(second).isEqualTo(first);
        assertThat(r.lastTouchedCount()).isEqualTo(touched).isGreaterThan(48);
    }
}
