package org.mixlab.engine.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An audio file that cannot be read or written. The message is always one line of the form
 * {@code "<file name>: <problem>"}, ready to show to a student as it is.
 */
public final class AudioFileException extends IOException {
    private final String fileName;
    private final String problem;

    /** A refusal of {@code file} (only its file name is shown) because of {@code problem}. */
    public AudioFileException(Path file, String problem) {
        this(nameOf(file), problem, null);
    }

    /** A refusal of {@code file} because of {@code problem}, keeping {@code cause} for logs (never shown). */
    public AudioFileException(Path file, String problem, Throwable cause) {
        this(nameOf(file), problem, cause);
    }

    private AudioFileException(String fileName, String problem, Throwable cause) {
        super(oneLine(fileName) + ": " + oneLine(problem), cause);
        this.fileName = oneLine(fileName);
        this.problem = oneLine(problem);
    }

    /** The file name (no folders) the message starts with. */
    public String fileName() {
        return fileName;
    }

    /** The problem, without the file name. */
    public String problem() {
        return problem;
    }

    static String nameOf(Path file) {
        if (file == null) {
            return "(no file)";
        }
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String oneLine(String s) {
        if (s == null || s.isBlank()) {
            return "unknown problem";
        }
        return s.replaceAll("[\\r\\n\\t]+", " ").trim();
    }
}
