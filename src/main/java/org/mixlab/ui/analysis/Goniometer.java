package org.mixlab.ui.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import javax.swing.JComponent;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.ui.Theme;

/**
 * A goniometer (vectorscope): each sample pair is a dot, mid upwards and side sideways, so a mono signal is a
 * vertical line, wide stereo a round cloud and out-of-phase material a horizontal line. The scale (background,
 * axes, letters) is drawn once per size or theme into an RGB raster; each frame copies it and sets the dots'
 * pixels directly, so a frame costs one array copy, at most {@link MeterSnapshot#GONIO_CAPACITY} 2 x 2 dots and
 * one image blit, with no antialiased shape.
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
    private Color outside;
    private BufferedImage scale;
    private int[] scalePixels;
    private BufferedImage frame;
    private int[] framePixels;
    private long scaleRenders;
    private double scaleFactor = 1;

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
        outside = Theme.color("MixLab.panel.background");
        scale = null;
        setOpaque(true);
    }

    /** Copies the points of {@code s}. */
    public void setPoints(MeterSnapshot s) {
        int before = count;
        count = Math.min(s.gonioCount, mid.length);
        System.arraycopy(s.gonioMid, 0, mid, 0, count);
        System.arraycopy(s.gonioSide, 0, side, 0, count);
        if (count > 0 || before > 0) {
            repaint();
        }
    }

    /** Times the scale (background, axes, letters) was drawn since the last size or theme change counted. */
    long scaleRenders() {
        return scaleRenders;
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
    protected void paintComponent(Graphics g) {
        int w = Math.max(1, getWidth());
        int h = Math.max(1, getHeight());
        double k = LayeredChart.deviceScale((java.awt.Graphics2D) g);
        int iw = (int) Math.ceil(w * k);
        int ih = (int) Math.ceil(h * k);
        if (scale == null || scale.getWidth() != iw || scale.getHeight() != ih || scaleFactor != k) {
            renderScale(w, h, k);
        }
        System.arraycopy(scalePixels, 0, framePixels, 0, framePixels.length);
        int size = Math.min(w, h);
        double cx = ((w - size) / 2 + size / 2.0) * k;
        double cy = ((h - size) / 2 + size / 2.0) * k;
        double r = (size / 2.0 - 12) * k;
        int dotPx = Math.max(2, (int) Math.round(2 * k));
        int rgb = dot.getRGB() | 0xff000000;
        for (int i = 0; i < count; i++) {
            double m = Math.max(-1, Math.min(1, mid[i]));
            double s = Math.max(-1, Math.min(1, side[i]));
            int px = (int) Math.round(cx - s * r);
            int py = (int) Math.round(cy - m * r);
            if (px >= 0 && py >= 0 && px + dotPx <= iw && py + dotPx <= ih) {
                for (int dy = 0; dy < dotPx; dy++) {
                    int row = (py + dy) * iw + px;
                    for (int dx = 0; dx < dotPx; dx++) {
                        framePixels[row + dx] = rgb;
                    }
                }
            }
        }
        g.drawImage(frame, 0, 0, w, h, null);
    }

    /**
     * Draws the background, axes and letters into the scale raster, {@code k} image pixels per component pixel
     * (once per size, screen scale or theme).
     */
    private void renderScale(int w, int h, double k) {
        int iw = (int) Math.ceil(w * k);
        int ih = (int) Math.ceil(h * k);
        scale = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_RGB);
        scalePixels = ((DataBufferInt) scale.getRaster().getDataBuffer()).getData();
        frame = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_RGB);
        framePixels = ((DataBufferInt) frame.getRaster().getDataBuffer()).getData();
        scaleFactor = k;
        scaleRenders++;
        Graphics2D g = scale.createGraphics();
        g.scale(k, k);
        g.setColor(outside);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int size = Math.min(w, h);
        int x0 = (w - size) / 2;
        int y0 = (h - size) / 2;
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
