package org.mixlab.ui.lesson;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import javax.swing.Icon;

/** A small painted status mark (no font glyphs needed): a ticked green disc, an empty ring, a cross or a dot. */
public final class StatusIcon implements Icon {
    /** What the icon shows. */
    public enum Kind {
        /** Done / passed: filled disc with a tick. */
        DONE,
        /** Not done yet: an empty ring. */
        OPEN,
        /** Failed / wrong: a ring with a cross. */
        FAILED,
        /** Waiting (measuring, switched off): a ring with a dot. */
        PENDING
    }

    private final Kind kind;
    private final int size;

    /** An icon of {@code size} pixels (12 to 32). */
    public StatusIcon(Kind kind, int size) {
        this.kind = kind;
        this.size = Math.max(12, Math.min(32, size));
    }

    /** The kind shown. */
    public Kind kind() {
        return kind;
    }

    @Override
    public void paintIcon(Component c, Graphics g0, int x, int y) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            float s = size;
            float stroke = Math.max(1.5f, s / 10f);
            Ellipse2D disc = new Ellipse2D.Float(x + stroke / 2, y + stroke / 2, s - stroke, s - stroke);
            switch (kind) {
                case DONE -> {
                    g.setColor(LessonTheme.pass());
                    g.fill(disc);
                    g.setColor(Color.WHITE);
                    g.setStroke(new BasicStroke(stroke * 1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    Path2D tick = new Path2D.Float();
                    tick.moveTo(x + s * 0.28, y + s * 0.52);
                    tick.lineTo(x + s * 0.44, y + s * 0.68);
                    tick.lineTo(x + s * 0.72, y + s * 0.36);
                    g.draw(tick);
                }
                case OPEN -> {
                    g.setColor(LessonTheme.secondaryText());
                    g.setStroke(new BasicStroke(stroke));
                    g.draw(disc);
                }
                case FAILED -> {
                    g.setColor(LessonTheme.fail());
                    g.setStroke(new BasicStroke(stroke));
                    g.draw(disc);
                    g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    float a = s * 0.34f;
                    float b = s * 0.66f;
                    g.draw(new java.awt.geom.Line2D.Float(x + a, y + a, x + b, y + b));
                    g.draw(new java.awt.geom.Line2D.Float(x + b, y + a, x + a, y + b));
                }
                case PENDING -> {
                    g.setColor(LessonTheme.pending());
                    g.setStroke(new BasicStroke(stroke));
                    g.draw(disc);
                    float d = s * 0.3f;
                    g.fill(new Ellipse2D.Float(x + (s - d) / 2, y + (s - d) / 2, d, d));
                }
            }
        } finally {
            g.dispose();
        }
    }

    @Override
    public int getIconWidth() {
        return size;
    }

    @Override
    public int getIconHeight() {
        return size;
    }
}
