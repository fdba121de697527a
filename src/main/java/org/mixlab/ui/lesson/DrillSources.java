package org.mixlab.ui.lesson;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.live.StemSource;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

/** Where "stem:&lt;role&gt;" drills get their audio: the track with that role (or id) in the open session. */
public final class DrillSources {
    private DrillSources() {}

    /**
     * A stem provider for {@link DrillPanel}: looks the role up in the engine's current session and reads the track
     * through {@code stems} (share the app's StemCache). Returns null (pink noise is used) when there is no engine,
     * no such track or the file cannot be read. Called off the Swing thread.
     */
    public static Function<String, DrillPanel.StemExcerpt> fromEngine(Supplier<MixEngine> engine, StemSource stems) {
        return role -> {
            Session s = sessionCopy(engine);
            if (s == null) {
                return null;
            }
            TrackModel t = s.trackByRole(role);
            if (t == null) {
                t = s.track(role);
            }
            if (t == null) {
                return null;
            }
            Session one = s.copy();

            final String id = t.id;
            one.tracks.removeIf(x -> !x.id.equals(id));
            try {
                Map<String, float[][]> audio = stems.load(one);
                float[][] a = audio.get(id);
                return a == null ? null : new DrillPanel.StemExcerpt(a, s.sampleRate);
            } catch (IOException | RuntimeException ex) {
                return null;
            }
        };
    }

    /** A copy of the engine's session, taken on the Swing thread (the engine is only used there). */
    private static Session sessionCopy(Supplier<MixEngine> engine) {
        Session[] out = new Session[1];
        Runnable grab = () -> {
            MixEngine e = engine.get();
            out[0] = e == null || e.session() == null ? null : e.session().copy();
        };
        if (javax.swing.SwingUtilities.isEventDispatchThread()) {
            grab.run();
        } else {
            try {
                javax.swing.SwingUtilities.invokeAndWait(grab);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            } catch (java.lang.reflect.InvocationTargetException ex) {
                return null;
            }
        }
        return out[0];
    }
}
