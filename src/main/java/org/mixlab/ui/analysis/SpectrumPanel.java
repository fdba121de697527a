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
 * The spectrum analyser: an XChart plot with a log frequency axis (20 Hz to 20 kHz) and a dB axis, showing the
 * heard output (smoothed), its peak hold and, when there is one, the reference's long-term spectrum, moved to the
 * loudness it is heard at when loudness matching is on.
 * XChart renders the grid, axes, labels and legend once per size or theme change ({@link LayeredChart}); the
 * reference curve is added to that image when it changes (a few times a second), and only the output and
 * peak-hold curves are drawn every frame, as two decimated paths with the series' own colours and strokes.
 */
public class SpectrumPanel extends JPanel implements FrameClock.Listener {
    /** Series names (also shown in the legend). */
    public static final String MIX = "Output";
    /** Peak-hold series. */
    public static final String PEAK = "Peak hold";
    /** Reference series. */
    public static final String REFERENCE = "Reference";

    private static final String CLICK_TIP = "Click to clear the peak hold";

    private final SpectrumAnalyzer analyzer;
    private double shownShiftDb;
    private final org.mixlab.engine.live.MixEngine engine;
    private final LayeredChart chart;
    private final XChartPanel<XYChart> chartPanel;
    private final double[] refShown = new double[SpectrumAnalyzer.POINTS];
    private boolean referenceVisible;
    private long frames;
    private final float[] xPx = new float[SpectrumAnalyzer.POINTS];
    private final float[] yPx = new float[SpectrumAnalyzer.POINTS];
    private final PixelCurve curve = new PixelCurve(SpectrumAnalyzer.POINTS);
    private BufferedImage withReference;
    private long composedFromRender = -1;
    private boolean referenceDirty = true;

