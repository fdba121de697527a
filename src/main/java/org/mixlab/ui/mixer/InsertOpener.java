package org.mixlab.ui.mixer;

/** Opens the editor of an insert (implemented by the main window's editor manager). */
@FunctionalInterface
public interface InsertOpener {
    /** Shows the editor of insert {@code insertId} on strip {@code stripId}. */
    void open(String stripId, String insertId);
}
