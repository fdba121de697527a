package org.mixlab.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;

/**
 * A learner's hand-in for one exercise (file format "mixlab-submission" version 1, see docs/classroom.md): who, which
 * exercise and which version of it (content hash), the full session with every setting, the app version, when, the
 * attempt number and the score MixLab computed locally. The file also carries a {@link Seal}. The teacher never
 * trusts {@link #reportedScore()}: the gradebook re-grades from the session.
 *
 * @param student       the learner (validated)
 * @param exerciseId    the exercise id (folder name under exercises/)
 * @param contentHash   the exercise's {@link ExerciseHash} when the learner worked on it
 * @param session       the learner's session (all settings)
 * @param appVersion    the MixLab version that produced the file, e.g. "0.1.0"
 * @param createdAt     when the learner started the attempt
 * @param submittedAt   when the file was written
 * @param attempt       attempt number, 1 or more
 * @param reportedScore the locally computed score, 0 to 100
 */
public record Submission(StudentProfile student, String exerciseId, String contentHash, Session session,
                         String appVersion, Instant createdAt, Instant submittedAt, int attempt,
                         double reportedScore) {
    /** The format tag. */
    public static final String FORMAT = "mixlab-submission";
    /** The format version written and read. */
    public static final int VERSION = 1;

    /** Checks the fields; throws IllegalArgumentException with a one-line message naming the field. */
    public Submission {
        Objects.requireNonNull(student, "student");
        student.validate();
        if (exerciseId == null || !exerciseId.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("exercise id: '" + exerciseId
                    + "' must be 1 to 64 letters, digits, '-' or '_'");
        }
        if (contentHash == null || !contentHash.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("exercise content hash: must be sha256: and 64 hex digits");
        }
        Objects.requireNonNull(session, "session");
        if (appVersion == null || appVersion.isBlank() || appVersion.length() > 40) {
            throw new IllegalArgumentException("app version: must be 1 to 40 characters");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (attempt < 1 || attempt > 9999) {
            throw new IllegalArgumentException("attempt: " + attempt + " is not 1..9999");
        }
        if (!(reportedScore >= 0 && reportedScore <= 100)) {
            throw new IllegalArgumentException("score: " + reportedScore + " is not 0..100");
        }
    }

    /** The file name: {@code <exercise>_<class>-<studentId>_<attempt>.mixlab-submission.json}. */
    public String fileName() {
        return exerciseId + "_" + student.classCode() + "-" + student.studentId() + "_" + attempt
                + SubmissionIo.SUFFIX;
    }

    /**
     * A hash of the mix itself: SHA-256 of the canonical JSON of the session without its title and without the
     * tracks' file paths (which depend on where a file was saved, not on the mix), so two students handing in the
     * very same settings get the same hash.
     */
    public String settingsHash() {
        return settingsHash(session);
    }

    /** {@link #settingsHash()} of any session (an exercise's start session, say). */
    public static String settingsHash(Session session) {
        ObjectNode copy = SessionIo.mapper().valueToTree(session);
        copy.remove("title");
        JsonNode tracks = copy.get("tracks");
        if (tracks != null) {
            for (JsonNode t : tracks) {
                if (t instanceof ObjectNode o) {
                    o.remove("file");
                }
            }
        }
        return CanonicalJson.sha256(copy);
    }
}
