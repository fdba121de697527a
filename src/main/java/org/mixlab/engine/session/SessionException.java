package org.mixlab.engine.session;

import java.io.IOException;
import java.util.List;

/** A session file that cannot be used: every problem found, one line each, each naming the file. */
public final class SessionException extends IOException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    /** Creates the exception from its problems (at least one). */
    public SessionException(List<String> problems) {
        super(problems.isEmpty() ? "invalid session" : problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one line each. */
    public List<String> problems() {
        return problems;
    }
}
