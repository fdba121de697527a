package org.mixlab.ui.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;
import org.mixlab.ui.Theme;

/** Shared XChart styling so every chart in the app looks the same and follows the theme. */
final class Charts {
    private Charts() {}

    /** Applies the theme's plot colours and fonts to {@code chart}. */
    static void style(XYChart chart) {
        XYStyler s = chart.getStyler();
        Color bg = Theme.color("MixLab.panel.background");
        s.setChartBackgroundColor(bg);
        s.setPlotBackgroundColor(Theme.color("MixLab.plot.background"));
        s.setPlotBorderColor(Theme.color("MixLab.plot.border"));
        s.setPlotBorderVisible(true);
        s.setPlotGridLinesColor(Theme.color("MixLab.grid.color"));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setAxisTickLabelsColor(Theme.color("MixLab.grid.label"));
        s.setAxisTickMarksColor(Theme.color("MixLab.plot.border"));
        s.setAxisTickLabelsFont(Theme.font(0.8f, Font.PLAIN));
        s.setAxisTitleFont(Theme.font(0.8f, Font.PLAIN));
        s.setChartFontColor(Theme.color("MixLab.label.secondary"));
        s.setLegendFont(Theme.font(0.8f, Font.PLAIN));
        s.setLegendBackgroundColor(Theme.color("MixLab.plot.background"));
        s.setLegendBorderColor(Theme.color("MixLab.plot.border"));
        s.setChartTitleVisible(false);
        s.setAxisTitlesVisible(false);
        s.setChartPadding(4);
        s.setPlotMargin(0);
        s.setAxisTickPadding(3);
        s.setAxisTickMarkLength(3);
        s.setPlotContentSize(1.0);
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
        s.setMarkerSize(0);
    }
}
