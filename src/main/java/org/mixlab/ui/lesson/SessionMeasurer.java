package org.mixlab.ui.lesson;

import java.io.IOException;
import java.util.List;
import org.mixlab.engine.session.Session;
import org.mixlab.lesson.AudioMeasurements;
import org.mixlab.lesson.Check;

/** Measures what a step's audio checks need from a session; runs on a background thread. */
@FunctionalInterface
public interface SessionMeasurer {
    /**
     * Renders and measures {@code session} for {@code audioChecks}.
     *
     * @param session     a private copy of the session (safe to change)
     * @param audioChecks the step's audio checks
     * @throws IOException with a one-line message when the stems cannot be read or the session cannot be rendered
     */
    AudioMeasurements measure(Session session, List<Check> audioChecks) throws IOException;
}
