package org.mixlab.ui.analysis;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.swing.JPanel;
import org.knowm.xchart.XChartPanel;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.ui.FrameClock;
import org.mixlab.ui.Theme;

/**
 * The last 60 seconds of momentary and short-term loudness (LUFS), sampled ten times a second while playing,
 * drawn with XChart. Time runs from -60 s (left) to now (right). XChart renders the grid, axes, labels and legend
 * once per size or theme change ({@link LayeredChart}); each new sample redraws only the two curves on top.
 */
public class LoudnessHistoryPanel extends JPanel implements FrameClock.Listener {
    /** Seconds of history. */
    public static final int SECONDS = 60;
    /** Samples per second. */
    public static final int RATE_HZ = 10;
    /** Lowest loudness drawn, LUFS. */
    public static final double FLOOR_LUFS = -48;
    /** Series name of momentary loudness. */
    public static final String MOMENTARY = "Momentary";
    /** Series name of short-term loudness. */
    public static final String SHORT_TERM = "Short-term";

    private static final int N = SECONDS * RATE_HZ;
    private final double[] times = new double[N];
    private final double[] ringM = new double[N];
    private final double[] ringS = new double[N];
    private final double[] showM = new double[N];
    private final double[] showS = new double[N];
    private int head;
    private long samples;
    private long lastSampleNanos;
    private final LayeredChart chart;
    private final XChartPanel<XYChart> chartPanel;
    private final float[] xPx = new float[N];
    private final float[] yPx = new float[N];
    private final PixelCurve curve = new PixelCurve(N);

    /** An empty history. */
    public LoudnessHistoryPanel() {
        super(new BorderLayout());
        for (int i = 0; i < N; i++) {
            times[i] = (i - (N - 1)) / (double) RATE_HZ;
        }
        // no measurement yet: NaN leaves a gap instead of a line along the floor that jumps up at the first sample
        java.util.Arrays.fill(ringM, Double.NaN);
        java.util.Arrays.fill(ringS, Double.NaN);
        java.util.Arrays.fill(showM, Double.NaN);
        java.util.Arrays.fill(showS, Double.NaN);
        chart = new LayeredChart(420, 180);
        chart.getStyler().setXAxisMin((double) -SECONDS);
        chart.getStyler().setXAxisMax(0.0);
        chart.getStyler().setYAxisMin(FLOOR_LUFS);
        chart.getStyler().setYAxisMax(0.0);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> Math.abs(v - Math.rint(v)) < 1e-6
                && Math.rint(v) % 10 == 0 ? String.format(java.util.Locale.ROOT, "%.0f s", v) : " ");
        chart.getStyler().setYAxisDecimalPattern("0");
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setLegendSeriesLineLength(12);
        chart.getStyler().setLegendPadding(3);
        XYSeries m = chart.addSeries(MOMENTARY, times, showM);
        m.setMarker(SeriesMarkers.NONE);
        XYSeries s = chart.addSeries(SHORT_TERM, times, showS);
        s.setMarker(SeriesMarkers.NONE);
        chartPanel = new XChartPanel<>(chart) {
            @Override
            protected void paintComponent(Graphics g) {
                paintLayers((Graphics2D) g, getWidth(), getHeight());
            }
        };
        chartPanel.setName("loudnessChart");
        chartPanel.setToolTipText(null);
        chartPanel.getAccessibleContext().setAccessibleName("Loudness history chart");
        add(chartPanel, BorderLayout.CENTER);
        setName("loudnessHistory");
        getAccessibleContext().setAccessibleName("Loudness history");
        getAccessibleContext().setAccessibleDescription("Momentary and short-term loudness over the last 60 s");
        setPreferredSize(new Dimension(420, 170));
        restyle();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (chart != null) {
            restyle();
        }
    }

    private void restyle() {
        Charts.style(chart);
        setBackground(Theme.color("MixLab.panel.background"));
        chartPanel.setBackground(Theme.color("MixLab.panel.background"));
        Color m = Theme.color("MixLab.lufs.momentaryColor");
        Color s = Theme.color("MixLab.lufs.shortTermColor");
        chart.getStyler().setSeriesColors(new Color[] {m, s});
        chart.getSeriesMap().get(MOMENTARY).setLineColor(m);
        chart.getSeriesMap().get(MOMENTARY).setLineStyle(new BasicStroke(1f));
        chart.getSeriesMap().get(SHORT_TERM).setLineColor(s);
        chart.getSeriesMap().get(SHORT_TERM).setLineStyle(new BasicStroke(2f));
        chart.invalidateBackdrop();
        chartPanel.repaint();
    }

    /** Paints the cached backdrop, then both curves clipped to the plot, then the legend box again on top. */
    void paintLayers(Graphics2D g, int widthPx, int heightPx) {
        long renders = chart.backdropRenders();
        BufferedImage back = chart.backdrop(widthPx, heightPx, LayeredChart.deviceScale(g));
        if (chart.backdropRenders() != renders) {
            for (int i = 0; i < N; i++) {
                xPx[i] = (float) chart.pixelX(times[i]);
            }
        }
        chart.beginFrame(back);
        chart.drawSeriesOnFrame(MOMENTARY, xPx, showM, yPx, curve);
        chart.drawSeriesOnFrame(SHORT_TERM, xPx, showS, yPx, curve);
        g.drawImage(chart.endFrame(back), 0, 0, widthPx, heightPx, null);
    }

    /** Times XChart rendered the static layer (grid, axes, labels, legend) since the panel was made. */
    public long backdropRenders() {
        return chart.backdropRenders();
    }

    /** Number of samples taken. */
    public long samples() {
        return samples;
    }

    /** The newest short-term value drawn, LUFS (NaN before the first sample). */
    public double latestShortTerm() {
        return showS[N - 1];
    }

    /** The chart. */
    public XYChart chart() {
        return chart;
    }

    @Override
    public void onFrame(MeterSnapshot s, boolean playing) {
        long now = System.nanoTime();
        if (!playing || now - lastSampleNanos < 1_000_000_000L / RATE_HZ - 5_000_000L) {
            return;
        }
        lastSampleNanos = now;
        sample(s);
    }

    /** Records one sample of {@code s} now (the frame clock calls it ten times a second while playing). */
    void sample(MeterSnapshot s) {
        ringM[head] = clampLufs(s.momentaryLufs);
        ringS[head] = clampLufs(s.shortTermLufs);
        head = (head + 1) % N;
        samples++;
        for (int i = 0; i < N; i++) {
            int k = (head + i) % N;
            showM[i] = ringM[k];
            showS[i] = ringS[k];
        }
        chart.updateXYSeries(MOMENTARY, times, showM, null);
        chart.updateXYSeries(SHORT_TERM, times, showS, null);
        if (isShowing()) {
            chartPanel.repaint();
        }
    }

    /** A reading as drawn: silence and readings below the floor leave a gap (NaN); above 0 LUFS it is clamped. */
    private static double clampLufs(double v) {
        return v >= FLOOR_LUFS ? Math.min(0, v) : Double.NaN;
    }
}
