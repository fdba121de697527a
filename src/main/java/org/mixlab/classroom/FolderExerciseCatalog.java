package org.mixlab.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;

/**
 * The exercises in an {@code exercises/} folder: an exercise is a sub-folder {@code <id>/} holding
 * {@code exercise.json}; its title is that file's {@code "title"} when present. Content hashes are computed once and
 * cached. Thread-safe.
 */
public final class FolderExerciseCatalog implements ExerciseCatalog {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final Path dir;
    private final ConcurrentHashMap<String, Optional<ExerciseInfo>> infos = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> hashes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<String>> startHashes = new ConcurrentHashMap<>();

    /** A catalog over {@code exercisesDir}. */
    public FolderExerciseCatalog(Path exercisesDir) {
        this.dir = exercisesDir.toAbsolutePath().normalize();
    }

    /** The exercises folder. */
    public Path folder() {
        return dir;
    }

    @Override
    public Optional<ExerciseInfo> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return infos.computeIfAbsent(id, this::load);
    }

    private Optional<ExerciseInfo> load(String id) {
        Path folder = dir.resolve(id);
        Path json = folder.resolve("exercise.json");
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        String title = id;
        try {
            JsonNode root = SessionIo.mapper().readTree(json.toFile());
            if (root != null && root.path("title").isTextual() && !root.path("title").asText().isBlank()) {
                title = root.path("title").asText();
            }
        } catch (IOException e) {
            // still an exercise; the grader reports its problem
        }
        return Optional.of(new ExerciseInfo(id, title, folder));
    }

    @Override
    public String contentHash(String id) throws IOException {
        ExerciseInfo info = find(id).orElseThrow(() -> new IOException("no exercise '" + id + "' in " + dir));
        String h = hashes.get(id);
        if (h == null) {
            h = ExerciseHash.compute(info.folder());
            hashes.putIfAbsent(id, h);
        }
        return h;
    }

    /** Hashes the session named by exercise.json's {@code "start"}; empty when there is none or it does not load. */
    @Override
    public Optional<String> startSettingsHash(String id) {
        Optional<ExerciseInfo> info = find(id);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        return startHashes.computeIfAbsent(id, k -> {
            Path folder = info.get().folder();
            try {
                JsonNode root = SessionIo.mapper().readTree(folder.resolve("exercise.json").toFile());
                String start = root == null ? "" : root.path("start").asText("");
                if (start.isEmpty()) {
                    return Optional.empty();
                }
                Path file = folder.resolve(start).normalize();
                if (!file.startsWith(dir.getParent() == null ? dir : dir.getParent())) {
                    return Optional.empty();
                }
                Session s = SessionIo.parse(Files.readString(file), file.getFileName().toString(),
                        file.getParent(), List.of(file.getRoot()));
                return Optional.of(Submission.settingsHash(s));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }
}
