package org.mixlab.ui.analysis;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Locale;
import javax.swing.JComponent;
import org.mixlab.ui.Theme;

/**
 * A horizontal bar from -1 (out of phase, red) through 0 to +1 (mono, green) showing the stereo correlation.
 * It repaints (and updates its tooltip) only when the printed value, to two decimals, changes.
 */
public class CorrelationBar extends JComponent {
    private double value;
    private long shownHundredths = Long.MIN_VALUE;
    private String text = "+0.00";
    private Color bg;
    private Color pos;
    private Color neg;
    private Color grid;
    private Color label;
    private Font font;

    /** A bar at 0. */
    public CorrelationBar() {
        setName("correlation");
        getAccessibleContext().setAccessibleName("Correlation");
        getAccessibleContext().setAccessibleDescription("Stereo correlation from -1 to +1");
        updateUI();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        bg = Theme.color("MixLab.meter.background");
        pos = Theme.color("MixLab.correlation.positive");
        neg = Theme.color("MixLab.correlation.negative");
        grid = Theme.color("MixLab.meter.scaleColor");
        label = Theme.color("MixLab.grid.label");
        font = Theme.font(0.75f, Font.PLAIN);
    }

    /** Sets the correlation, -1 to +1. */
    public void setValue(double v) {
        value = Double.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
        long hundredths = Math.round(value * 100);
        if (hundredths != shownHundredths) {
            shownHundredths = hundredths;
            text = String.format(Locale.ROOT, "%+.2f", value);
            setToolTipText("Correlation " + text);
            repaint();
        }
    }

    /** The value shown. */
    public double value() {
        return value;
    }

    @Override
    public Dimension getPreferredSize() {
        return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(150, 26);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int lw = fm.stringWidth("-1") + 4;
        int x0 = lw;
        int w = getWidth() - 2 * lw;
        int h = 8;
        int y = 2;
        g.setColor(bg);
        g.fillRoundRect(x0, y, w, h, 4, 4);
        int mid = x0 + w / 2;
        int px = (int) Math.round(mid + value * w / 2);
        g.setColor(value >= 0 ? pos : neg);
        g.fillRect(Math.min(mid, px), y + 1, Math.abs(px - mid), h - 2);
        g.setColor(grid);
        g.drawLine(mid, y - 1, mid, y + h);
        g.setColor(label);
        int ty = y + h + fm.getAscent() + 1;
        g.drawString("-1", 0, y + h - 1);
        g.drawString("+1", getWidth() - fm.stringWidth("+1"), y + h - 1);
        String v = text;
        g.drawString(v, mid - fm.stringWidth(v) / 2, ty);
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
