package org.mixlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mixlab} command line: every subcommand, with one-line errors and exit code 2 on bad input. */
@Command(name = "mixlab", mixinStandardHelpOptions = true, version = "MixLab 0.1.0",
        description = "MixLab: learn to mix and master. Without a command (and with a display) the app opens.",
        subcommands = {AnalyzeCommand.class, RenderCommand.class, ValidateCommand.class, ProcessCommand.class,
            GradeCommand.class, ProfileCommand.class, GradebookCommand.class, GenerateAudioCommand.class})
public final class Cli implements Runnable {
    /** Exit code for bad input (unreadable file, invalid session, ...). */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the picocli command line with MixLab's error handling. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            String msg = t.getMessage();
            if (msg == null || msg.isBlank()) {
                msg = t.getClass().getSimpleName();
            }
            commandLine.getErr().println("mixlab: " + msg.lines().findFirst().orElse(msg));
            commandLine.getErr().flush();
            return EXIT_BAD_INPUT;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("mixlab: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'mixlab " + ex.getCommandLine().getCommandName()
                    + " --help' for the options.");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
