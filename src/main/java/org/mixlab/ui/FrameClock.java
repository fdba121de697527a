package org.mixlab.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.Timer;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.engine.live.MixEngine;

/**
 * The one Swing timer (30 ms, about 33 frames a second) that drives every meter, the spectrum and the transport
 * display. Each frame it copies the engine's meters into one reused {@link MeterSnapshot} and hands it to every
 * listener, on the Swing thread; nothing here blocks or sleeps.
 */
public final class FrameClock {
    /** Default frame period in milliseconds. */
    public static final int PERIOD_MS = 30;

    /** System property giving the frame rate (frames a second, 1..240) instead of the default 30 ms period. */
    public static final String FPS_PROPERTY = "mixlab.fps";

    /** Called once per frame on the Swing thread. */
    public interface Listener {
        /** A new frame: {@code meters} is reused (copy what you keep); {@code playing} is the transport state. */
        void onFrame(MeterSnapshot meters, boolean playing);
    }

    private final MixEngine engine;
    private final MeterSnapshot snapshot = new MeterSnapshot();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Timer timer;
    private long frames;

    /** A stopped clock reading {@code engine}. */
    public FrameClock(MixEngine engine) {
        this.engine = engine;
        this.timer = new Timer(periodMs(), e -> tick());
        timer.setCoalesce(true);
    }

    /** The frame period: 1000 / {@code mixlab.fps} ms when that property is a number from 1 to 240, else 30 ms. */
    static int periodMs() {
        String fps = System.getProperty(FPS_PROPERTY);
        if (fps != null) {
            try {
                double f = Double.parseDouble(fps.trim());
                if (f >= 1 && f <= 240) {
                    return Math.max(1, (int) Math.round(1000 / f));
                }
            } catch (NumberFormatException e) {
                // not a number: keep the default period
            }
        }
        return PERIOD_MS;
    }

    /** Adds a listener (order of adding = order of calls). */
    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** Removes a listener. */
    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Starts ticking. */
    public void start() {
        timer.start();
    }

    /** Stops ticking. */
    public void stop() {
        timer.stop();
    }

    /** True while ticking. */
    public boolean isRunning() {
        return timer.isRunning();
    }

    /** Frames delivered so far. */
    public long frames() {
        return frames;
    }

    /** The snapshot of the last frame (reused; read only on the Swing thread). */
    public MeterSnapshot snapshot() {
        return snapshot;
    }

    /** Runs one frame now (the timer calls this; tests may too). */
    public void tick() {
        engine.readMeters(snapshot);
        boolean playing = engine.isPlaying();
        for (Listener l : listeners) {
            l.onFrame(snapshot, playing);
        }
        frames++;
    }
}
