package org.mixlab.classroom;

import java.io.IOException;
import java.util.Optional;

/** The exercises the teacher has installed, looked up by id. Must be safe to call from several threads. */
public interface ExerciseCatalog {
    /** The exercise with this id, or empty when it is not installed. */
    Optional<ExerciseInfo> find(String id);

    /**
     * The exercise's current content hash ({@link ExerciseHash}).
     *
     * @throws IOException when the exercise folder cannot be read
     */
    String contentHash(String id) throws IOException;

    /**
     * {@link Submission#settingsHash(org.mixlab.engine.session.Session)} of the exercise's start session, when known:
     * students who hand in the untouched start are not flagged as copying each other.
     */
    default Optional<String> startSettingsHash(String id) {
        return Optional.empty();
    }
}
