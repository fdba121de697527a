package org.mixlab.ui.widgets;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;
import org.mixlab.ui.Theme;

/**
 * A vertical dBFS level meter: one bar per channel showing RMS (solid) and sample peak (lighter, on top), a peak
 * hold line that holds for 1.5 s then falls, yellow above -6 dBFS and red above -0.1 dBFS, and an optional scale.
 * Fed by {@link #setLevels} from the UI timer, which repaints the meter only when something it draws moved by at
 * least one pixel (bar tops, hold line and its colour); an opaque meter fills its own background (set it to the
 * colour behind it) so a repaint does not repaint the panel underneath.
 */
public class LevelMeter extends JComponent {
    /** Bottom of the scale, dBFS. */
    public static final double FLOOR_DB = -60;
    private static final double[] SCALE = {0, -6, -12, -18, -24, -36, -48};
    private static final int HOLD_FRAMES = 45;
    private static final double FALL_DB_PER_FRAME = 0.9;

    private final int channels;
    private final boolean showScale;
    private final double[] peakDb;
    private final double[] rmsDb;
    private final double[] holdDb;
    private final int[] holdAge;
    private final double[] shownPeak;
    private final double[] mono = new double[1];
    private final int[] shownRows;
    private final int[] newRows;
    private long repaints;
    private java.awt.image.BufferedImage chrome;
    private boolean chromeOpaque;
    private Color chromeBackground;
    private int chromePadPx;
    private java.util.function.DoubleUnaryOperator chromeMapping;
    private long chromeRenders;
    private double chromeScale = 1;
    private Color bg;
    private Color rms;
    private Color peak;
    private Color hot;
    private Color hotLight;
    private Color clip;
    private Color hold;
    private Color scale;
    private Font scaleFont;

