package org.mixlab.ui.analysis;

import java.awt.geom.Path2D;

/**
 * A polyline in pixel space built without allocating: points are decimated to at most two per pixel column (the
 * highest and the lowest of the points falling in that column, in their original order), so a curve never has
 * more vertices than about twice the plot's width however many values it has, and looks the same when drawn.
 */
final class PixelCurve {
    private final float[] xs;
    private final float[] ys;
    private final Path2D.Float path;
    private int size;

    /** A curve of at most {@code capacity} points. */
    PixelCurve(int capacity) {
        xs = new float[capacity];
        ys = new float[capacity];
        path = new Path2D.Float(Path2D.WIND_NON_ZERO, capacity + 2);
    }

    /**
     * Decimates {@code n} points ({@code xPx} ascending) into {@code outX}/{@code outY} and returns how many were
     * kept: within each pixel column (the integer part of x) only the point with the smallest y and the point with
     * the largest y remain, in the order they came; a column with one point keeps it unchanged.
     */
    static int decimate(float[] xPx, float[] yPx, int n, float[] outX, float[] outY) {
        int out = 0;
        int i = 0;
        while (i < n) {
            int column = (int) Math.floor(xPx[i]);
            int lo = i;
            int hi = i;
            int j = i + 1;
            while (j < n && (int) Math.floor(xPx[j]) == column) {
                if (yPx[j] < yPx[lo]) {
                    lo = j;
                }
                if (yPx[j] > yPx[hi]) {
                    hi = j;
                }
                j++;
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            outX[out] = xPx[first];
            outY[out] = yPx[first];
            out++;
            if (second != first) {
                outX[out] = xPx[second];
                outY[out] = yPx[second];
                out++;
            }
            i = j;
        }
        return out;
    }

    /** Decimates {@code n} points (x ascending) into {@link #xs()}/{@link #ys()}; returns how many were kept. */
    int decimate(float[] xPx, float[] yPx, int n) {
        size = decimate(xPx, yPx, n, xs, ys);
        return size;
    }

    /** The x of the points kept by the last decimation (the first {@link #size()} are valid). */
    float[] xs() {
        return xs;
    }

    /** The y of the points kept by the last decimation. */
    float[] ys() {
        return ys;
    }

    /** Rebuilds the path from {@code n} points (x ascending), decimated; returns the path (reused). */
    Path2D.Float build(float[] xPx, float[] yPx, int n) {
        decimate(xPx, yPx, n);
        path.reset();
        if (size > 0) {
            path.moveTo(xs[0], ys[0]);
            for (int k = 1; k < size; k++) {
                path.lineTo(xs[k], ys[k]);
            }
        }
        return path;
    }

    /** Vertices in the last path built. */
    int size() {
        return size;
    }

    /** The last path built. */
    Path2D.Float path() {
        return path;
    }
}
