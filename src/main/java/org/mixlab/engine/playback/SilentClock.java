package org.mixlab.engine.playback;

import java.util.concurrent.locks.LockSupport;

/**
 * Plays nothing but keeps real time: each write waits until the frames written so far are due on the wall clock.
 * Used when there is no sound device (or the device failed), so meters, spectrum and A/B keep running.
 */
public final class SilentClock implements AudioOutput {
    private final double sampleRate;
    private final String reason;
    private long framesWritten;
    private long startNanos = -1;

    /**
     * @param sampleRate frames per second
     * @param reason     why there is no device, for the status line
     */
    public SilentClock(double sampleRate, String reason) {
        this.sampleRate = sampleRate;
        this.reason = reason;
    }

    @Override
    public void write(float[] left, float[] right, int n) {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
        framesWritten += n;
        long due = startNanos + (long) (framesWritten * 1e9 / sampleRate);
        // Stay at most one block ahead of the wall clock, like a device buffer would.
        long wait;
        while ((wait = due - System.nanoTime() - (long) (n * 1e9 / sampleRate)) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    @Override
    public void close() {
        startNanos = -1;
        framesWritten = 0;
    }

    @Override
    public boolean isSilent() {
        return true;
    }

    @Override
    public String describe() {
        return "No sound device (" + reason + "): playing on a silent clock; meters and A/B still work";
    }
}
