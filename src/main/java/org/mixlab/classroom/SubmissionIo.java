package org.mixlab.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.mixlab.engine.session.JsonText;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionException;
import org.mixlab.engine.session.SessionIo;

/**
 * Writes and reads submission files. Writing seals the file and saves it atomically in the folder the student picked;
 * reading checks every field and the seal, and reports an unusable file with one line naming it and the problem.
 */
public final class SubmissionIo {
    /** The file name ending of every submission. */
    public static final String SUFFIX = ".mixlab-submission.json";
    /** The largest submission read, bytes (a real one is a few tens of kB). */
    public static final long MAX_BYTES = 8L << 20;

    /**
     * A submission as read from disk.
     *
     * @param file         the file it came from
     * @param submission   the parsed submission
     * @param sealIntact   true when the seal matches the content (false: edited outside MixLab, or no seal)
     * @param settingsHash {@link Submission#settingsHash()} of the session as stored
     */
    public record Read(Path file, Submission submission, boolean sealIntact, String settingsHash) {}

    private SubmissionIo() {}

    /** The submission as sealed JSON text (what {@link #write} saves). */
    public static String toJson(Submission s) {
        ObjectMapper m = SessionIo.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("format", Submission.FORMAT);
        root.put("version", Submission.VERSION);
        ObjectNode st = root.putObject("student");
        st.put("name", s.student().name());
        st.put("id", s.student().studentId());
        st.put("class", s.student().classCode());
        ObjectNode ex = root.putObject("exercise");
        ex.put("id", s.exerciseId());
        ex.put("contentHash", s.contentHash());
        root.put("attempt", s.attempt());
        root.put("appVersion", s.appVersion());
        root.put("createdAt", s.createdAt().toString());
        root.put("submittedAt", s.submittedAt().toString());
        root.put("score", s.reportedScore());
        root.set("session", m.valueToTree(s.session()));
        root.put("seal", Seal.compute(root));
        try {
            return m.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("submission could not be serialised: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes the sealed submission atomically into {@code folder} as {@link Submission#fileName()}.
     *
     * @return the written file
     */
    public static Path write(Submission s, Path folder) throws IOException {
        Path file = folder.resolve(s.fileName());
        AtomicFiles.write(file, toJson(s).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * Reads a submission file.
     *
     * @throws SubmissionException one line, "name: problem", when the file is unreadable, not a submission, from a
     *                             newer format, or has a missing or invalid field
     */
    public static Read read(Path file) throws SubmissionException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SubmissionException(name + ": file is " + size + " bytes; a submission is at most "
                        + MAX_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (SubmissionException e) {
            throw e;
        } catch (IOException e) {
            throw new SubmissionException(name + ": " + JsonText.readProblem(e));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SubmissionException(name + ": not a text file (not UTF-8)");
        }
        return parse(text, name, file);
    }

    /** Parses submission JSON text; {@code name} prefixes every message. */
    static Read parse(String text, String name, Path file) throws SubmissionException {
        if (text.isBlank()) {
            throw new SubmissionException(name + ": file is empty");
        }
        JsonNode root;
        try {
            root = SessionIo.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new SubmissionException(name + ": not valid JSON" + where + " (truncated or not a submission?)");
        }
        if (root == null || !root.isObject()) {
            throw new SubmissionException(name + ": not a MixLab submission (not a JSON object)");
        }
        if (!Submission.FORMAT.equals(root.path("format").asText())) {
            throw new SubmissionException(name + ": not a MixLab submission (format is '"
                    + root.path("format").asText() + "', expected '" + Submission.FORMAT + "')");
        }
        JsonNode ver = root.get("version");
        if (ver == null || !ver.isInt()) {
            throw new SubmissionException(name + ": $.version: missing or not a whole number");
        }
        if (ver.asInt() != Submission.VERSION) {
            throw new SubmissionException(name + ": version " + ver.asInt()
                    + " is not supported (this MixLab reads version " + Submission.VERSION + "; update MixLab)");
        }
        JsonNode st = object(root, "student", name);
        JsonNode ex = object(root, "exercise", name);
        JsonNode sess = object(root, "session", name);
        Session session;
        try {
            Path base = file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().getParent();
            session = SessionIo.parse(SessionIo.mapper().writeValueAsString(neutralFiles(sess)), name + " $.session",
                    base, List.of(base.getRoot()));
        } catch (SessionException e) {
            throw new SubmissionException(e.problems().get(0));
        } catch (JsonProcessingException e) {
            throw new SubmissionException(name + ": $.session cannot be read");
        }
        Submission s;
        try {
            s = new Submission(
                    new StudentProfile(text(st, "name", "student.name", name), text(st, "id", "student.id", name),
                            text(st, "class", "student.class", name)),
                    text(ex, "id", "exercise.id", name), text(ex, "contentHash", "exercise.contentHash", name),
                    session, text(root, "appVersion", "appVersion", name),
                    time(root, "createdAt", name), time(root, "submittedAt", name),
                    whole(root, "attempt", name), number(root, "score", name));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SubmissionException(name + ": " + e.getMessage());
        }
        return new Read(file, s, Seal.verify(root), s.settingsHash());
    }

    /**
     * A copy of the session tree whose track file paths cannot fail validation: grading always renders the
     * exercise's own stems, so the paths a student's machine used only matter as text (they stay in the seal).
     */
    private static JsonNode neutralFiles(JsonNode sess) {
        JsonNode copy = sess.deepCopy();
        JsonNode tracks = copy.get("tracks");
        if (tracks != null && tracks.isArray()) {
            for (JsonNode t : tracks) {
                if (t.isObject()) {
                    String id = t.path("id").asText("track").replaceAll("[^A-Za-z0-9_-]", "_");
                    ((ObjectNode) t).put("file", "stems/" + id + ".wav");
                }
            }
        }
        return copy;
    }

    private static JsonNode object(JsonNode root, String field, String name) throws SubmissionException {
        JsonNode n = root.get(field);
        if (n == null || !n.isObject()) {
            throw new SubmissionException(name + ": $." + field + ": missing or not an object");
        }
        return n;
    }

    private static String text(JsonNode o, String field, String path, String name) throws SubmissionException {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw new SubmissionException(name + ": $." + path + ": missing or not text");
        }
        return n.asText();
    }

    private static Instant time(JsonNode o, String field, String name) throws SubmissionException {
        String t = text(o, field, field, name);
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new SubmissionException(name + ": $." + field + ": '" + t + "' is not an ISO-8601 UTC time");
        }
    }

    private static int whole(JsonNode o, String field, String name) throws SubmissionException {
        JsonNode n = o.get(field);
        if (n == null || !n.isInt()) {
            throw new SubmissionException(name + ": $." + field + ": missing or not a whole number");
        }
        return n.asInt();
    }

    private static double number(JsonNode o, String field, String name) throws SubmissionException {
        JsonNode n = o.get(field);
        if (n == null || !n.isNumber()) {
            throw new SubmissionException(name + ": $." + field + ": missing or not a number");
        }
        return n.asDouble();
    }
}
