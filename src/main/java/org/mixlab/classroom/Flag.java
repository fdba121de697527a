package org.mixlab.classroom;

/**
 * Something the teacher should look at in one submission.
 *
 * @param kind   what was found
 * @param detail one line of detail (numbers, the other file or student), may be empty
 */
public record Flag(Kind kind, String detail) {
    /** The kinds of flag, each with the short label shown in tables and the CSV. */
    public enum Kind {
        /** The file could not be read as a submission. */
        UNREADABLE("unreadable file"),
        /** The seal does not match: the file was edited outside MixLab. */
        SEAL_BROKEN("seal broken"),
        /** The reported score differs from the re-graded one by more than 0.5. */
        SCORE_EDITED("score edited"),
        /** The student worked on another version of the exercise (content hash differs). */
        EXERCISE_CHANGED("exercise version changed"),
        /** No installed exercise has this id. */
        UNKNOWN_EXERCISE("unknown exercise"),
        /** The same student handed in the same attempt number of an exercise twice. */
        DUPLICATE_ATTEMPT("duplicate attempt"),
        /** Another student handed in exactly the same settings for the exercise. */
        IDENTICAL_MIX("identical mix"),
        /** The grader could not grade the submission. */
        GRADING_FAILED("grading failed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The short label, e.g. "score edited". */
        public String label() {
            return label;
        }
    }

    /** The label, then the detail when there is one: "score edited (reported 95.0, re-graded 61.3)". */
    @Override
    public String toString() {
        return detail == null || detail.isEmpty() ? kind.label : kind.label + " (" + detail + ")";
    }
}