    /** A panel showing {@code analyzer}, which it updates from {@code engine} on every frame. */
    public SpectrumPanel(org.mixlab.engine.live.MixEngine engine, SpectrumAnalyzer analyzer) {
        super(new BorderLayout());
        this.engine = engine;
        this.analyzer = analyzer;
        chart = new LayeredChart(420, 240);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(SpectrumAnalyzer.MIN_HZ);
        chart.getStyler().setXAxisMax(SpectrumAnalyzer.MAX_HZ);
        chart.getStyler().setYAxisMin(-90.0);
        chart.getStyler().setYAxisMax(0.0);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setyAxisTickLabelsFormattingFunction(v -> String.format(java.util.Locale.ROOT, "%.0f", v));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setLegendSeriesLineLength(12);
        chart.getStyler().setLegendPadding(3);
        double[] f = analyzer.frequencies();
        System.arraycopy(analyzer.referenceLevels(), 0, refShown, 0, refShown.length);
        XYSeries ref = chart.addSeries(REFERENCE, f, refShown);
        ref.setMarker(SeriesMarkers.NONE);
        XYSeries pk = chart.addSeries(PEAK, f, analyzer.peaks());
        pk.setMarker(SeriesMarkers.NONE);
        XYSeries mix = chart.addSeries(MIX, f, analyzer.levels());
        mix.setMarker(SeriesMarkers.NONE);
        ref.setEnabled(false);
        chartPanel = new XChartPanel<>(chart) {
            @Override
            protected void paintComponent(Graphics g) {
                paintLayers((Graphics2D) g, getWidth(), getHeight());
            }
        };
        chartPanel.setName("spectrumChart");
        chartPanel.setToolTipText(CLICK_TIP);
        chartPanel.addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseClicked(java.awt.event.MouseEvent e) {
                analyzer.resetPeaks();
            }
        });
        add(chartPanel, BorderLayout.CENTER);
        setName("spectrum");
        getAccessibleContext().setAccessibleName("Spectrum analyser");
        getAccessibleContext().setAccessibleDescription("Level of the output by frequency, 20 Hz to 20 kHz, in dB");
        chartPanel.getAccessibleContext().setAccessibleName("Spectrum chart");
        chartPanel.getAccessibleContext().setAccessibleDescription("Frequency spectrum plot");
        setPreferredSize(new Dimension(420, 250));
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
        Color mix = Theme.color("MixLab.spectrum.color");
        chart.getStyler().setSeriesColors(new Color[] {Theme.color("MixLab.reference.color"),
                Theme.color("MixLab.spectrum.peakColor"), Theme.color("MixLab.spectrum.fill")});
        chart.getSeriesMap().get(MIX).setLineColor(mix);
        chart.getSeriesMap().get(MIX).setFillColor(Theme.color("MixLab.spectrum.fill"));
        chart.getSeriesMap().get(MIX).setLineWidth(1.6f);
        chart.getSeriesMap().get(PEAK).setLineColor(Theme.color("MixLab.spectrum.peakColor"));
        chart.getSeriesMap().get(PEAK).setLineStyle(new BasicStroke(1f));
        chart.getSeriesMap().get(REFERENCE).setLineColor(Theme.color("MixLab.reference.color"));
        chart.getSeriesMap().get(REFERENCE).setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 3f}, 0f));
        chartPanel.setBackground(Theme.color("MixLab.panel.background"));
        chart.invalidateBackdrop();
        chartPanel.repaint();
    }

    /**
     * Paints the chart at {@code widthPx} x {@code heightPx}: the cached backdrop (with the reference curve when
     * shown), then the peak-hold and output curves clipped to the plot, then the legend box again on top, as XChart
     * draws its legend over the curves.
     */
    void paintLayers(Graphics2D g, int widthPx, int heightPx) {
        long renders = chart.backdropRenders();
        BufferedImage back = chart.backdrop(widthPx, heightPx, LayeredChart.deviceScale(g));
        if (chart.backdropRenders() != renders) {
            double[] f = analyzer.frequencies();
            for (int i = 0; i < xPx.length; i++) {
                xPx[i] = (float) chart.pixelX(f[i]);
            }
        }
        if (referenceVisible) {
            back = composeReference(back, chart.backdropRenders() != composedFromRender || referenceDirty);
        }
        chart.beginFrame(back);
        chart.drawSeriesOnFrame(PEAK, xPx, analyzer.peaks(), yPx, curve);
        chart.drawSeriesOnFrame(MIX, xPx, analyzer.levels(), yPx, curve);
        g.drawImage(chart.endFrame(back), 0, 0, widthPx, heightPx, null);
    }

    /** The backdrop with the reference curve, redrawn only when the backdrop or the reference changed. */
    private BufferedImage composeReference(BufferedImage back, boolean stale) {
        int w = back.getWidth();
        int h = back.getHeight();
        if (withReference == null || withReference.getWidth() != w || withReference.getHeight() != h) {
            withReference = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            stale = true;
        }
        if (stale) {
            Graphics2D g = withReference.createGraphics();
            try {
                g.drawImage(back, 0, 0, null);
                chart.clipToPlot(g);
                chart.drawSeries(g, REFERENCE, xPx, refShown, yPx, curve);
            } finally {
                g.dispose();
            }
            composedFromRender = chart.backdropRenders();
            referenceDirty = false;
        }
        return withReference;
    }

    /**
     * dB added to the reference curve so that it sits where it is heard: with loudness matching on, the reference's
     * match offset minus the heard source's (both curves then compare at equal loudness, as the ear does in the A/B);
     * 0 with matching off, while the reference itself is heard, or without an engine.
     */
    static double referenceShiftDb(org.mixlab.engine.live.MixEngine engine) {
        if (engine == null || !engine.isLoudnessMatch()) {
            return 0;
        }
        org.mixlab.engine.live.Source heard = engine.source();
        if (heard == org.mixlab.engine.live.Source.REFERENCE) {
            return 0;
        }
        double d = engine.matchOffsetDb(org.mixlab.engine.live.Source.REFERENCE) - engine.matchOffsetDb(heard);
        return Double.isFinite(d) ? d : 0;
    }

    /** The reference curve as drawn, dB at {@link SpectrumAnalyzer#frequencies()} (shifted, see above). */
    public double[] referenceShown() {
        return refShown.clone();
    }

    /** The analyzer behind the plot. */
    public SpectrumAnalyzer analyzer() {
        return analyzer;
    }

    /** The chart (tests read its series). */
    public XYChart chart() {
        return chart;
    }

    /** Times XChart rendered the static layer (grid, axes, labels, legend) since the panel was made. */
    public long backdropRenders() {
        return chart.backdropRenders();
    }

    /** Frames that repainted the chart. */
    public long frames() {
        return frames;
    }

    @Override
    public void onFrame(MeterSnapshot meters, boolean playing) {
        if (!analyzer.update(engine) || !isShowing()) {
            return;
        }
        double[] f = analyzer.frequencies();
        chart.updateXYSeries(MIX, f, analyzer.levels(), null);
        chart.updateXYSeries(PEAK, f, analyzer.peaks(), null);
        if (analyzer.hasReference()) {
            double shift = referenceShiftDb(engine);
            double[] ref = analyzer.referenceLevels();
            boolean same = true;
            for (int i = 0; i < refShown.length && same; i++) {
                same = refShown[i] == ref[i] + shift;
            }
            if (!same) {
                for (int i = 0; i < refShown.length; i++) {
                    refShown[i] = ref[i] + shift;
                }
                chart.updateXYSeries(REFERENCE, f, refShown, null);
                referenceDirty = true;
            }
            if (shift != shownShiftDb) {
                shownShiftDb = shift;
                chartPanel.setToolTipText(shift == 0 ? CLICK_TIP : String.format(java.util.Locale.ROOT,
                        "<html>%s<br>The reference is drawn %+.1f dB, at the loudness you hear it at "
                                + "(loudness matching)</html>", CLICK_TIP, shift));
            }
        }
        if (analyzer.hasReference() != referenceVisible) {
            referenceVisible = analyzer.hasReference();
            chart.getSeriesMap().get(REFERENCE).setEnabled(referenceVisible);
            chart.invalidateBackdrop();
        }
        frames++;
        chartPanel.repaint();
    }
}
