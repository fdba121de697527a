package org.mixlab.engine.live;

/**
 * A single-writer/single-reader ring of mono samples: the audio thread writes, the UI copies the most recent ones.
 * Sized so the reader's window is a small part of the ring; a reader that falls a whole ring behind just sees newer
 * samples. Never allocates after construction.
 */
public final class SampleRing {
    private final float[] ring;
    private final int mask;
    private volatile long written;
    private long lastRead = -1;

    /** A ring of at least {@code minCapacity} samples (rounded up to a power of two). */
    public SampleRing(int minCapacity) {
        int cap = Integer.highestOneBit(Math.max(2, minCapacity - 1)) << 1;
        ring = new float[cap];
        mask = cap - 1;
    }

    /** Audio thread: appends (l + r) / 2 for {@code n} frames starting at {@code offset}. */
    public void writeMono(float[] l, float[] r, int offset, int n) {
        long w = written;
        for (int i = 0; i < n; i++) {
            ring[(int) ((w + i) & mask)] = 0.5f * (l[offset + i] + r[offset + i]);
        }
        written = w + n;
    }

    /** Reader: copies the newest {@code into.length} samples (at most half the ring); true when new data arrived. */
    public boolean readLatest(float[] into) {
        long w = written;
        int len = Math.min(into.length, ring.length / 2);
        long start = w - len;
        for (int i = 0; i < len; i++) {
            long idx = start + i;
            into[i] = idx < 0 ? 0f : ring[(int) (idx & mask)];
        }
        boolean fresh = w != lastRead;
        lastRead = w;
        return fresh;
    }

    /** Total samples written. */
    public long written() {
        return written;
    }
}
