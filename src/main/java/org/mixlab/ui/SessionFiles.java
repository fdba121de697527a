package org.mixlab.ui;

import java.io.IOException;
import java.nio.file.Path;
import org.mixlab.engine.session.Session;

/** Reading and writing session files; implemented by the engine layer (the lead wires it in). */
public interface SessionFiles {
    /** Reads a session file; throws with a one-line message naming the file on bad input. */
    Session load(Path file) throws IOException;

    /** Writes {@code session} to {@code file} atomically (temp file, then rename). */
    void save(Session session, Path file) throws IOException;
}
