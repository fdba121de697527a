package org.mixlab.classroom;

import java.io.IOException;

/** A submission file that cannot be used; the message is one line naming the file and the problem. */
public final class SubmissionException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its one-line message. */
    public SubmissionException(String message) {
        super(message);
    }
}
