package org.mixlab.ui.analysis;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * An XChart plot drawn in two layers. XChart renders the static parts (chart and plot background, grid, axes,
 * tick labels, legend) into a cached image only when the size, the theme or the legend changes; the owner draws
 * the curves on top every frame in pixel space with {@link #pixelX} and {@link #pixelY}, which use XChart's own
 * mapping (plot content size 1, no plot margin). The series keep their data (readers and XChart's export still
 * see it), but it is hidden (NaN) while the backdrop is rendered, so XChart never draws a curve.
 * <p>A frame is composed off screen ({@link #beginFrame}, {@link #endFrame}): the backdrop's pixels are copied
 * into a reused RGB image, the curves are rasterised into it in memory, and the screen gets one image blit, which
 * is much cheaper than sending an antialiased curve to the screen tile by tile.
 */
class LayeredChart extends XYChart {
    private BufferedImage backdrop;
    private double scale = 1;
    private boolean backdropValid;
    private long backdropRenders;
    private double plotXPx;
    private double plotYPx;
    private double plotWidthPx;
    private double plotHeightPx;
    private final Rectangle2D.Double legendPx = new Rectangle2D.Double();
    private final Map<BasicStroke, BasicStroke> joined = new IdentityHashMap<>();
    private BufferedImage frame;
    private int[] framePixels;
    private final CurveRaster raster = new CurveRaster();

    /** A chart of preferred size {@code widthPx} x {@code heightPx}. */
    LayeredChart(int widthPx, int heightPx) {
        super(widthPx, heightPx);
    }

    /** Forgets the backdrop (theme, styling or legend changed); the next {@link #backdrop} renders it again. */
    void invalidateBackdrop() {
        backdropValid = false;
    }

    /** Times XChart rendered the backdrop. */
    long backdropRenders() {
        return backdropRenders;
    }

    /**
     * The device scale of {@code g} (2 on a screen at 200 %): the cached images are made with that many image
     * pixels per component pixel so they stay sharp; 1 when the transform rotates, shears or scales unevenly.
     */
    static double deviceScale(Graphics2D g) {
        AffineTransform t = g.getTransform();
        double sx = t.getScaleX();
        if (t.getShearX() != 0 || t.getShearY() != 0 || sx != t.getScaleY() || !(sx > 0)) {
            return 1;
        }
        return Math.min(4, sx);
    }

    /**
     * The static layer for a component of {@code widthPx} x {@code heightPx} at {@code deviceScale} image pixels
     * per component pixel (an RGB image), rendered by XChart when missing, invalidated or of another size. Every
     * pixel figure of this class (plot, legend, {@link #pixelX}, {@link #pixelY}) is in image pixels.
     */
    BufferedImage backdrop(int widthPx, int heightPx, double deviceScale) {
        int w = Math.max(1, widthPx);
        int h = Math.max(1, heightPx);
        int iw = (int) Math.ceil(w * deviceScale);
        int ih = (int) Math.ceil(h * deviceScale);
        if (backdropValid && backdrop != null && backdrop.getWidth() == iw && backdrop.getHeight() == ih
                && scale == deviceScale) {
            return backdrop;
        }
        if (backdrop == null || backdrop.getWidth() != iw || backdrop.getHeight() != ih) {
            if (backdrop != null) {
                backdrop.flush();
            }
            backdrop = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_RGB);
        }
        if (scale != deviceScale) {
            joined.clear();
            scale = deviceScale;
        }
        Graphics2D g = backdrop.createGraphics();
        try {
            g.scale(deviceScale, deviceScale);
            paintWithoutCurves(g, w, h);
        } finally {
            g.dispose();
        }
        Rectangle2D p = plot.getBounds();
        plotXPx = p.getX() * deviceScale;
        plotYPx = p.getY() * deviceScale;
        plotWidthPx = p.getWidth() * deviceScale;
        plotHeightPx = p.getHeight() * deviceScale;
        Rectangle2D l = getStyler().isLegendVisible() ? legend.getBounds() : null;
        if (l != null && getStyler().getLegendPosition().name().startsWith("Inside")) {
            legendPx.setRect(l.getX() * deviceScale, l.getY() * deviceScale, l.getWidth() * deviceScale,
                    l.getHeight() * deviceScale);
        } else {
            legendPx.setRect(0, 0, 0, 0);
        }
        backdropValid = true;
        backdropRenders++;
        return backdrop;
    }

    private void paintWithoutCurves(Graphics2D g, int w, int h) {
        int n = getSeriesMap().size();
        String[] names = new String[n];
        double[][] xs = new double[n][];
        double[][] ys = new double[n][];
        int i = 0;
        for (XYSeries s : getSeriesMap().values()) {
            names[i] = s.getName();
            xs[i] = s.getXData();
            ys[i] = s.getYData();
            double[] nan = new double[xs[i].length];
            Arrays.fill(nan, Double.NaN);
            updateXYSeries(names[i], xs[i], nan, null);
            i++;
        }
        try {
            paint(g, w, h);
        } finally {
            for (int k = 0; k < n; k++) {
                updateXYSeries(names[k], xs[k], ys[k], null);
            }
        }
    }

    /** Left edge of the plot area in the last backdrop, image pixels. */
    double plotXPx() {
        return plotXPx;
    }

    /** Top edge of the plot area, pixels. */
    double plotYPx() {
        return plotYPx;
    }

    /** Width of the plot area, pixels. */
    double plotWidthPx() {
        return plotWidthPx;
    }

    /** Height of the plot area, pixels. */
    double plotHeightPx() {
        return plotHeightPx;
    }

    /** The legend box when it sits inside the plot (curves must not cover it), else an empty rectangle. */
    Rectangle2D legendPx() {
        return legendPx;
    }

    /** Limits {@code g} to the plot area, where XChart draws its curves. */
    void clipToPlot(Graphics2D g) {
        g.clip(new Rectangle2D.Double(plotXPx, plotYPx, plotWidthPx, plotHeightPx));
    }

    /**
     * Draws series {@code name} with its own colour and stroke (antialiased, like XChart) through the points
     * ({@code xPx[i]}, {@link #pixelY}({@code values[i]})), decimated to the pixel columns by {@code curve};
     * {@code yScratch} holds the pixel rows (at least as long as the values).
     */
    void drawSeries(Graphics2D g, String name, float[] xPx, double[] values, float[] yScratch, PixelCurve curve) {
        XYSeries s = getSeriesMap().get(name);
        int n = Math.min(values.length, xPx.length);
        for (int i = 0; i < n; i++) {
            yScratch[i] = (float) pixelY(values[i]);
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(s.getLineColor());
        g.setStroke(curveStroke(s.getLineStyle()));
        g.draw(curve.build(xPx, yScratch, n));
    }

    /**
     * The series' stroke with round joins, scaled to image pixels: XChart draws a curve as separate segments, each
     * with the stroke's caps, so a sharp peak never gets a miter spike; one path with round joins looks the same.
     */
    BasicStroke curveStroke(BasicStroke s) {
        return joined.computeIfAbsent(s, k -> {
            float[] dash = k.getDashArray();
            if (dash != null) {
                dash = dash.clone();
                for (int i = 0; i < dash.length; i++) {
                    dash[i] *= (float) scale;
                }
            }
            return new BasicStroke((float) (k.getLineWidth() * scale), k.getEndCap(), BasicStroke.JOIN_ROUND,
                    k.getMiterLimit(), dash, (float) (k.getDashPhase() * scale));
        });
    }

    /** The pixels of an RGB image made by this class (backdrop, frame, or one of the same type). */
    static int[] pixels(BufferedImage rgb) {
        return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    }

    /**
     * Starts a frame on {@code base} (the backdrop or an RGB image of its size made from it): copies its pixels into
     * the frame image; draw the curves with {@link #drawSeriesOnFrame}, then call {@link #endFrame}.
     */
    void beginFrame(BufferedImage base) {
        int w = base.getWidth();
        int h = base.getHeight();
        if (frame == null || frame.getWidth() != w || frame.getHeight() != h) {
            frame = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            framePixels = pixels(frame);
        }
        System.arraycopy(pixels(base), 0, framePixels, 0, framePixels.length);
    }

    /**
     * Draws series {@code name} into the frame begun by {@link #beginFrame}, clipped to the plot, as
     * {@link #drawSeries} would: solid strokes go through {@link CurveRaster} straight into the pixels, dashed
     * ones through Java2D.
     */
    void drawSeriesOnFrame(String name, float[] xPx, double[] values, float[] yScratch, PixelCurve curve) {
        XYSeries s = getSeriesMap().get(name);
        BasicStroke stroke = s.getLineStyle();
        if (stroke.getDashArray() != null) {
            Graphics2D g = frame.createGraphics();
            try {
                clipToPlot(g);
                drawSeries(g, name, xPx, values, yScratch, curve);
            } finally {
                g.dispose();
            }
            return;
        }
        int n = Math.min(values.length, xPx.length);
        for (int i = 0; i < n; i++) {
            yScratch[i] = (float) pixelY(values[i]);
        }
        int kept = curve.decimate(xPx, yScratch, n);
        raster.draw(framePixels, frame.getWidth(), frame.getHeight(), (int) Math.round(plotXPx),
                (int) Math.round(plotYPx), (int) Math.round(plotXPx + plotWidthPx),
                (int) Math.round(plotYPx + plotHeightPx), curve.xs(), curve.ys(), kept, (float) (stroke.getLineWidth() * scale),
                s.getLineColor().getRGB());
    }

    /**
     * Ends the frame begun on {@code base}: copies the legend box of {@code base} back over the curves (XChart
     * paints its legend above them) and returns the frame image to draw on the screen.
     */
    BufferedImage endFrame(BufferedImage base) {
        if (!legendPx.isEmpty()) {
            int w = frame.getWidth();
            int h = frame.getHeight();
            int x0 = Math.max(0, (int) Math.floor(legendPx.getX()) - 1);
            int y0 = Math.max(0, (int) Math.floor(legendPx.getY()) - 1);
            int x1 = Math.min(w, (int) Math.ceil(legendPx.getMaxX()) + 1);
            int y1 = Math.min(h, (int) Math.ceil(legendPx.getMaxY()) + 1);
            int[] src = pixels(base);
            for (int y = y0; y < y1 && x1 > x0; y++) {
                System.arraycopy(src, y * w + x0, framePixels, y * w + x0, x1 - x0);
            }
        }
        return frame;
    }

    /** Pixel column of x value {@code x} (log axis aware), as XChart draws it. */
    double pixelX(double x) {
        XYStyler s = getStyler();
        double min = s.getXAxisMin();
        double max = s.getXAxisMax();
        double v = x;
        if (s.isXAxisLogarithmic()) {
            min = Math.log10(min);
            max = Math.log10(max);
            v = Math.log10(x);
        }
        return plotXPx + (v - min) / (max - min) * plotWidthPx;
    }

    /** Pixel row of y value {@code y}, as XChart draws it (the axis is linear). */
    double pixelY(double y) {
        XYStyler s = getStyler();
        double min = s.getYAxisMin();
        double max = s.getYAxisMax();
        return plotYPx + plotHeightPx - (y - min) / (max - min) * plotHeightPx;
    }
}
