package org.mixlab.scoring;

import java.io.IOException;
import java.util.List;

/** An exercise folder that cannot be used: every problem found, one line each, naming the file and JSON path. */
public final class ExerciseException extends IOException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    /** Creates the exception from its problems (at least one). */
    public ExerciseException(List<String> problems) {
        super(problems.isEmpty() ? "invalid exercise" : problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one line each. */
    public List<String> problems() {
        return problems;
    }
}
