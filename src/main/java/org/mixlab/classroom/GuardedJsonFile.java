package org.mixlab.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.mixlab.engine.session.JsonText;
import org.mixlab.engine.session.SessionIo;

/**
 * A JSON data file that must never be lost: saved atomically (see {@link AtomicFiles}) with the previous good version
 * kept as {@code <name>.bak}; a damaged file found on load is moved aside to {@code <name>.corrupt-<timestamp>},
 * reported once, and the backup restored when it is itself valid. A damaged file never becomes the backup.
 *
 * @param <T> the data type stored in the file
 */
final class GuardedJsonFile<T> {
    /** Checks a parsed value; returns a one-line problem, or null when the value is fine. */
    interface Check<T> {
        String problem(T value);
    }

    /** What a load found. */
    record Loaded<T>(T value, String warning) {}

    /** Largest file accepted, bytes. */
    static final long MAX_BYTES = 16L << 20;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Path backup;
    private final String format;
    private final int version;
    private final Class<T> type;
    private final Check<T> check;
    private final Clock clock;
    private AtomicFiles.ChannelWriter writer = AtomicFiles.FULL;

    GuardedJsonFile(Path file, String format, int version, Class<T> type, Check<T> check, Clock clock) {
        this.file = file;
        this.backup = file.resolveSibling(file.getFileName() + ".bak");
        this.format = format;
        this.version = version;
        this.type = type;
        this.check = check;
        this.clock = clock;
    }

    Path file() {
        return file;
    }

    Path backup() {
        return backup;
    }

    /** Replaces the byte writer (tests simulate a crash half-way through a write with it). */
    void writer(AtomicFiles.ChannelWriter w) {
        this.writer = w;
    }

    /** A successfully read value, or the one-line reason the file cannot be used. */
    private record Read<T>(T value, String problem) {}

    private Read<T> read(Path f) {
        byte[] bytes;
        try {
            long size = Files.size(f);
            if (size > MAX_BYTES) {
                return new Read<>(null, "file is " + size + " bytes, larger than any " + format + " file");
            }
            bytes = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return new Read<>(null, "missing");
        } catch (IOException e) {
            return new Read<>(null, JsonText.readProblem(e));
        }
        if (bytes.length == 0) {
            return new Read<>(null, "file is empty");
        }
        ObjectMapper m = SessionIo.mapper();
        JsonNode root;
        try {
            root = m.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            return new Read<>(null, "not valid JSON" + where + " (truncated or edited?)");
        }
        if (root == null || !root.isObject()) {
            return new Read<>(null, "not a JSON object");
        }
        if (!format.equals(root.path("format").asText())) {
            return new Read<>(null, "not a " + format + " file (format is '" + root.path("format").asText() + "')");
        }
        if (!root.path("version").isInt() || root.path("version").asInt() != version) {
            return new Read<>(null, "version " + root.path("version").asText() + " is not supported (expected "
                    + version + ")");
        }
        T value;
        try {
            value = m.treeToValue(root, type);
        } catch (JsonProcessingException e) {
            return new Read<>(null, "wrong structure: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        String problem = value == null ? "empty document" : check.problem(value);
        return problem == null ? new Read<>(value, null) : new Read<>(null, problem);
    }

    /**
     * Loads the file. A missing file gives a null value and no warning (first start) unless a valid backup exists,
     * which is then restored. A damaged file is moved aside and the backup restored when valid.
     *
     * @return the value (null when there is none) and a one-line warning for the user, or null when all was well
     */
    Loaded<T> load() throws IOException {
        String name = file.getFileName().toString();
        if (!Files.exists(file)) {
            if (!Files.exists(backup)) {
                return new Loaded<>(null, null);
            }
            Read<T> b = read(backup);
            if (b.value() == null) {
                return new Loaded<>(null, null);
            }
            AtomicFiles.write(file, Files.readAllBytes(backup), writer);
            return new Loaded<>(b.value(), name + " was missing; restored the last good copy (" + backup.getFileName()
                    + ")");
        }
        Read<T> r = read(file);
        if (r.value() != null) {
            return new Loaded<>(r.value(), null);
        }
        Path aside = setAside();
        Read<T> b = Files.exists(backup) ? read(backup) : new Read<>(null, "missing");
        if (b.value() != null) {
            AtomicFiles.write(file, Files.readAllBytes(backup), writer);
            return new Loaded<>(b.value(), name + " was damaged (" + r.problem() + "); kept it as "
                    + aside.getFileName() + " and restored the last good copy");
        }
        return new Loaded<>(null, name + " was damaged (" + r.problem() + "); kept it as " + aside.getFileName()
                + "; no good backup, starting afresh");
    }

    private Path setAside() throws IOException {
        String stamp = STAMP.format(clock.instant());
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        for (int k = 2; Files.exists(aside); k++) {
            aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + "-" + k);
        }
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }

    /**
     * Saves a value: the current file, when valid, becomes the backup; then the new bytes replace the file
     * atomically. A damaged current file is moved aside instead of becoming the backup.
     *
     * @return a one-line warning when a damaged file had to be moved aside, else null
     */
    String save(T value) throws IOException {
        byte[] bytes = SessionIo.mapper().writeValueAsBytes(value);
        String warning = null;
        if (Files.exists(file)) {
            Read<T> r = read(file);
            if (r.value() != null) {
                AtomicFiles.write(backup, Files.readAllBytes(file), writer);
            } else {
                Path aside = setAside();
                warning = file.getFileName() + " was damaged (" + r.problem() + "); kept it as "
                        + aside.getFileName();
            }
        }
        AtomicFiles.write(file, bytes, writer);
        return warning;
    }

    /** The value read from a file or the one-line reason it is unusable (for tests and diagnostics). */
    Optional<String> problem(Path f) {
        return Optional.ofNullable(read(f).problem());
    }
}
