package org.mixlab.ui.widgets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import org.mixlab.ui.Theme;

/**
 * A vertical console fader on the {@link org.mixlab.dsp.Taper#FADER} taper (0 dB at three quarters of the travel),
 * with a dB scale (+12 ... -inf) to its left. Interaction as in {@link ParamControl}.
 */
public class Fader extends ParamControl {
    private static final double[] MARKS_DB = {12, 6, 0, -6, -12, -24, -40};
    /** Top and bottom padding of the travel, px (a meter beside the fader uses it to line up). */
    public static final int PAD = 9;
    private static final int CAP_W = 24;
    private static final int CAP_H = 13;

    private Color trackColor;
    private Color fillColor;
    private Color capColor;
    private Color capBorder;
    private Color capLine;
    private Color scaleColor;
    private Font scaleFont;

    /** A fader for {@code model} (a FADER-taper dB parameter), named {@code name} for tooltips. */
    public Fader(ParamModel model, String name) {
        super(model, name);
        updateUI();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        trackColor = Theme.color("MixLab.fader.track");
        fillColor = Theme.color("MixLab.fader.fill");
        capColor = Theme.color("MixLab.fader.cap");
        capBorder = Theme.color("MixLab.fader.capBorder");
        capLine = Theme.color("MixLab.fader.capLine");
        scaleColor = Theme.color("MixLab.fader.scale");
        scaleFont = Theme.font(0.75f, Font.PLAIN);
    }

    @Override
    public Dimension getPreferredSize() {
        return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(50, 200);
    }

    @Override
    public Dimension getMinimumSize() {
        return new Dimension(50, 100);
    }

    /** The y pixel of control travel {@code norm} (0 bottom, 1 top). */
    public int yOf(double norm) {
        int top = PAD;
        int bottom = getHeight() - PAD;
        return (int) Math.round(bottom - norm * (bottom - top));
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        antialias(g);
        dragPixels = Math.max(60, getHeight() - 2 * PAD);
        int trackX = getWidth() - CAP_W / 2 - 3;
        g.setFont(scaleFont);
        FontMetrics fm = g.getFontMetrics();
        int tickRight = trackX - CAP_W / 2 - 2;
        for (double db : MARKS_DB) {
            drawMark(g, fm, tickRight, yOf(model().spec().toNormalized(db)), label(db), db == 0);
        }
        drawMark(g, fm, tickRight, yOf(0), "-∞", false);

        int yVal = yOf(model().normalized());
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(trackColor);
        g.draw(new Line2D.Double(trackX, yOf(1), trackX, yOf(0)));
        g.setColor(isEnabled() ? fillColor : trackColor);
        if (yVal < yOf(0)) {
            g.draw(new Line2D.Double(trackX, yVal, trackX, yOf(0)));
        }
        RoundRectangle2D cap = new RoundRectangle2D.Double(trackX - CAP_W / 2.0, yVal - CAP_H / 2.0, CAP_W, CAP_H,
                5, 5);
        g.setColor(capColor);
        g.fill(cap);
        g.setStroke(new BasicStroke(1f));
        g.setColor(capBorder);
        g.draw(cap);
        g.setColor(capLine);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(trackX - CAP_W / 2.0 + 4, yVal, trackX + CAP_W / 2.0 - 4, yVal));
        paintFocusRing(g, new Rectangle2D.Double(trackX - CAP_W / 2.0 - 3, yVal - CAP_H / 2.0 - 3, CAP_W + 6,
                CAP_H + 6));
        g.dispose();
    }

    private void drawMark(Graphics2D g, FontMetrics fm, int right, int y, String text, boolean strong) {
        g.setColor(scaleColor);
        g.setStroke(new BasicStroke(strong ? 1.5f : 1f));
        g.draw(new Line2D.Double(right - 4, y, right, y));
        g.drawString(text, right - 6 - fm.stringWidth(text), y + fm.getAscent() / 2 - 1);
    }

    private static String label(double db) {
        return db > 0 ? "+" + (int) db : Integer.toString((int) db);
    }
}
