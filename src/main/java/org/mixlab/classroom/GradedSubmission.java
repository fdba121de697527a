package org.mixlab.classroom;

import java.nio.file.Path;
import java.util.List;

/**
 * One file of a submissions folder after re-grading.
 *
 * @param file          the file
 * @param read          what was read, or null when the file is unreadable
 * @param regraded      the re-graded score 0..100, or null when it could not be graded
 * @param feedback      the grader's per-criterion lines (empty when not graded)
 * @param flags         what the teacher should look at, in a fixed order
 */
public record GradedSubmission(Path file, SubmissionIo.Read read, Double regraded, List<String> feedback,
                               List<Flag> flags) {
    /** Copies the lists. */
    public GradedSubmission {
        feedback = List.copyOf(feedback);
        flags = List.copyOf(flags);
    }

    /** True when a flag of this kind is set. */
    public boolean has(Flag.Kind kind) {
        return flags.stream().anyMatch(f -> f.kind() == kind);
    }

    /** The submission, or null for an unreadable file. */
    public Submission submission() {
        return read == null ? null : read.submission();
    }
}
