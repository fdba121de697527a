package org.mixlab.engine.graph;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Lock-free hand-off of parameter values from the UI thread to the audio thread: each value lives in an atomic
 * (raw double bits) and one dirty flag says that some changed. The audio thread calls {@link #pull} once per block.
 */
public final class ParameterBank {
    private final AtomicLongArray bits;
    private final AtomicBoolean dirty = new AtomicBoolean(true);

    /** A bank of {@code size} values, all 0. */
    public ParameterBank(int size) {
        bits = new AtomicLongArray(size);
    }

    /** Number of values. */
    public int size() {
        return bits.length();
    }

    /** Writes value {@code index} (any thread) and marks the bank dirty. */
    public void set(int index, double value) {
        bits.set(index, Double.doubleToRawLongBits(value));
        dirty.set(true);
    }

    /** Reads value {@code index} (any thread). */
    public double get(int index) {
        return Double.longBitsToDouble(bits.get(index));
    }

    /** Receives values on the audio thread. */
    @FunctionalInterface
    public interface Sink {
        /** Called with each value; must not allocate. */
        void accept(int index, double value);
    }

    /** If anything changed since the last pull, hands every value to {@code sink}; returns whether it did. */
    public boolean pull(Sink sink) {
        if (!dirty.getAndSet(false)) {
            return false;
        }
        for (int i = 0, n = bits.length(); i < n; i++) {
            sink.accept(i, Double.longBitsToDouble(bits.get(i)));
        }
        return true;
    }
}
