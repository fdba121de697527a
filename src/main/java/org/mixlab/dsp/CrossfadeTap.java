package org.mixlab.dsp;

/**
 * Glides between integer delay times without pitch bends or clicks: when the target delay changes, the output fades
 * linearly from a tap at the old delay to a tap at the new one. A target that changes again during a fade is taken
 * up when that fade ends. One tap state serves any number of channels: read each channel's line, then advance once.
 */
final class CrossfadeTap {
    private int current = 1;
    private int next = 1;
    private int pending = 1;
    private double fadePos;
    private double fadeStep = 1.0 / 1024;
    private boolean fading;

    /** Sets the fade length in samples (at least 1). */
    void setFadeSamples(int samples) {
        fadeStep = 1.0 / Math.max(1, samples);
    }

    /** Jumps to {@code delay} with no fade (prepare/reset). */
    void jumpTo(int delay) {
        current = next = pending = delay;
        fading = false;
        fadePos = 0;
    }

    /** Requests a new delay; it is reached by a fade. */
    void setTarget(int delay) {
        pending = delay;
    }

    /** The delay the tap is at or fading to (the pending one if a later change is queued). */
    int target() {
        return pending;
    }

    /** Starts a queued fade if idle; call once per sample before reading. */
    void begin() {
        if (!fading && pending != current) {
            next = pending;
            fading = true;
            fadePos = 0;
        }
    }

    /** This sample's output from {@code line}. */
    double read(DelayLine line) {
        if (!fading) {
            return line.readInt(current);
        }
        double a = line.readInt(current);
        double b = line.readInt(next);
        return a + (b - a) * fadePos;
    }

    /** Moves the fade on by one sample; call once per sample after all reads. */
    void advance() {
        if (fading) {
            fadePos += fadeStep;
            if (fadePos >= 1.0) {
                current = next;
                fading = false;
                fadePos = 0;
            }
        }
    }
}
