package org.mixlab;

import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.mixlab.cli.Cli;

/** Entry point: with no arguments and a display, opens the app; otherwise runs the command line. */
public final class Main {
    private Main() {}

    /** Starts MixLab. */
    public static void main(String[] args) {
        if (args.length == 0 && !GraphicsEnvironment.isHeadless()) {
            org.mixlab.ui.MixLabLauncher.launch();
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (args.length == 0) {
            err.println("mixlab: no display found, so the app cannot open; here is the command line instead.");
        }
        System.exit(Cli.run(args, out, err));
    }
}
