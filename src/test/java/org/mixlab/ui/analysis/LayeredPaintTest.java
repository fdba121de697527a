package org.mixlab.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.ui.Theme;
import org.mixlab.ui.widgets.LevelMeter;

/**
 * The cached layers behind the per-frame views: XChart's static layer is rendered once per size and theme, the
 * curves land where XChart would draw them, the level meter asks for a repaint only when a drawn pixel moves, and
 * the goniometer's dots are set straight into its raster. Components are painted into images, never shown.
 */
@Tag("gui")
class LayeredPaintTest {
    private static <T> T onEdt(Callable<T> c) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> err = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                out.set(c.call());
            } catch (Exception e) {
                err.set(e);
            }
        });
        if (err.get() != null) {
            throw err.get();
        }
        return out.get();
    }

    @AfterEach
    void lightTheme() throws Exception {
        onEdt(() -> {
            Theme.install(false);
            return null;
        });
    }

    private static BufferedImage paint(SpectrumPanel p, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        p.paintLayers(g, w, h);
        g.dispose();
        return img;
    }

    /** Share of the plot's pixels that have the colour {@code rgb}. */
    private static double share(BufferedImage img, LayeredChart c, Color rgb) {
        int n = 0;
        int same = 0;
        for (int y = (int) c.plotYPx() + 2; y < c.plotYPx() + c.plotHeightPx() - 2; y++) {
            for (int x = (int) c.plotXPx() + 2; x < c.plotXPx() + c.plotWidthPx() - 2; x++) {
                n++;
                if ((img.getRGB(x, y) & 0xffffff) == (rgb.getRGB() & 0xffffff)) {
                    same++;
                }
            }
        }
        return same / (double) n;
    }

    @Test
    void spectrumBackdropIsRenderedOncePerSizeAndAgainAfterAThemeChange() throws Exception {
        onEdt(() -> {
            Theme.install(false);
            SpectrumPanel p = new SpectrumPanel(null, new SpectrumAnalyzer());
            for (int i = 0; i < 10; i++) {
                paint(p, 400, 260);
            }
            assertThat(p.backdropRenders()).isEqualTo(1);
            paint(p, 420, 260);
            assertThat(p.backdropRenders()).isEqualTo(2);
            BufferedImage light = paint(p, 420, 260);
            LayeredChart c = (LayeredChart) p.chart();
            Color lightPlot = Theme.color("MixLab.plot.background");
            assertThat(share(light, c, lightPlot)).isGreaterThan(0.6);
            Theme.install(true);
            SwingUtilities.updateComponentTreeUI(p);
            BufferedImage dark = paint(p, 420, 260);
            assertThat(p.backdropRenders()).isEqualTo(3);
            assertThat(share(dark, c, Theme.color("MixLab.plot.background"))).isGreaterThan(0.6);
            assertThat(share(dark, c, lightPlot)).isLessThan(0.1);
            return null;
        });
    }

    /** The row where column {@code x} of {@code img} is most unlike the plot background, between the plot edges. */
    private static int inkRow(BufferedImage img, LayeredChart c, int x) {
        int bg = Theme.color("MixLab.plot.background").getRGB();
        int best = -1;
        int bestDiff = -1;
        for (int y = (int) c.plotYPx() + 1; y < c.plotYPx() + c.plotHeightPx() - 1; y++) {
            int p = img.getRGB(x, y);
            int diff = Math.abs(((p >> 16) & 0xff) - ((bg >> 16) & 0xff)) + Math.abs(((p >> 8) & 0xff)
                    - ((bg >> 8) & 0xff)) + Math.abs((p & 0xff) - (bg & 0xff));
            if (diff > bestDiff) {
                bestDiff = diff;
                best = y;
            }
        }
        return best;
    }

    @Test
    void curvesLandWhereXChartDrawsThem() throws Exception {
        onEdt(() -> {
            Theme.install(false);
            SpectrumAnalyzer a = new SpectrumAnalyzer();
            SpectrumPanel p = new SpectrumPanel(null, a);
            Arrays.fill(a.levels(), -33.0);
            Arrays.fill(a.peaks(), -33.0);
            BufferedImage layered = paint(p, 400, 260);
            LayeredChart c = (LayeredChart) p.chart();
            c.updateXYSeries(SpectrumPanel.MIX, a.frequencies(), a.levels(), null);
            c.updateXYSeries(SpectrumPanel.PEAK, a.frequencies(), a.peaks(), null);
            BufferedImage xchart = new BufferedImage(400, 260, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = xchart.createGraphics();
            c.paint(g, 400, 260);
            g.dispose();
            int x = (int) c.pixelX(1000);
            assertThat(x).isBetween((int) c.plotXPx(), (int) (c.plotXPx() + c.plotWidthPx()));
            double expected = c.pixelY(-33.0);
            assertThat((double) inkRow(layered, c, x)).isCloseTo(expected, within(1.0));
            assertThat((double) inkRow(xchart, c, x)).isCloseTo(expected, within(1.0));
            return null;
        });
    }

    @Test
    void onAScreenAt200PercentTheLayersHaveTwiceThePixels() throws Exception {
        onEdt(() -> {
            Theme.install(false);
            SpectrumAnalyzer a = new SpectrumAnalyzer();
            SpectrumPanel p = new SpectrumPanel(null, a);
            Arrays.fill(a.levels(), -33.0);
            paint(p, 400, 260);
            LayeredChart c = (LayeredChart) p.chart();
            double rowAt1 = c.pixelY(-33.0);
            double plotWidthAt1 = c.plotWidthPx();
            BufferedImage hi = new BufferedImage(800, 520, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = hi.createGraphics();
            g.scale(2, 2);
            p.paintLayers(g, 400, 260);
            g.dispose();
            assertThat(p.backdropRenders()).isEqualTo(2);
            assertThat(c.plotWidthPx()).isCloseTo(2 * plotWidthAt1, within(1.0)); // XChart lays out with scaled font metrics
            assertThat(c.pixelY(-33.0)).isCloseTo(2 * rowAt1, within(1.0));
            int x = (int) c.pixelX(1000);
            assertThat((double) inkRow(hi, c, x)).isCloseTo(c.pixelY(-33.0), within(1.5));
            return null;
        });
    }

    @Test
    void levelMeterRepaintsOnlyWhenADrawnPixelMoves() throws Exception {
        onEdt(() -> {
            Theme.install(false);
            LevelMeter m = new LevelMeter(1, false);
            m.setSize(9, 206); // 194 px for 60 dB: about 3.2 px a dB
            m.setLevel(-20);
            long first = m.repaints();
            assertThat(first).isEqualTo(1);
            m.setLevel(-20.05);
            m.setLevel(-20.02);
            assertThat(m.repaints()).as("a twentieth of a dB moves nothing").isEqualTo(first);
            m.setLevel(-10);
            assertThat(m.repaints()).isEqualTo(first + 1);
            long before = m.repaints();
            for (int i = 0; i < 200; i++) {
                m.setLevel(-10);
            }
            assertThat(m.repaints()).as("a steady level").isEqualTo(before);
            for (int i = 0; i < 200; i++) {
                m.setLevel(Double.NEGATIVE_INFINITY);
            }
            // the bar falls 0.9 dB (about 3 px) a frame to the floor, the hold line waits 45 frames then falls too
            // (about 100 frames in all, each moving a pixel); then nothing moves
            long fallen = m.repaints();
            assertThat(fallen - before).isBetween(90L, 110L);
            for (int i = 0; i < 100; i++) {
                m.setLevel(Double.NEGATIVE_INFINITY);
            }
            assertThat(m.repaints()).as("silence at the floor").isEqualTo(fallen);
            return null;
        });
    }

    @Test
    void goniometerSetsItsDotsInTheRasterAndKeepsItsScale() throws Exception {
        onEdt(() -> {
            Theme.install(false);
            Goniometer gonio = new Goniometer();
            gonio.setSize(132, 132);
            MeterSnapshot s = new MeterSnapshot();
            s.gonioCount = 1;
            s.gonioMid[0] = 0.5f;
            s.gonioSide[0] = 0f;
            gonio.setPoints(s);
            BufferedImage img = new BufferedImage(132, 132, BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i < 5; i++) {
                Graphics2D g = img.createGraphics();
                gonio.paint(g);
                g.dispose();
            }
            assertThat(gonio.scaleRenders()).isEqualTo(1);
            int dot = Theme.color("MixLab.gonio.color").getRGB() | 0xff000000;
            // mid 0.5 is half the radius (132 / 2 - 12 = 54 px) above the centre (66, 66)
            assertThat(img.getRGB(66, 66 - 27)).isEqualTo(dot);
            assertThat(img.getRGB(67, 66 - 26)).isEqualTo(dot);
            assertThat(img.getRGB(66 + 20, 66 - 40)).isNotEqualTo(dot);
            gonio.setSize(140, 132);
            Graphics2D g = img.createGraphics();
            gonio.paint(g);
            g.dispose();
            assertThat(gonio.scaleRenders()).isEqualTo(2);
            return null;
        });
    }

    @Test
    void loudnessHistoryLeavesAGapWhereNothingWasMeasuredYet() throws Exception {
        onEdt(() -> {
            Theme.install(false);
            LoudnessHistoryPanel p = new LoudnessHistoryPanel();
            LayeredChart c = (LayeredChart) p.chart();
            int w = 420;
            int h = 180;
            BufferedImage before = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = before.createGraphics();
            p.paintLayers(g, w, h);
            g.dispose();
            BufferedImage back = c.backdrop(w, h, 1.0);
            MeterSnapshot s = new MeterSnapshot();
            s.momentaryLufs = -20;
            s.shortTermLufs = -21;
            p.onFrame(s, true);
            assertThat(p.samples()).isEqualTo(1);
            BufferedImage after = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            g = after.createGraphics();
            p.paintLayers(g, w, h);
            g.dispose();
            int differBefore = 0;
            int differAfterLeft = 0;
            for (int y = (int) c.plotYPx(); y < c.plotYPx() + c.plotHeightPx(); y++) {
                for (int x = (int) c.plotXPx(); x < c.plotXPx() + c.plotWidthPx() * 0.9; x++) {
                    differBefore += before.getRGB(x, y) != back.getRGB(x, y) ? 1 : 0;
                    differAfterLeft += after.getRGB(x, y) != back.getRGB(x, y) ? 1 : 0;
                }
            }
            assertThat(differBefore).as("no curve before the first measurement").isZero();
            assertThat(differAfterLeft).as("no line along the floor to the left of the first sample").isZero();
            assertThat(p.latestShortTerm()).isEqualTo(-21.0);
            s.shortTermLufs = Double.NEGATIVE_INFINITY; // silence: a gap, not a line down to the floor
            p.sample(s);
            assertThat(p.samples()).isEqualTo(2);
            assertThat(p.latestShortTerm()).isNaN();
            return null;
        });
    }
}
