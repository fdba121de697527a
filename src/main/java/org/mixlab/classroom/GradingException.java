package org.mixlab.classroom;

/** An exercise that could not be graded; the message is one line. */
public final class GradingException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its one-line message. */
    public GradingException(String message) {
        super(message);
    }

    /** Creates the exception with its one-line message and cause. */
    public GradingException(String message, Throwable cause) {
        super(message, cause);
    }
}
