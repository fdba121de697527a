package org.mixlab.ui.editor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import javax.swing.JComponent;
import org.mixlab.ui.Theme;
import org.mixlab.ui.widgets.ParamModel;

/**
 * The saturation transfer curve: output sample against input sample from -1 to +1, with the straight line of a
 * clean signal for comparison. The more it bends, the more harmonics it adds.
 */
public class SaturationCurveView extends JComponent {
    private final DoubleUnaryOperator transfer;
    private final PlotGeometry geo = new PlotGeometry();
    private Color bg;
    private Color grid;
    private Color strong;
    private Color label;
    private Color curveColor;
    private Color identity;
    private Font font;

    /** A view of {@code transfer}; repaints whenever one of {@code models} changes. */
    public SaturationCurveView(DoubleUnaryOperator transfer, Map<String, ParamModel> models) {
        this.transfer = transfer;
        for (ParamModel m : models.values()) {
            m.addViewListener(this::repaint);
        }
        setName("saturationCurve");
        getAccessibleContext().setAccessibleName("Saturation curve");
        getAccessibleContext().setAccessibleDescription("Output sample against input sample");
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
        font = Theme.font(0.78f, Font.PLAIN);
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
        geo.drawXGrid(g, -1, 1, 0.5, grid, strong, label, font);
        geo.drawYGrid(g, -1, 1, 0.5, grid, strong, label, font, "");
        g.setClip(a);
        g.setColor(identity);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 3f}, 0f));
        g.draw(new Line2D.Double(geo.xOf(-1, -1, 1), geo.yOf(-1, -1, 1), geo.xOf(1, -1, 1), geo.yOf(1, -1, 1)));
        Path2D p = new Path2D.Double();
        for (int i = 0; i <= 200; i++) {
            double x = -1 + i / 100.0;
            double y = transfer.applyAsDouble(x);
            double px = geo.xOf(x, -1, 1);
            double py = geo.yOf(Math.max(-1.5, Math.min(1.5, y)), -1, 1);
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        g.setColor(curveColor);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p);
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
