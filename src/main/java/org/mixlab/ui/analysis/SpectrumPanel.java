package org.mixlab.ui.analysis;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
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
 * heard output (smoothed), its peak hold and, when there is one, the reference's long-term spectrum.
 */
public class SpectrumPanel extends JPanel implements FrameClock.Listener {
    /** Series names (also shown in the legend). */
    public static final String MIX = "Output";
    /** Peak-hold series. */
    public static final String PEAK = "Peak hold";
    /** Reference series. */
    public static final String REFERENCE = "Reference";

    private final SpectrumAnalyzer analyzer;
    private final org.mixlab.engine.live.MixEngine engine;
    private final XYChart chart;
    private final XChartPanel<XYChart> chartPanel;
    private final double[] refShown = new double[SpectrumAnalyzer.POINTS];
    private boolean referenceVisible;
    private long frames;

    /** A panel showing {@code analyzer}, which it updates from {@code engine} on every frame. */
    public SpectrumPanel(org.mixlab.engine.live.MixEngine engine, SpectrumAnalyzer analyzer) {
        super(new BorderLayout());
        this.engine = engine;
        this.analyzer = analyzer;
        chart = new XYChart(420, 240);
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
        chartPanel = new XChartPanel<>(chart);
        chartPanel.setName("spectrumChart");
        chartPanel.setToolTipText("Click to clear the peak hold");
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
        chartPanel.repaint();
    }

    /** The analyzer behind the plot. */
    public SpectrumAnalyzer analyzer() {
        return analyzer;
    }

    /** The chart (tests read its series). */
    public XYChart chart() {
        return chart;
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
            System.arraycopy(analyzer.referenceLevels(), 0, refShown, 0, refShown.length);
            chart.updateXYSeries(REFERENCE, f, refShown, null);
        }
        if (analyzer.hasReference() != referenceVisible) {
            referenceVisible = analyzer.hasReference();
            chart.getSeriesMap().get(REFERENCE).setEnabled(referenceVisible);
        }
        frames++;
        chartPanel.repaint();
    }
}
