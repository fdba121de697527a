package org.mixlab.ui.widgets;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Locale;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;
import org.mixlab.ui.Theme;

/**
 * Gain reduction of a compressor, gate or limiter: a bar growing down from the top, 0 to 24 dB, with the current
 * value printed underneath. Fed by {@link #setReductionDb} from the UI timer.
 */
public class GainReductionMeter extends JComponent {
    /** Full scale of the meter, dB of reduction. */
    public static final double RANGE_DB = 24;
    private static final double[] SCALE = {0, 3, 6, 12, 18, 24};

    private double reductionDb;
    private double shownDb;
    private Color bg;
    private Color bar;
    private Color scale;
    private Color text;
    private Font font;

    /** An idle meter. */
    public GainReductionMeter() {
        setOpaque(false);
        getAccessibleContext().setAccessibleName("Gain reduction");
        getAccessibleContext().setAccessibleDescription("Gain reduction in dB, 0 to 24");
        updateUI();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        bg = Theme.color("MixLab.meter.background");
        bar = Theme.color("MixLab.gr.color");
        scale = Theme.color("MixLab.meter.scaleColor");
        text = Theme.color("MixLab.strip.nameColor");
        font = Theme.font(0.75f, Font.PLAIN);
    }

    /** Sets the gain reduction in dB (0 or more); the shown bar recovers at most 1 dB per frame. */
    public void setReductionDb(double db) {
        reductionDb = Double.isFinite(db) ? Math.max(0, db) : 0;
        shownDb = reductionDb >= shownDb ? reductionDb : Math.max(reductionDb, shownDb - 1.0);
        repaint();
    }

    /** The last gain reduction set, dB. */
    public double reductionDb() {
        return reductionDb;
    }

    @Override
    public Dimension getPreferredSize() {
        return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(36, 160);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int top = 4;
        int bottom = getHeight() - fm.getHeight() - 6;
        int h = bottom - top;
        int barX = getWidth() - 12;
        int barW = 9;
        g.setColor(bg);
        g.fillRoundRect(barX - 1, top - 1, barW + 2, h + 2, 3, 3);
        g.setColor(scale);
        for (double db : SCALE) {
            int y = top + (int) Math.round(db / RANGE_DB * h);
            String s = Integer.toString((int) db);
            g.drawString(s, barX - 4 - fm.stringWidth(s), Math.min(bottom, y + fm.getAscent() / 2));
        }
        int len = (int) Math.round(Math.min(1, shownDb / RANGE_DB) * h);
        g.setColor(bar);
        g.fillRect(barX, top, barW, len);
        g.setColor(text);
        String v = String.format(Locale.ROOT, "-%.1f", reductionDb);
        g.drawString(v, getWidth() - 2 - fm.stringWidth(v), getHeight() - fm.getDescent() - 1);
        g.dispose();
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.PROGRESS_BAR;
                }
            };
        }
        return accessibleContext;
    }
}
