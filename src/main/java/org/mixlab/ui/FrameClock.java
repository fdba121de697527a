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
    /** Frame period in milliseconds. */
    public static final int PERIOD_MS = 30;

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
        this.timer = new Timer(PERIOD_MS, e -> tick());
        timer.setCoalesce(true);
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
