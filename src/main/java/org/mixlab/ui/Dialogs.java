package org.mixlab.ui;

import java.awt.Component;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.filechooser.FileNameExtensionFilter;

/**
 * The questions the window asks the user (files to open, save or import, unsaved changes, recovery). The app uses
 * {@link #swing()}; tests pass their own answers so no modal dialog ever blocks them.
 */
public interface Dialogs {
    /** What to do with unsaved changes. */
    enum UnsavedAnswer {
        /** Save first. */
        SAVE,
        /** Throw the changes away. */
        DISCARD,
        /** Do not quit or open. */
        CANCEL
    }

    /** Asks for a session file to open, or null. */
    Path chooseOpen(Component parent, Path startDir);

    /** Asks where to save, or null. */
    Path chooseSave(Component parent, Path suggested);

    /** Asks what to do with unsaved changes to {@code title}. */
    UnsavedAnswer askUnsaved(Component parent, String title);

    /** Shows a one-line error. */
    void error(Component parent, String message);

    /** Asks for audio files (WAV/AIFF) to import as new tracks; an empty list when cancelled. */
    List<Path> chooseStems(Component parent, Path startDir);

    /** Asks whether to restore the changes autosaved at {@code when} (a time of day) before MixLab closed. */
    boolean askRecover(Component parent, String when);

    /** The real dialogs: file choosers and option panes. */
    static Dialogs swing() {
        return new Dialogs() {
            private JFileChooser chooser(Path dir) {
                JFileChooser fc = new JFileChooser(dir == null ? null : dir.toFile());
                fc.setFileFilter(new FileNameExtensionFilter("MixLab sessions (*.session.json)", "json"));
                return fc;
            }

            @Override
            public Path chooseOpen(Component parent, Path startDir) {
                JFileChooser fc = chooser(startDir);
                fc.setDialogTitle("Open session");
                return fc.showOpenDialog(parent) == JFileChooser.APPROVE_OPTION ? fc.getSelectedFile().toPath() : null;
            }

            @Override
            public Path chooseSave(Component parent, Path suggested) {
                JFileChooser fc = chooser(suggested == null ? null : suggested.getParent());
                fc.setDialogTitle("Save session as");
                if (suggested != null) {
                    fc.setSelectedFile(suggested.toFile());
                }
                if (fc.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
                    return null;
                }
                Path p = fc.getSelectedFile().toPath();
                String n = p.getFileName().toString();
                return n.endsWith(".session.json") ? p : p.resolveSibling(n.replaceFirst("\\.json$", "")
                        + ".session.json");
            }

            @Override
            public UnsavedAnswer askUnsaved(Component parent, String title) {
                Object[] options = {"Save", "Don't save", "Cancel"};
                int r = JOptionPane.showOptionDialog(parent, "Save the changes to \"" + title + "\"?",
                        "Unsaved changes", JOptionPane.YES_NO_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE, null,
                        options, options[0]);
                return r == 0 ? UnsavedAnswer.SAVE : r == 1 ? UnsavedAnswer.DISCARD : UnsavedAnswer.CANCEL;
            }

            @Override
            public List<Path> chooseStems(Component parent, Path startDir) {
                JFileChooser fc = new JFileChooser(startDir == null ? null : startDir.toFile());
                fc.setDialogTitle("Import stems");
                fc.setMultiSelectionEnabled(true);
                fc.setFileFilter(new FileNameExtensionFilter("Audio files (*.wav, *.aif, *.aiff)", "wav", "aif",
                        "aiff"));
                List<Path> out = new ArrayList<>();
                if (fc.showOpenDialog(parent) == JFileChooser.APPROVE_OPTION) {
                    for (java.io.File f : fc.getSelectedFiles()) {
                        out.add(f.toPath());
                    }
                }
                return out;
            }

            @Override
            public boolean askRecover(Component parent, String when) {
                Object[] options = {"Restore", "Discard"};
                int r = JOptionPane.showOptionDialog(parent, "MixLab closed with unsaved changes at " + when
                        + ". Restore them?", "Recover unsaved changes", JOptionPane.YES_NO_OPTION,
                        JOptionPane.QUESTION_MESSAGE, null, options, options[0]);
                return r == 0;
            }

            @Override
            public void error(Component parent, String message) {
                JOptionPane.showMessageDialog(parent, message, "MixLab", JOptionPane.ERROR_MESSAGE);
            }
        };
    }
}
