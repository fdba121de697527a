package org.mixlab.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * The 4x round trip of {@link Oversampler} (same filters, same latency) for hot paths: float end to end, and the 4x
 * signal is never interleaved. It is kept as its four polyphase rows: phase {@code r} of row index {@code OFF + m}
 * is the top-rate sample {@code 4m + r} of the block; the 2x signal likewise as its even and odd rows. Every filter
 * output is then a sum of shifted windows of whole rows, and every loop runs over rows that are all indexed by the
 * same {@code m}, which HotSpot vectorises (a loop that reads {@code x[m + k]} while writing {@code y[m]} it does
 * not vectorise, so a shifted window is first copied with {@code System.arraycopy}; a window shared by several
 * outputs is copied once).
 * <p>
 * Each row holds {@link #OFF} history values (the previous blocks' tail) and then the block. The terms of every
 * sum are added in the order {@link Oversampler}'s stages add them, so for the same top-rate processing the result
 * is the same to the last bit. Inputs must be finite and small enough that the filters cannot overflow a float
 * (the caller clamps them); there is no non-finite check inside.
 * <p>
 * Usage per block and channel: write {@code n} values into {@link #input(int)} from index {@code OFF}, call
 * {@link #upsample(int, int)}, process the four {@link #phase(int, int)} rows in place over
 * {@code [OFF, OFF + n)}, call {@link #downsample(int, int)} and read its result row over {@code [OFF, OFF + n)}.
 */
final class PolyphaseOversampler {
    /** History values at the front of every row; the block starts here. */
    static final int OFF = 64;

    private final int latency;
    // stage 0 up (base -> 2x): even[m] = sum_o ua[o] x[m - o], odd[m] = sum_o ub[o] x[m - o]; length a multiple of 4
    private final float[] ua;
    private final float[] ub;
    // stage 1 up (2x -> 4x): windows of the even (src 0) or odd (src 1) row shifted by a non-positive amount
    private final int[] u1Src;
    private final int[] u1Shift;
    private final int[][] u1Win;    // per 4x phase, the windows of its terms in order
    private final float[][] u1Coef; // and their coefficients
    // stage 1 down (4x -> 2x): windows of the phase rows
    private final int[] d1Phase;
    private final int[] d1Shift;
    private final float[] d1Coef;   // per folded term
    private final int[][] d1Win0;   // [q][term] window of the first tap of the pair; q 0 makes even, 1 odd
    private final int[][] d1Win1;   // the second tap's window, -1 when the term is a single tap
    // stage 0 down (2x -> base): windows of the even (src 0) or odd (src 1) 2x row
    private final float[] d0Coef;
    private final int[][] d0Src;    // [term][side]; side 1 is -1 for a single tap
    private final int[][] d0Shift;

    private float[][] xin;
    private float[][] even;
    private float[][] odd;
    private float[][][] phases;
    private float[][] vEven;
    private float[][] vOdd;
    private float[][] win1;    // the windows of the current block: a copy in win1Buf, or an unshifted row itself
    private float[][] win1Buf;
    private float[][] win2;
    private float[][] win2Buf;
    private float[][] tmp;
    private float[][] tmpRef;
    private float[] out;

    /** The 4x cascade of {@code new Oversampler(4, halfSampleInside)}. */
    PolyphaseOversampler(boolean halfSampleInside) {
        Oversampler design = new Oversampler(4, halfSampleInside);
        latency = design.latencySamples();

        // stage 0 up, polyphase as in Oversampler.Stage: phase p takes the taps p, p + 2, ...
        double[] up0 = design.upTaps(0);
        int hist0 = (up0.length - 1) / 2;
        int w0 = (hist0 + 1 + 3) / 4 * 4;
        ua = new float[w0];
        ub = new float[w0];
        for (int i = 0; i < up0.length; i++) {
            (i % 2 == 0 ? ua : ub)[i / 2] = (float) up0[i];
        }

        // stage 1 up: out[2k + p] = sum_o c_p[o] s[k - o], s the 2x signal; k = 2m + q gives phase r = 2q + p
        double[] up1 = design.upTaps(1);
        List<int[]> wins = new ArrayList<>();
        u1Win = new int[4][];
        u1Coef = new float[4][];
        for (int r = 0; r < 4; r++) {
            int q = r >> 1;
            int p = r & 1;
            List<Integer> ids = new ArrayList<>();
            List<Float> cs = new ArrayList<>();
            for (int o = 0; 2 * o + p < up1.length; o++) {
                float c = (float) up1[2 * o + p];
                if (c == 0f) {
                    continue; // adding 0 * x changes nothing: skipping it keeps the sum exact
                }
                int t = q - o; // s[2m + t]: the even row at m + t / 2 or the odd row at m + (t - 1) / 2
                ids.add(windowId(wins, t & 1, Math.floorDiv(t, 2)));
                cs.add(c);
            }
            u1Win[r] = ids.stream().mapToInt(Integer::intValue).toArray();
            u1Coef[r] = new float[cs.size()];
            for (int k = 0; k < cs.size(); k++) {
                u1Coef[r][k] = cs.get(k);
            }
        }
        u1Src = wins.stream().mapToInt(w -> w[0]).toArray();
        u1Shift = wins.stream().mapToInt(w -> w[1]).toArray();

        // stage 1 down: y[k] = sum_i h[i] u[2k - i - pad], k = 2m + q, u[4m + t] is phase t mod 4 at m + t div 4
        int[][] fold1 = fold(design.downTaps(1));
        double[] dn1 = design.downTaps(1);
        int pad1 = design.downPad(1);
        int terms1 = fold1.length;
        wins.clear();
        d1Coef = new float[terms1];
        d1Win0 = new int[2][terms1];
        d1Win1 = new int[2][terms1];
        for (int k = 0; k < terms1; k++) {
            d1Coef[k] = (float) dn1[fold1[k][0]];
            for (int q = 0; q < 2; q++) {
                for (int side = 0; side < 2; side++) {
                    int tap = fold1[k][side];
                    int id = -1;
                    if (tap >= 0) {
                        int t = 2 * q - tap - pad1;
                        id = windowId(wins, Math.floorMod(t, 4), Math.floorDiv(t, 4));
                    }
                    (side == 0 ? d1Win0 : d1Win1)[q][k] = id;
                }
            }
        }
        d1Phase = wins.stream().mapToInt(w -> w[0]).toArray();
        d1Shift = wins.stream().mapToInt(w -> w[1]).toArray();

        // stage 0 down: y[m] = sum_i h[i] v[2m - i], v[2m + t] the even (t even) or odd row
        int[][] fold0 = fold(design.downTaps(0));
        double[] dn0 = design.downTaps(0);
        int pad0 = design.downPad(0);
        d0Coef = new float[fold0.length];
        d0Src = new int[fold0.length][2];
        d0Shift = new int[fold0.length][2];
        for (int k = 0; k < fold0.length; k++) {
            d0Coef[k] = (float) dn0[fold0[k][0]];
            for (int side = 0; side < 2; side++) {
                int tap = fold0[k][side];
                if (tap < 0) {
                    d0Src[k][side] = -1;
                    continue;
                }
                int t = -tap - pad0;
                d0Src[k][side] = t & 1;
                d0Shift[k][side] = Math.floorDiv(t, 2);
            }
        }
        checkHistory(ua.length - 1);
        for (int s : u1Shift) {
            checkHistory(-s);
        }
        for (int s : d1Shift) {
            checkHistory(-s);
        }
        for (int[] s : d0Shift) {
            checkHistory(Math.max(-s[0], -s[1]));
        }
    }

    private static void checkHistory(int h) {
        if (h > OFF) {
            throw new IllegalStateException("filter needs " + h + " history values, rows keep " + OFF);
        }
    }

    private static int windowId(List<int[]> wins, int src, int shift) {
        for (int i = 0; i < wins.size(); i++) {
            if (wins.get(i)[0] == src && wins.get(i)[1] == shift) {
                return i;
            }
        }
        wins.add(new int[] {src, shift});
        return wins.size() - 1;
    }

    /**
     * The terms of a decimator as {@link Oversampler}'s stage forms them: the non-zero taps, folded into pairs
     * {@code (t, count - 1 - t)} when the filter is symmetric; each term is {@code {tap, pairedTap or -1}}.
     */
    private static int[][] fold(double[] down) {
        List<Integer> nz = new ArrayList<>();
        for (int i = 0; i < down.length; i++) {
            if (down[i] != 0) {
                nz.add(i);
            }
        }
        int count = nz.size();
        boolean symmetric = true;
        for (int i = 0; i < count; i++) {
            symmetric &= down[nz.get(i)] == down[nz.get(count - 1 - i)];
        }
        int terms = symmetric ? (count + 1) / 2 : count;
        int[][] out = new int[terms][2];
        for (int t = 0; t < terms; t++) {
            int j = symmetric ? count - 1 - t : t;
            out[t][0] = nz.get(t);
            out[t][1] = symmetric && j != t ? nz.get(j) : -1;
        }
        return out;
    }

    /** Round-trip delay in base-rate samples (that of the matching {@link Oversampler}). */
    int latencySamples() {
        return latency;
    }

    /** Allocates per-channel state for up to {@code maxBlockSize} base-rate samples per call; clears it. */
    void prepare(int channels, int maxBlockSize) {
        int len = OFF + maxBlockSize;
        xin = new float[channels][len];
        even = new float[channels][len];
        odd = new float[channels][len];
        phases = new float[channels][4][len];
        vEven = new float[channels][len];
        vOdd = new float[channels][len];
        win1 = new float[u1Src.length][];
        win1Buf = new float[u1Src.length][len];
        win2 = new float[d1Phase.length][];
        win2Buf = new float[d1Phase.length][len];
        tmp = new float[8][len];
        tmpRef = new float[8][];
        out = new float[len];
    }

    /** Clears all histories. */
    void reset() {
        if (xin == null) {
            return;
        }
        for (int c = 0; c < xin.length; c++) {
            java.util.Arrays.fill(xin[c], 0f);
            java.util.Arrays.fill(even[c], 0f);
            java.util.Arrays.fill(odd[c], 0f);
            for (float[] p : phases[c]) {
                java.util.Arrays.fill(p, 0f);
            }
            java.util.Arrays.fill(vEven[c], 0f);
            java.util.Arrays.fill(vOdd[c], 0f);
        }
    }

    /** The input row of channel {@code ch}: write the block's samples from index {@link #OFF} on. */
    float[] input(int ch) {
        return xin[ch];
    }

    /** Phase {@code r} (0..3) of channel {@code ch}'s 4x block, over {@code [OFF, OFF + n)}; process it in place. */
    float[] phase(int ch, int r) {
        return phases[ch][r];
    }

    /** Copies {@code n} samples into the input row and upsamples them (for tests). */
    void upsample(int ch, float[] in, int n) {
        System.arraycopy(in, 0, xin[ch], OFF, n);
        upsample(ch, n);
    }

    /** Downsamples into {@code out[0, n)} (for tests). */
    void downsample(int ch, float[] dst, int n) {
        System.arraycopy(downsample(ch, n), OFF, dst, 0, n);
    }

    /** Upsamples the {@code n} samples of the input row into the four phase rows. */
    void upsample(int ch, int n) {
        if (n == 0) {
            return;
        }
        int from = OFF;
        int to = OFF + n;
        float[] x = xin[ch];
        float[] a = even[ch];
        float[] b = odd[ch];
        float[] t0 = tmp[0];
        float[] t1 = tmp[1];
        float[] t2 = tmp[2];
        float[] t3 = tmp[3];
        for (int o = 0; o < ua.length; o += 4) {
            float[] x0 = window(x, -o, t0, n);
            float[] x1 = window(x, -o - 1, t1, n);
            float[] x2 = window(x, -o - 2, t2, n);
            float[] x3 = window(x, -o - 3, t3, n);
            // one pass per phase: a loop updating both phases at once is not vectorised
            if (o == 0) {
                set4(a, x0, x1, x2, x3, from, to, ua[0], ua[1], ua[2], ua[3]);
                set4(b, x0, x1, x2, x3, from, to, ub[0], ub[1], ub[2], ub[3]);
            } else {
                mac4(a, x0, x1, x2, x3, from, to, ua[o], ua[o + 1], ua[o + 2], ua[o + 3]);
                mac4(b, x0, x1, x2, x3, from, to, ub[o], ub[o + 1], ub[o + 2], ub[o + 3]);
            }
        }
        float[][] w = win1;
        for (int k = 0; k < w.length; k++) {
            w[k] = window(u1Src[k] == 0 ? a : b, u1Shift[k], win1Buf[k], n);
        }
        float[][] ph = phases[ch];
        for (int r = 0; r < 4; r++) {
            sum(ph[r], w, u1Win[r], u1Coef[r], from, to);
        }
        keepHistory(x, n);
        keepHistory(a, n);
        keepHistory(b, n);
    }

    /** Downsamples the four phase rows; returns the row holding the {@code n} output samples from {@link #OFF}. */
    float[] downsample(int ch, int n) {
        if (n == 0) {
            return out;
        }
        int from = OFF;
        int to = OFF + n;
        float[][] ph = phases[ch];
        float[][] w = win2;
        for (int k = 0; k < w.length; k++) {
            w[k] = window(ph[d1Phase[k]], d1Shift[k], win2Buf[k], n);
        }
        float[] ve = vEven[ch];
        float[] vo = vOdd[ch];
        fold(ve, w, d1Win0[0], d1Win1[0], d1Coef, from, to);
        fold(vo, w, d1Win0[1], d1Win1[1], d1Coef, from, to);
        // stage 0: the windows are used once each, so copy them term by term
        float[] acc = out;
        float[][] t = tmpRef;
        int terms = d0Coef.length;
        int k = 0;
        boolean first = true;
        for (; k + 4 <= terms && d0Src[k + 3][1] >= 0; k += 4) {
            for (int j = 0; j < 4; j++) {
                t[2 * j] = window0(ve, vo, k + j, 0, j * 2, n);
                t[2 * j + 1] = window0(ve, vo, k + j, 1, j * 2 + 1, n);
            }
            if (first) {
                fold4set(acc, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], from, to,
                        d0Coef[k], d0Coef[k + 1], d0Coef[k + 2], d0Coef[k + 3]);
                first = false;
            } else {
                fold4(acc, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], from, to,
                        d0Coef[k], d0Coef[k + 1], d0Coef[k + 2], d0Coef[k + 3]);
            }
        }
        for (; k < terms; k++) {
            float[] a = window0(ve, vo, k, 0, 0, n);
            if (d0Src[k][1] >= 0) {
                float[] b = window0(ve, vo, k, 1, 1, n);
                fold1(acc, a, b, from, to, d0Coef[k], first);
            } else {
                mac1(acc, a, from, to, d0Coef[k], first);
            }
            first = false;
        }
        for (float[] p : ph) {
            keepHistory(p, n);
        }
        keepHistory(ve, n);
        keepHistory(vo, n);
        return out;
    }

    private float[] window0(float[] ve, float[] vo, int term, int side, int slot, int n) {
        return window(d0Src[term][side] == 0 ? ve : vo, d0Shift[term][side], tmp[slot], n);
    }

    /** The row {@code src} shifted by {@code shift} (non-positive) over the block: src itself, or a copy in dst. */
    private static float[] window(float[] src, int shift, float[] dst, int n) {
        if (shift == 0) {
            return src;
        }
        System.arraycopy(src, OFF + shift, dst, OFF, n);
        return dst;
    }

    private static void keepHistory(float[] row, int n) {
        System.arraycopy(row, n, row, 0, OFF);
    }

    /** acc = sum of coef[k] * w[ids[k]] in order (left to right, as a one-term-at-a-time loop would add). */
    private static void sum(float[] acc, float[][] w, int[] ids, float[] coef, int from, int to) {
        int terms = ids.length;
        int k = 0;
        for (; k + 4 <= terms; k += 4) {
            float[] a = w[ids[k]];
            float[] b = w[ids[k + 1]];
            float[] c = w[ids[k + 2]];
            float[] d = w[ids[k + 3]];
            if (k == 0) {
                set4(acc, a, b, c, d, from, to, coef[0], coef[1], coef[2], coef[3]);
            } else {
                mac4(acc, a, b, c, d, from, to, coef[k], coef[k + 1], coef[k + 2], coef[k + 3]);
            }
        }
        for (; k < terms; k++) {
            mac1(acc, w[ids[k]], from, to, coef[k], k == 0);
        }
    }

    /** acc = sum of coef[k] * (w[w0[k]] + w[w1[k]]) in order; w1[k] = -1 for a single tap. */
    private static void fold(float[] acc, float[][] w, int[] w0, int[] w1, float[] coef, int from, int to) {
        int terms = coef.length;
        int k = 0;
        for (; k + 4 <= terms && w1[k + 3] >= 0 && w1[k + 2] >= 0 && w1[k + 1] >= 0 && w1[k] >= 0; k += 4) {
            if (k == 0) {
                fold4set(acc, w[w0[k]], w[w1[k]], w[w0[k + 1]], w[w1[k + 1]], w[w0[k + 2]], w[w1[k + 2]],
                        w[w0[k + 3]], w[w1[k + 3]], from, to, coef[k], coef[k + 1], coef[k + 2], coef[k + 3]);
            } else {
                fold4(acc, w[w0[k]], w[w1[k]], w[w0[k + 1]], w[w1[k + 1]], w[w0[k + 2]], w[w1[k + 2]],
                        w[w0[k + 3]], w[w1[k + 3]], from, to, coef[k], coef[k + 1], coef[k + 2], coef[k + 3]);
            }
        }
        for (; k < terms; k++) {
            if (w1[k] >= 0) {
                fold1(acc, w[w0[k]], w[w1[k]], from, to, coef[k], k == 0);
            } else {
                mac1(acc, w[w0[k]], from, to, coef[k], k == 0);
            }
        }
    }

    private static void set4(float[] acc, float[] a, float[] b, float[] c, float[] d, int from, int to,
                             float c0, float c1, float c2, float c3) {
        for (int m = from; m < to; m++) {
            acc[m] = c0 * a[m] + c1 * b[m] + c2 * c[m] + c3 * d[m];
        }
    }

    private static void mac4(float[] acc, float[] a, float[] b, float[] c, float[] d, int from, int to,
                             float c0, float c1, float c2, float c3) {
        for (int m = from; m < to; m++) {
            acc[m] = acc[m] + c0 * a[m] + c1 * b[m] + c2 * c[m] + c3 * d[m];
        }
    }

    private static void mac1(float[] acc, float[] a, int from, int to, float c0, boolean set) {
        if (set) {
            for (int m = from; m < to; m++) {
                acc[m] = c0 * a[m];
            }
        } else {
            for (int m = from; m < to; m++) {
                acc[m] = acc[m] + c0 * a[m];
            }
        }
    }

    private static void fold1(float[] acc, float[] a, float[] b, int from, int to, float c0, boolean set) {
        if (set) {
            for (int m = from; m < to; m++) {
                acc[m] = c0 * (a[m] + b[m]);
            }
        } else {
            for (int m = from; m < to; m++) {
                acc[m] = acc[m] + c0 * (a[m] + b[m]);
            }
        }
    }

    // four folded terms as two passes of two: one pass over eight windows is not vectorised where it is used here
    private static void fold4set(float[] acc, float[] a0, float[] b0, float[] a1, float[] b1, float[] a2, float[] b2,
                                 float[] a3, float[] b3, int from, int to, float c0, float c1, float c2, float c3) {
        for (int m = from; m < to; m++) {
            acc[m] = c0 * (a0[m] + b0[m]) + c1 * (a1[m] + b1[m]);
        }
        fold2(acc, a2, b2, a3, b3, from, to, c2, c3);
    }

    private static void fold4(float[] acc, float[] a0, float[] b0, float[] a1, float[] b1, float[] a2, float[] b2,
                              float[] a3, float[] b3, int from, int to, float c0, float c1, float c2, float c3) {
        fold2(acc, a0, b0, a1, b1, from, to, c0, c1);
        fold2(acc, a2, b2, a3, b3, from, to, c2, c3);
    }

    private static void fold2(float[] acc, float[] a0, float[] b0, float[] a1, float[] b1, int from, int to,
                              float c0, float c1) {
        for (int m = from; m < to; m++) {
            acc[m] = acc[m] + c0 * (a0[m] + b0[m]) + c1 * (a1[m] + b1[m]);
        }
    }
}
