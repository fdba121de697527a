package org.mixlab.ui.widgets;

import java.awt.BasicStroke;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.mixlab.ui.Theme;

/**
 * A rotary control: a 270 degree dial with a value arc (from the centre for bipolar ranges such as pan), an
 * optional caption above and the formatted value below. See {@link ParamControl} for the interaction.
 */
public class Knob extends ParamControl {
    private static final double START_DEG = 225;
    private static final double SWEEP_DEG = 270;

    private final String caption;
    private final int diameter;
    private boolean compact;
    private java.awt.Color trackColor;
    private java.awt.Color arcColor;
    private java.awt.Color bodyColor;
    private java.awt.Color bodyBorder;
    private java.awt.Color pointerColor;
    private java.awt.Color textColor;
    private java.awt.Color secondaryColor;
    private Font captionFont;
    private Font valueFont;

    /** A knob of the default size (34 px) with its caption. */
    public Knob(ParamModel model, String caption) {
        this(model, caption, 34);
    }

    /** A knob with a dial {@code diameter} pixels across; {@code caption} may be null for none. */
    public Knob(ParamModel model, String caption, int diameter) {
        super(model, caption == null ? model.spec().name() : caption);
        this.caption = caption;
        this.diameter = diameter;
        dragPixels = 180;
        updateUI();
    }

    /** Compact layout: the dial on the left, caption and value beside it (for send knobs in narrow strips). */
    public Knob compact() {
        compact = true;
        revalidate();
        return this;
    }

    @Override
    public void updateUI() {
        super.updateUI();
        trackColor = Theme.color("MixLab.knob.track");
        arcColor = Theme.color("MixLab.knob.arc");
        bodyColor = Theme.color("MixLab.knob.body");
        bodyBorder = Theme.color("MixLab.knob.bodyBorder");
        pointerColor = Theme.color("MixLab.knob.pointer");
        textColor = Theme.color("MixLab.strip.nameColor");
        secondaryColor = Theme.color("MixLab.label.secondary");
        captionFont = Theme.font(0.9f, Font.PLAIN);
        valueFont = Theme.font(0.85f, Font.PLAIN);
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        FontMetrics cf = getFontMetrics(captionFont);
        FontMetrics vf = getFontMetrics(valueFont);
        if (compact) {
            return new Dimension(diameter + 6 + vf.stringWidth("-100.0 dB"), Math.max(diameter + 4,
                    cf.getHeight() + vf.getHeight()));
        }
        int w = Math.max(diameter + 10, vf.stringWidth("18.00 kHz") + 4);
        if (caption != null) {
            w = Math.max(w, Math.min(cf.stringWidth(caption) + 4, 96));
        }
        int h = diameter + 6 + vf.getHeight() + (caption != null ? cf.getHeight() : 0);
        return new Dimension(w, h);
    }

    @Override
    public Dimension getMinimumSize() {
        return getPreferredSize();
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        antialias(g);
        FontMetrics cf = g.getFontMetrics(captionFont);
        FontMetrics vf = g.getFontMetrics(valueFont);
        int y = 0;
        if (compact) {
            paintCompact(g, cf, vf);
            g.dispose();
            return;
        }
        if (caption != null) {
            g.setFont(captionFont);
            g.setColor(secondaryColor);
            String c = fit(caption, cf, getWidth());
            g.drawString(c, (getWidth() - cf.stringWidth(c)) / 2, cf.getAscent());
            y += cf.getHeight();
        }
        double d = diameter;
        double cx = getWidth() / 2.0;
        double cy = y + 3 + d / 2;
        paintDial(g, cx, cy);
        g.setFont(valueFont);
        g.setColor(textColor);
        String v = model().formatted();
        g.drawString(v, (float) (cx - vf.stringWidth(v) / 2.0), (float) (cy + d / 2 + 3 + vf.getAscent()));
        g.dispose();
    }

    private void paintCompact(Graphics2D g, FontMetrics cf, FontMetrics vf) {
        double cy = getHeight() / 2.0;
        paintDial(g, diameter / 2.0 + 1, cy);
        int tx = diameter + 5;
        int top = (int) Math.round(cy - (cf.getHeight() + vf.getHeight()) / 2.0);
        g.setFont(captionFont);
        g.setColor(secondaryColor);
        if (caption != null) {
            g.drawString(fit(caption, cf, getWidth() - tx), tx, top + cf.getAscent());
        }
        g.setFont(valueFont);
        g.setColor(textColor);
        g.drawString(model().formatted(), tx, top + cf.getHeight() + vf.getAscent());
    }

    private void paintDial(Graphics2D g, double cx, double cy) {
        double d = diameter;
        double r = d / 2 - 2;
        Rectangle2D box = new Rectangle2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        float stroke = Math.max(2.5f, (float) d / 11f);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(trackColor);
        g.draw(new Arc2D.Double(box, START_DEG, -SWEEP_DEG, Arc2D.OPEN));

        double norm = model().normalized();
        double originNorm = model().spec().min() < 0 && model().spec().max() > 0
                && model().spec().taper() == org.mixlab.dsp.Taper.LINEAR ? model().spec().toNormalized(0) : 0;
        double a0 = START_DEG - SWEEP_DEG * originNorm;
        double a1 = START_DEG - SWEEP_DEG * norm;
        g.setColor(isEnabled() ? arcColor : trackColor);
        if (Math.abs(a1 - a0) > 0.5) {
            g.draw(new Arc2D.Double(box, a0, a1 - a0, Arc2D.OPEN));
        }
        double inner = r - stroke - 2;
        Ellipse2D body = new Ellipse2D.Double(cx - inner, cy - inner, 2 * inner, 2 * inner);
        g.setColor(bodyColor);
        g.fill(body);
        g.setStroke(new BasicStroke(1f));
        g.setColor(bodyBorder);
        g.draw(body);
        double ang = Math.toRadians(a1);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(pointerColor);
        g.draw(new Line2D.Double(cx + Math.cos(ang) * inner * 0.25, cy - Math.sin(ang) * inner * 0.25,
                cx + Math.cos(ang) * (inner - 1.5), cy - Math.sin(ang) * (inner - 1.5)));
        paintFocusRing(g, new Rectangle2D.Double(cx - r - 3, cy - r - 3, 2 * r + 6, 2 * r + 6));
    }

    private static String fit(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