    /** A meter with {@code channels} bars, with or without a dB scale on its left. */
    public LevelMeter(int channels, boolean showScale) {
        this.channels = channels;
        this.showScale = showScale;
        peakDb = new double[channels];
        rmsDb = new double[channels];
        holdDb = new double[channels];
        holdAge = new int[channels];
        shownPeak = new double[channels];
        java.util.Arrays.fill(peakDb, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(rmsDb, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(holdDb, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(shownPeak, Double.NEGATIVE_INFINITY);
        shownRows = new int[channels * 4];
        newRows = new int[channels * 4];
        java.util.Arrays.fill(shownRows, Integer.MIN_VALUE);
        setOpaque(false);
        setToolTipText("Click to clear the peak hold");
        addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseClicked(java.awt.event.MouseEvent e) {
                resetHold();
            }
        });
        getAccessibleContext().setAccessibleName("Level meter");
        getAccessibleContext().setAccessibleDescription("Peak and RMS level in dBFS");
        updateUI();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        bg = Theme.color("MixLab.meter.background");
        rms = Theme.color("MixLab.meter.rmsColor");
        peak = Theme.color("MixLab.meter.peakColor");
        hot = Theme.color("MixLab.meter.hotColor");
        hotLight = blend(hot);
        clip = Theme.color("MixLab.meter.clipColor");
        hold = Theme.color("MixLab.meter.holdColor");
        scale = Theme.color("MixLab.meter.scaleColor");
        scaleFont = Theme.font(0.75f, Font.PLAIN);
        chrome = null;
    }

    /**
     * New levels for one UI frame, dBFS per channel; {@code rmsDbPerChannel} may be null for a peak-only meter.
     * The displayed peak falls at most 0.9 dB per frame (ballistics); the hold line holds 1.5 s.
     */
    public void setLevels(double[] peakDbPerChannel, double[] rmsDbPerChannel) {
        for (int c = 0; c < channels; c++) {
            double p = peakDbPerChannel[Math.min(c, peakDbPerChannel.length - 1)];
            peakDb[c] = p;
            shownPeak[c] = p >= shownPeak[c] || Double.isInfinite(shownPeak[c]) ? p
                    : Math.max(p, shownPeak[c] - FALL_DB_PER_FRAME);
            rmsDb[c] = rmsDbPerChannel == null ? Double.NEGATIVE_INFINITY
                    : rmsDbPerChannel[Math.min(c, rmsDbPerChannel.length - 1)];
            if (p >= holdDb[c]) {
                holdDb[c] = p;
                holdAge[c] = 0;
            } else if (++holdAge[c] > HOLD_FRAMES) {
                holdDb[c] = Math.max(p, holdDb[c] - FALL_DB_PER_FRAME);
            }
        }
        repaintIfMoved();
    }

    /** Repaints when a bar top, the hold line or the hold colour would be drawn differently from last time. */
    private void repaintIfMoved() {
        pixelRows(getHeight(), newRows);
        if (!java.util.Arrays.equals(newRows, shownRows)) {
            System.arraycopy(newRows, 0, shownRows, 0, newRows.length);
            repaints++;
            repaint();
        }
    }

    /**
     * What a paint at {@code heightPx} would draw, four numbers per channel: the pixel rows of the peak bar's top,
     * the RMS bar's top and the hold line (or {@code Integer.MIN_VALUE} when there is none) and 1 when the hold
     * line is in the clip colour.
     */
    void pixelRows(int heightPx, int[] out) {
        int top = padPx;
        int bottom = heightPx - padPx;
        int h = bottom - top;
        for (int c = 0; c < channels; c++) {
            out[4 * c] = bottom - (int) Math.round(map(shownPeak[c]) * h);
            out[4 * c + 1] = bottom - (int) Math.round(map(rmsDb[c]) * h);
            boolean held = holdDb[c] > FLOOR_DB;
            out[4 * c + 2] = held ? bottom - (int) Math.round(map(holdDb[c]) * h) : Integer.MIN_VALUE;
            out[4 * c + 3] = held && holdDb[c] > -0.1 ? 1 : 0;
        }
    }

    /** Repaints requested by new levels since the meter was made (only when a drawn pixel moved). */
    public long repaints() {
        return repaints;
    }

    /** Convenience for a mono value (every channel the same). */
    public void setLevel(double peakDbfs) {
        mono[0] = peakDbfs;
        setLevels(mono, null);
    }

    /** The held peak of channel {@code c}, dBFS. */
    public double holdDb(int c) {
        return holdDb[c];
    }

    /** The last peak of channel {@code c}, dBFS. */
    public double peakDb(int c) {
        return peakDb[c];
    }

    /** Clears the peak hold (click on the meter). */
    public void resetHold() {
        java.util.Arrays.fill(holdDb, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(shownRows, Integer.MIN_VALUE);
        repaint();
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        return new Dimension((showScale ? 22 : 0) + channels * 7 + (channels - 1) * 2 + 2, 200);
    }

    @Override
    public Dimension getMinimumSize() {
        Dimension d = getPreferredSize();
        return new Dimension(d.width, 60);
    }

    private java.util.function.DoubleUnaryOperator mapping;
    private int padPx = 6;

    /**
     * Draws levels on another control's scale, e.g. a fader's taper, so a meter beside a fader reads against the
     * fader's dB marks; {@code padPx} is that control's top and bottom padding. Null restores the linear dBFS scale.
     */
    public void setScaleMapping(java.util.function.DoubleUnaryOperator dbToFraction, int newPadPx) {
        mapping = dbToFraction;
        padPx = newPadPx;
        java.util.Arrays.fill(shownRows, Integer.MIN_VALUE);
        repaint();
    }

    private double map(double db) {
        if (mapping == null) {
            return frac(db);
        }
        return db > FLOOR_DB ? Math.max(0, Math.min(1, mapping.applyAsDouble(db))) : 0;
    }

    /** Fraction of the height for {@code db}: 0 at {@link #FLOOR_DB}, 1 at 0 dBFS, linear in dB. */
    static double frac(double db) {
        if (!(db > FLOOR_DB)) {
            return 0;
        }
        return Math.min(1, (db - FLOOR_DB) / -FLOOR_DB);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        int w = Math.max(1, getWidth());
        int hPx = Math.max(1, getHeight());
        boolean opaque = isOpaque();
        Color back = opaque ? getBackground() : null;
        double k = deviceScale((Graphics2D) g0);
        if (chrome == null || chrome.getWidth() != (int) Math.ceil(w * k) || chromeScale != k
                || chrome.getHeight() != (int) Math.ceil(hPx * k) || chromeOpaque != opaque
                || !java.util.Objects.equals(chromeBackground, back) || chromePadPx != padPx
                || chromeMapping != mapping) {
            renderChrome(w, hPx, opaque, back, k);
        }
        g0.drawImage(chrome, 0, 0, w, hPx, null);
        int top = padPx;
        int bottom = hPx - padPx;
        int h = bottom - top;
        int x0 = showScale ? 22 : 0;
        int barW = barWidth(w, x0);
        int yHot = bottom - (int) Math.round(map(-6) * h);
        int yClip = bottom - (int) Math.round(map(-0.1) * h);
        for (int c = 0; c < channels; c++) {
            int x = x0 + 1 + c * (barW + 2);
            fillBar(g0, x, barW, bottom, bottom - (int) Math.round(map(shownPeak[c]) * h), yHot, yClip, true);
            fillBar(g0, x, barW, bottom, bottom - (int) Math.round(map(rmsDb[c]) * h), yHot, yClip, false);
            if (holdDb[c] > FLOOR_DB) {
                int yh = bottom - (int) Math.round(map(holdDb[c]) * h);
                g0.setColor(holdDb[c] > -0.1 ? clip : hold);
                g0.fillRect(x, Math.max(top, yh - 1), barW, 2);
            }
        }
    }

    private int barWidth(int w, int x0) {
        return Math.max(3, (w - x0 - 2 - (channels - 1) * 2) / channels);
    }

    /** Image pixels per component pixel of {@code g} (2 on a screen at 200 %), 1 when not a plain scale. */
    private static double deviceScale(Graphics2D g) {
        java.awt.geom.AffineTransform t = g.getTransform();
        double sx = t.getScaleX();
        if (t.getShearX() != 0 || t.getShearY() != 0 || sx != t.getScaleY() || !(sx > 0)) {
            return 1;
        }
        return Math.min(4, sx);
    }

    /**
     * Draws what does not move (background, scale, the bars' dark wells) once per size, screen scale {@code k},
     * theme or mapping.
     */
    private void renderChrome(int w, int hPx, boolean opaque, Color back, double k) {
        if (chrome != null) {
            chrome.flush();
        }
        java.awt.GraphicsConfiguration gc = getGraphicsConfiguration();
        int transparency = opaque ? java.awt.Transparency.OPAQUE : java.awt.Transparency.TRANSLUCENT;
        int iw = (int) Math.ceil(w * k);
        int ih = (int) Math.ceil(hPx * k);
        chrome = gc != null ? gc.createCompatibleImage(iw, ih, transparency)
                : new java.awt.image.BufferedImage(iw, ih, opaque ? java.awt.image.BufferedImage.TYPE_INT_RGB
                        : java.awt.image.BufferedImage.TYPE_INT_ARGB);
        chromeScale = k;
        chromeOpaque = opaque;
        chromeBackground = back;
        chromePadPx = padPx;
        chromeMapping = mapping;
        chromeRenders++;
        Graphics2D g = chrome.createGraphics();
        g.scale(k, k);
        if (opaque) {
            g.setColor(back);
            g.fillRect(0, 0, w, hPx);
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int top = padPx;
        int bottom = hPx - padPx;
        int h = bottom - top;
        int x0 = 0;
        if (showScale) {
            x0 = 22;
            g.setFont(scaleFont);
            g.setColor(scale);
            FontMetrics fm = g.getFontMetrics();
            for (double db : SCALE) {
                int y = bottom - (int) Math.round(map(db) * h);
                String s = Integer.toString((int) db);
                g.drawString(s, x0 - 4 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
                g.drawLine(x0 - 2, y, x0 - 1, y);
            }
        }
        int barW = barWidth(w, x0);
        g.setColor(bg);
        for (int c = 0; c < channels; c++) {
            int x = x0 + 1 + c * (barW + 2);
            g.fillRoundRect(x - 1, top - 1, barW + 2, h + 2, 3, 3);
        }
        g.dispose();
    }

    /** Times the static parts (background, scale, wells) were drawn since the meter was made. */
    public long chromeRenders() {
        return chromeRenders;
    }

    private void fillBar(Graphics g, int x, int w, int bottom, int yTop, int yHot, int yClip, boolean light) {
        if (yTop >= bottom) {
            return;
        }
        Color base = light ? peak : rms;
        int segBottom = bottom;
        int hotStart = Math.max(yTop, yHot);
        g.setColor(base);
        g.fillRect(x, hotStart, w, segBottom - hotStart);
        if (yTop < yHot) {
            int clipStart = Math.max(yTop, yClip);
            g.setColor(light ? hotLight : hot);
            g.fillRect(x, clipStart, w, yHot - clipStart);
            if (yTop < yClip) {
                g.setColor(clip);
                g.fillRect(x, yTop, w, yClip - yTop);
            }
        }
    }

    private static Color blend(Color c) {
        return new Color(Math.min(255, c.getRed() + 30), Math.min(255, c.getGreen() + 30),
                Math.min(255, c.getBlue() + 30));
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
