package org.mixlab.ui.editor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Line2D;

/** Shared coordinate maths and grid drawing for the curve views (log frequency or linear axes). */
final class PlotGeometry {
    /** Inner plot area. */
    final Rectangle area = new Rectangle();

    /** Lays out the plot inside a component of the given size, leaving room for labels. */
    void layout(int width, int height, int left, int bottom) {
        area.setBounds(left, 8, Math.max(10, width - left - 10), Math.max(10, height - 8 - bottom));
    }

    /** x pixel of {@code hz} on a 20 Hz .. 20 kHz log axis. */
    double xOfHz(double hz) {
        return area.x + Math.log(hz / 20.0) / Math.log(1000.0) * area.width;
    }

    /** Frequency at x pixel. */
    double hzOfX(double x) {
        double t = (x - area.x) / area.width;
        return 20.0 * Math.pow(1000.0, Math.max(0, Math.min(1, t)));
    }

    /** x pixel of a linear value in [lo, hi]. */
    double xOf(double v, double lo, double hi) {
        return area.x + (v - lo) / (hi - lo) * area.width;
    }

    /** y pixel of a linear value in [lo, hi] (hi at the top). */
    double yOf(double v, double lo, double hi) {
        return area.y + (hi - v) / (hi - lo) * area.height;
    }

    /** Value at y pixel for [lo, hi]. */
    double valueOfY(double y, double lo, double hi) {
        return hi - (y - area.y) / area.height * (hi - lo);
    }

    /** Draws the frequency grid (decades strong) with labels under the plot. */
    void drawHzGrid(Graphics2D g, Color grid, Color strong, Color label, Font font) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int[] marks = {20, 30, 40, 50, 60, 70, 80, 90, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 2000,
            3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 20000};
        for (int f : marks) {
            boolean major = f == 100 || f == 1000 || f == 10000;
            boolean labelled = f == 20 || f == 50 || f == 100 || f == 200 || f == 500 || f == 1000 || f == 2000
                    || f == 5000 || f == 10000 || f == 20000;
            double x = xOfHz(f);
            g.setColor(major ? strong : grid);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Line2D.Double(x, area.y, x, area.y + area.height));
            if (labelled) {
                String s = f >= 1000 ? (f / 1000) + "k" : Integer.toString(f);
                g.setColor(label);
                float tx = (float) Math.max(area.x, Math.min(area.x + area.width - fm.stringWidth(s), x
                        - fm.stringWidth(s) / 2.0));
                g.drawString(s, tx, area.y + area.height + fm.getAscent() + 3);
            }
        }
    }

    /** Draws horizontal grid lines every {@code step} from lo to hi with labels on the left. */
    void drawYGrid(Graphics2D g, double lo, double hi, double step, Color grid, Color strong, Color label, Font font,
                   String suffix) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
            double y = yOf(v, lo, hi);
            g.setColor(Math.abs(v) < 1e-9 ? strong : grid);
            g.draw(new Line2D.Double(area.x, y, area.x + area.width, y));
            String s = (v > 1e-9 ? "+" : "") + num(v, step) + suffix;
            g.setColor(label);
            g.drawString(s, area.x - 5 - fm.stringWidth(s), (float) (y + fm.getAscent() / 2.0 - 1));
        }
    }

    private static String num(double v, double step) {
        if (Math.abs(v) < 1e-9) {
            return "0";
        }
        return step < 1 ? String.format(java.util.Locale.ROOT, "%.1f", v) : Integer.toString((int) Math.round(v));
    }

    /** Draws vertical grid lines every {@code step} from lo to hi with labels below. */
    void drawXGrid(Graphics2D g, double lo, double hi, double step, Color grid, Color strong, Color label, Font font) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
            double x = xOf(v, lo, hi);
            g.setColor(Math.abs(v) < 1e-9 ? strong : grid);
            g.draw(new Line2D.Double(x, area.y, x, area.y + area.height));
            String s = num(v, step);
            g.setColor(label);
            float tx = (float) Math.max(area.x - fm.stringWidth(s) / 2.0, Math.min(area.x + area.width
                    - fm.stringWidth(s), x - fm.stringWidth(s) / 2.0));
            g.drawString(s, tx, area.y + area.height + fm.getAscent() + 3);
        }
    }
}
