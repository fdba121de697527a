package org.mixlab.engine.playback;

/** Where the transport sends rendered audio: a sound device, or the silent software clock. */
public interface AudioOutput {
    /** Writes {@code n} stereo frames, blocking until the device (or clock) has room. Throws on device failure. */
    void write(float[] left, float[] right, int n) throws Exception;

    /** Stops and releases the output; never throws. */
    void close();

    /** True for the silent software clock. */
    boolean isSilent();

    /** One line describing the output for the status bar. */
    String describe();
}
