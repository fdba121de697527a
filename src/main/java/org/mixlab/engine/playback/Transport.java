package org.mixlab.engine.playback;

import java.util.Locale;

/**
 * Runs the audio thread: renders a block, hands it to the output, repeats. With no sound device, or when the device
 * fails mid-play, it carries on with a {@link SilentClock}. Start and stop return at once; the UI never waits.
 * Setting the system property {@code mixlab.audio=none} forces the silent clock (tests, machines without sound).
 */
public final class Transport {
    /** Renders the next block on the audio thread; must not allocate or block. */
    @FunctionalInterface
    public interface Renderer {
        /** Fills {@code n} frames of left and right. */
        void render(float[] left, float[] right, int n);
    }

    private final double sampleRate;
    private final int blockFrames;
    private final double bufferMs;
    private final Renderer renderer;
    private final float[] left;
    private final float[] right;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile String status = "Stopped";
    private volatile boolean silent;
    private AudioOutput output;

    /**
     * @param sampleRate  frames per second
     * @param blockFrames frames per block (256 is about 6 ms at 44.1 kHz)
     * @param bufferMs    device buffer, ms, 5 to 500; default 20
     * @param renderer    the audio callback
     */
    public Transport(double sampleRate, int blockFrames, double bufferMs, Renderer renderer) {
        this.sampleRate = sampleRate;
        this.blockFrames = blockFrames;
        this.bufferMs = Math.max(5, Math.min(500, bufferMs));
        this.renderer = renderer;
        this.left = new float[blockFrames];
        this.right = new float[blockFrames];
        this.silent = forcedSilent();
        if (silent) {
            status = new SilentClock(sampleRate, "turned off with mixlab.audio=none").describe();
        }
    }

    private static boolean forcedSilent() {
        return "none".equalsIgnoreCase(System.getProperty("mixlab.audio", ""));
    }

    /** Starts the audio thread (no-op while running). Returns at once. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread previous = thread;
        Thread t = new Thread(() -> run(previous), "MixLab audio");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        thread = t;
        t.start();
    }

    /** Asks the audio thread to stop after its current block. Returns at once. */
    public synchronized void stop() {
        running = false;
    }

    /** True between start and stop. */
    public boolean isRunning() {
        return running;
    }

    /** True when playing (or ready to play) on the silent clock rather than a device. */
    public boolean isSilent() {
        return silent;
    }

    /** The status line for the output. */
    public String status() {
        return status;
    }

    /** Frames per block. */
    public int blockFrames() {
        return blockFrames;
    }

    private void run(Thread previous) {
        if (previous != null) {
            try {
                previous.join(); // never two render threads at once; this waits on the audio side only
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (output == null) {
            output = openOutput();
        }
        while (running) {
            renderer.render(left, right, blockFrames);
            try {
                output.write(left, right, blockFrames);
            } catch (Exception | LinkageError e) {
                output.close();
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                output = new SilentClock(sampleRate, "the device failed: " + why);
                silent = true;
                status = output.describe();
            }
        }
        if (!output.isSilent()) {
            output.close();
            output = null;
        } else {
            output.close(); // resets the clock for the next start
        }
    }

    private AudioOutput openOutput() {
        if (forcedSilent()) {
            silent = true;
            AudioOutput o = new SilentClock(sampleRate, "turned off with mixlab.audio=none");
            status = o.describe();
            return o;
        }
        try {
            AudioOutput o = JavaSoundOutput.open(sampleRate, blockFrames, bufferMs);
            silent = false;
            status = o.describe();
            return o;
        } catch (Exception | LinkageError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            AudioOutput o = new SilentClock(sampleRate, why.toLowerCase(Locale.ROOT).contains("line")
                    ? "none available" : why);
            silent = true;
            status = o.describe();
            return o;
        }
    }
}
