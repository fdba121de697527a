package org.mixlab.engine.live;

import java.io.IOException;
import java.util.Map;
import org.mixlab.engine.session.Session;

/** Loads every track's audio for a session, at the session's rate. */
@FunctionalInterface
public interface StemSource {
    /**
     * Returns each track's planar audio by track id, resampled to {@code session.sampleRate}.
     *
     * @throws IOException with a one-line message naming the file and the problem
     */
    Map<String, float[][]> load(Session session) throws IOException;
}
