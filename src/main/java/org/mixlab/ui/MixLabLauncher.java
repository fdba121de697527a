package org.mixlab.ui;

/** Opens the desktop app (wired to the full window once the UI lands). */
public final class MixLabLauncher {
    private MixLabLauncher() {}

    /** Opens the app. */
    public static void launch() {
        javax.swing.SwingUtilities.invokeLater(() -> {
            javax.swing.JFrame f = new javax.swing.JFrame("MixLab");
            f.setDefaultCloseOperation(javax.swing.WindowConstants.EXIT_ON_CLOSE);
            f.setSize(800, 500);
            f.setVisible(true);
        });
    }
}
