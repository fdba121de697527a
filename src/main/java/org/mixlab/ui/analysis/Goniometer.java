package org.mixlab.ui.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.JComponent;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.ui.Theme;

/**
 * A goniometer (vectorscope): each sample pair is a dot, mid upwards and side sideways, so a mono signal is a
 * vertical line, wide stereo a round cloud and out-of-phase material a horizontal line.
 */
public class Goniometer extends JComponent {
    private final float[] mid = new float[MeterSnapshot.GONIO_CAPACITY];
    private final float[] side = new float[MeterSnapshot.GONIO_CAPACITY];
    private int count;
    private Color bg;
    private Color dot;
    private Color grid;
    private Color label;
    private Font font;

    /** An empty scope. */
    public Goniometer() {
        setName("goniometer");
        getAccessibleContext().setAccessibleName("Goniometer");
        getAccessibleContext().setAccessibleDescription("Stereo image: mid up, side sideways");
        updateUI();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        bg = Theme.color("MixLab.gonio.background");
        dot = Theme.color("MixLab.gonio.color");
        grid = Theme.color("MixLab.grid.strongColor");
        label = Theme.color("MixLab.grid.label");
        font = Theme.font(0.75f, Font.PLAIN);
    }

    /** Copies the points of {@code s}. */
    public void setPoints(MeterSnapshot s) {
        count = Math.min(s.gonioCount, mid.length);
        System.arraycopy(s.gonioMid, 0, mid, 0, count);
        System.arraycopy(s.gonioSide, 0, side, 0, count);
        repaint();
    }

    /** Points currently shown. */
    public int pointCount() {
        return count;
    }

    @Override
    public Dimension getPreferredSize() {
        return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(150, 150);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int size = Math.min(getWidth(), getHeight());
        int x0 = (getWidth() - size) / 2;
        int y0 = (getHeight() - size) / 2;
        g.setColor(bg);
        g.fillRoundRect(x0, y0, size, size, 8, 8);
        double cx = x0 + size / 2.0;
        double cy = y0 + size / 2.0;
        double r = size / 2.0 - 12;
        g.setColor(grid);
        g.setStroke(new BasicStroke(1f));
        g.drawLine((int) cx, (int) (cy - r), (int) cx, (int) (cy + r));
        g.drawLine((int) (cx - r), (int) cy, (int) (cx + r), (int) cy);
        double d = r * Math.sqrt(0.5);
        g.drawLine((int) (cx - d), (int) (cy - d), (int) (cx + d), (int) (cy + d));
        g.drawLine((int) (cx + d), (int) (cy - d), (int) (cx - d), (int) (cy + d));
        g.setFont(font);
        g.setColor(label);
        FontMetrics fm = g.getFontMetrics();
        g.drawString("M", (float) (cx + 3), (float) (cy - r + fm.getAscent() - 2));
        g.drawString("L", (float) (cx - d - fm.stringWidth("L") - 1), (float) (cy - d + fm.getAscent() / 2.0));
        g.drawString("R", (float) (cx + d + 2), (float) (cy - d + fm.getAscent() / 2.0));
        g.drawString("S", (float) (cx + r - fm.stringWidth("S")), (float) (cy - 3));
        g.setColor(dot);
        for (int i = 0; i < count; i++) {
            double m = Math.max(-1, Math.min(1, mid[i]));
            double s = Math.max(-1, Math.min(1, side[i]));
            int px = (int) Math.round(cx - s * r);
            int py = (int) Math.round(cy - m * r);
            g.fillRect(px, py, 2, 2);
        }
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
