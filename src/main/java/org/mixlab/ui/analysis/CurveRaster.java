package org.mixlab.ui.analysis;

import java.util.Arrays;

/**
 * Draws antialiased polylines of a given width straight into the pixels of an RGB image, for curves redrawn every
 * frame. Java2D's general rasteriser walks 8 sub-rows per pixel row for every edge of the stroked outline, which
 * for a jagged spectrum (hundreds of tall, thin segments) costs over a millisecond a curve; here each segment
 * costs one pass over the pixel rows (or columns) it crosses. Each segment covers, per row, the horizontal
 * extent of a band of the line's width (per column for flat segments), with exact partial coverage at both
 * ends, and each vertex gets a round disc, so joins and caps are round. Coverage of one curve is combined by
 * maximum (no darker dots where segments overlap) and blended once with the colour, as an antialiased stroke is.
 */
final class CurveRaster {
    private float[] coverage = new float[0];
    private int[] touched = new int[0];
    private int touchedCount;
    private int width;
    private int clipX0;
    private int clipY0;
    private int clipX1;
    private int clipY1;

    /**
     * Draws the polyline through {@code n} points ({@code xs[i]}, {@code ys[i]}, pixel coordinates, pixel centres
     * at +0.5) with {@code widthPx} and colour {@code rgb} (opaque) into {@code pixels} (row-major, {@code w} x
     * {@code h}), touching only pixels inside the clip rectangle [{@code cx0}, {@code cx1}) x [{@code cy0},
     * {@code cy1}).
     */
    void draw(int[] pixels, int w, int h, int cx0, int cy0, int cx1, int cy1, float[] xs, float[] ys, int n,
              float widthPx, int rgb) {
        if (coverage.length < w * h) {
            coverage = new float[w * h];
            touched = new int[w * h];
        }
        width = w;
        clipX0 = Math.max(0, cx0);
        clipY0 = Math.max(0, cy0);
        clipX1 = Math.min(w, cx1);
        clipY1 = Math.min(h, cy1);
        touchedCount = 0;
        float half = widthPx / 2f;
        for (int i = 0; i + 1 < n; i++) {
            segment(xs[i], ys[i], xs[i + 1], ys[i + 1], half);
        }
        for (int i = 0; i < n; i++) {
            disc(xs[i], ys[i], half);
        }
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        for (int k = 0; k < touchedCount; k++) {
            int p = touched[k];
            float a = coverage[p];
            coverage[p] = 0;
            int d = pixels[p];
            int dr = (d >> 16) & 0xff;
            int dg = (d >> 8) & 0xff;
            int db = d & 0xff;
            pixels[p] = 0xff000000 | (Math.round(dr + (r - dr) * a) << 16) | (Math.round(dg + (g - dg) * a) << 8)
                    | Math.round(db + (b - db) * a);
        }
    }

    /** Pixels touched by the last curve drawn (tests read this). */
    int lastTouchedCount() {
        return touchedCount;
    }

    private void cover(int x, int y, float c) {
        if (x < clipX0 || x >= clipX1 || y < clipY0 || y >= clipY1 || c <= 0) {
            return;
        }
        add(y * width + x, c);
    }

    /** Adds coverage {@code c} (0 to 1) to pixel index {@code p} inside the clip, keeping the maximum. */
    private void add(int p, float c) {
        float old = coverage[p];
        if (old == 0) {
            touched[touchedCount++] = p;
        }
        if (c > old) {
            coverage[p] = Math.min(1f, c);
        }
    }

    /** Covers [a, b) of pixel row or column {@code line} with the weight {@code weight}, exact at both ends. */
    private void span(boolean rows, int line, float a, float b, float weight) {
        int lo;
        int hi;
        int step;
        int base;
        if (rows) {
            if (line < clipY0 || line >= clipY1) {
                return;
            }
            lo = Math.max((int) Math.floor(a), clipX0);
            hi = Math.min((int) Math.floor(b), clipX1 - 1);
            base = line * width;
            step = 1;
        } else {
            if (line < clipX0 || line >= clipX1) {
                return;
            }
            lo = Math.max((int) Math.floor(a), clipY0);
            hi = Math.min((int) Math.floor(b), clipY1 - 1);
            base = line;
            step = width;
        }
        for (int q = lo; q <= hi; q++) {
            float c = (Math.min(b, q + 1) - Math.max(a, q)) * weight;
            if (c > 0) {
                add(rows ? base + q : base + q * step, c);
            }
        }
    }

    /**
     * One straight band of half width {@code half} from (x0, y0) to (x1, y1): walked along its longer axis, one
     * pixel row (or column) at a time, covering the band's cross-section there.
     */
    private void segment(float x0, float y0, float x1, float y1, float half) {
        float dx = x1 - x0;
        float dy = y1 - y0;
        float len = (float) Math.sqrt(dx * dx + dy * dy);
        if (!(len >= 1e-4f) || !Float.isFinite(len)) {
            return; // a point, or a coordinate that is not a number or infinite: nothing to draw
        }
        boolean steep = Math.abs(dy) >= Math.abs(dx);
        // walk along the major axis u (y when steep), the band spans +-extent along the minor axis v
        float u0 = steep ? y0 : x0;
        float u1 = steep ? y1 : x1;
        float v0 = steep ? x0 : y0;
        float v1 = steep ? x1 : y1;
        if (u1 < u0) {
            float t = u0;
            u0 = u1;
            u1 = t;
            t = v0;
            v0 = v1;
            v1 = t;
        }
        float du = u1 - u0;
        float slope = (v1 - v0) / du;
        float extent = half * len / du;
        int firstLine = Math.max((int) Math.floor(u0), steep ? clipY0 : clipX0);
        int lastLine = Math.min((int) Math.floor(u1), (steep ? clipY1 : clipX1) - 1);
        for (int line = firstLine; line <= lastLine; line++) {
            float top = Math.max(u0, line);
            float bottom = Math.min(u1, line + 1);
            float inside = bottom - top;
            if (inside <= 0) {
                continue;
            }
            float v = v0 + slope * ((top + bottom) / 2 - u0);
            span(steep, line, v - extent, v + extent, inside);
        }
    }

    /** A round dot of radius {@code half} (at least half a pixel) at a vertex: the round join or cap. */
    private void disc(float x, float y, float half) {
        float radius = Math.max(0.5f, half);
        if (!(x > clipX0 - radius - 1 && x < clipX1 + radius + 1 && y > clipY0 - radius - 1
                && y < clipY1 + radius + 1)) {
            return; // outside the clip, or not a number
        }
        int xa = (int) Math.floor(x - radius - 0.5f);
        int xb = (int) Math.floor(x + radius + 0.5f);
        int ya = (int) Math.floor(y - radius - 0.5f);
        int yb = (int) Math.floor(y + radius + 0.5f);
        for (int py = ya; py <= yb; py++) {
            for (int px = xa; px <= xb; px++) {
                float ddx = px + 0.5f - x;
                float ddy = py + 0.5f - y;
                float dist = (float) Math.sqrt(ddx * ddx + ddy * ddy);
                cover(px, py, Math.min(1f, radius + 0.5f - dist) * Math.min(1f, 2 * radius));
            }
        }
    }

    /** Clears all coverage (after an interrupted draw; a completed draw leaves it clear). */
    void reset() {
        Arrays.fill(coverage, 0);
        touchedCount = 0;
    }
}
