package org.mixlab.ui.editor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import javax.swing.JComponent;
import org.mixlab.ui.Theme;
import org.mixlab.ui.widgets.ParamModel;

/**
 * The compressor's static curve: output level against input level (-60 to 0 dB) with the threshold marked, the
 * 1:1 line for comparison and a live dot showing where the signal sits on the curve, found from the measured gain
 * reduction.
 */
public class CompressorCurveView extends JComponent {
    /** Lowest level drawn, dB. */
    public static final double LO_DB = -60;
    private static final double HI_DB = 0;

    private final DoubleUnaryOperator curve;
    private final Map<String, ParamModel> models;
    private final PlotGeometry geo = new PlotGeometry();
    private double gainReductionDb;
    private Color bg;
    private Color grid;
    private Color strong;
    private Color label;
    private Color curveColor;
    private Color identity;
    private Color threshold;
    private Color dot;
    private Font font;

    /** A view of {@code curve} (input dB to output dB); {@code models} supplies "thresholdDb" when present. */
    public CompressorCurveView(DoubleUnaryOperator curve, Map<String, ParamModel> models) {
        this.curve = curve;
        this.models = models;
        for (ParamModel m : models.values()) {
            m.addViewListener(this::repaint);
        }
        setName("compressorCurve");
        getAccessibleContext().setAccessibleName("Compressor curve");
        getAccessibleContext().setAccessibleDescription("Output level against input level; the dot is the signal now");
        updateUI();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        bg = Theme.color("MixLab.plot.background");
        grid = Theme.color("MixLab.grid.color");
        strong = Theme.color("MixLab.grid.strongColor");
        label = Theme.color("MixLab.grid.label");
        curveColor = Theme.color("MixLab.curve.color");
        identity = Theme.color("MixLab.curve.identity");
        threshold = Theme.color("MixLab.curve.threshold");
        dot = Theme.color("MixLab.curve.liveDot");
        font = Theme.font(0.78f, Font.PLAIN);
    }

    /** Sets the measured gain reduction (dB, 0 or more) that places the live dot. */
    public void setGainReductionDb(double db) {
        double v = Double.isFinite(db) ? Math.max(0, db) : 0;
        if (v != gainReductionDb) {
            gainReductionDb = v;
            repaint();
        }
    }

    /** The input level (dB) at which the curve reduces gain by {@code grDb}, or NaN when it never does. */
    public double inputForReduction(double grDb) {
        double makeup = curve.applyAsDouble(-120) + 120;
        for (double in = LO_DB; in <= 12; in += 0.25) {
            double gr = in + makeup - curve.applyAsDouble(in);
            if (gr >= grDb) {
                return in;
            }
        }
        return Double.NaN;
    }

    @Override
    public Dimension getPreferredSize() {
        return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(260, 240);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int size = Math.min(getWidth() - 34, getHeight() - 20);
        geo.layout(size + 34 + 10, size + 8 + 20, 34, 20);
        var a = geo.area;
        g.setColor(bg);
        g.fillRect(a.x, a.y, a.width, a.height);
        geo.drawXGrid(g, LO_DB, HI_DB, 12, grid, strong, label, font);
        geo.drawYGrid(g, LO_DB, HI_DB, 12, grid, strong, label, font, "");
        g.setClip(a);
        g.setColor(identity);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 3f}, 0f));
        g.draw(new Line2D.Double(geo.xOf(LO_DB, LO_DB, HI_DB), geo.yOf(LO_DB, LO_DB, HI_DB),
                geo.xOf(HI_DB, LO_DB, HI_DB), geo.yOf(HI_DB, LO_DB, HI_DB)));
        ParamModel th = models.get("thresholdDb");
        if (th != null) {
            double x = geo.xOf(th.value(), LO_DB, HI_DB);
            g.setColor(threshold);
            g.draw(new Line2D.Double(x, a.y, x, a.y + a.height));
        }
        Path2D p = new Path2D.Double();
        for (int i = 0; i <= 240; i++) {
            double in = LO_DB + i * (HI_DB - LO_DB) / 240;
            double out = curve.applyAsDouble(in);
            double x = geo.xOf(in, LO_DB, HI_DB);
            double y = geo.yOf(out, LO_DB, HI_DB);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        g.setColor(curveColor);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p);
        if (gainReductionDb > 0.1) {
            double in = inputForReduction(gainReductionDb);
            if (!Double.isNaN(in)) {
                double x = geo.xOf(in, LO_DB, HI_DB);
                double y = geo.yOf(curve.applyAsDouble(in), LO_DB, HI_DB);
                g.setColor(dot);
                g.fill(new Ellipse2D.Double(x - 5, y - 5, 10, 10));
            }
        }
        g.setClip(null);
        g.setColor(strong);
        g.drawRect(a.x, a.y, a.width, a.height);
        g.dispose();
    }

    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.CANVAS;
                }
            };
        }
        return accessibleContext;
    }
}
