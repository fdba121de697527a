package org.mixlab.classroom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.mixlab.engine.session.SessionIo;

/**
 * Writes a minimal, valid lesson pack for a teacher to fill in (format "mixlab-lesson-pack" version 1,
 * docs/lesson-format.md): {@code lessons/<id>/pack.json} with an explain step and a task step with one live check,
 * and the two Markdown pages they show. The pack opens the first song found under the project's {@code audio/}
 * folder ({@code unmixed.session.json}), or "pop-rock" when there is none yet.
 */
public final class LessonPackTemplate {
    /** The tools a pack can teach. */
    public static final java.util.List<String> TOOLS = ExerciseAuthoring.TOOLS;

    private LessonPackTemplate() {}

    /**
     * Creates {@code lessonsDir/<id>/}.
     *
     * @param lessonsDir the project's {@code lessons/} folder
     * @param id         lower-case letters, digits and '-', 1 to 64 characters (the folder name)
     * @param title      shown in the pack list, 1 to 120 characters
     * @param tool       one of {@link #TOOLS}
     * @return the pack folder
     * @throws IllegalArgumentException with a one-line message for a bad field or an existing pack
     */
    public static Path create(Path lessonsDir, String id, String title, String tool) throws IOException {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("pack id: '" + id
                    + "' must be 1 to 64 lower-case letters, digits and dashes");
        }
        if (title == null || title.isBlank() || title.length() > 120) {
            throw new IllegalArgumentException("title: must be 1 to 120 characters");
        }
        if (!TOOLS.contains(tool)) {
            throw new IllegalArgumentException("tool: '" + tool + "' is not one of " + String.join(", ", TOOLS));
        }
        Path dir = lessonsDir.resolve(id);
        if (Files.exists(dir.resolve("pack.json"))) {
            throw new IllegalArgumentException("lesson pack '" + id + "' already exists in " + lessonsDir);
        }
        String song = firstSong(lessonsDir.toAbsolutePath().normalize().getParent());
        ObjectNode p = SessionIo.mapper().createObjectNode();
        p.put("format", "mixlab-lesson-pack");
        p.put("version", 1);
        p.put("id", id);
        p.put("title", title.strip());
        p.put("tool", tool);
        p.put("summary", "A new " + tool + " pack: describe in one or two sentences what the learner will do.");
        p.put("order", 100);
        p.put("song", song);
        p.put("startSession", "../../audio/" + song + "/unmixed.session.json");
        ArrayNode steps = p.putArray("steps");
        ObjectNode intro = steps.addObject();
        intro.put("id", "intro");
        intro.put("kind", "explain");
        intro.put("title", "What this pack is about");
        intro.put("page", "01-intro.md");
        ObjectNode task = steps.addObject();
        task.put("id", "first-task");
        task.put("kind", "task");
        task.put("title", "A first task");
        task.put("page", "02-task.md");
        ObjectNode check = task.putArray("checks").addObject();
        check.put("kind", "setting");
        check.put("selector", "master/gainDb");
        check.put("op", "<=");
        check.put("value", 0);
        check.put("label", "Master fader at or below 0 dB");
        check.put("hint", "Pull the master fader down a little.");
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve("01-intro.md"), ("# " + title.strip() + "\n\n"
                + "Write the explanation here: what the tool does, when to reach for it and what to listen for.\n")
                .getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve("02-task.md"), ("# A first task\n\n"
                + "Describe what the learner should do. The checklist next to this page ticks live while they "
                + "work; edit the checks in pack.json.\n").getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve("pack.json"), SessionIo.mapper().writeValueAsBytes(p));
        return dir;
    }

    private static String firstSong(Path projectRoot) throws IOException {
        Path audio = projectRoot == null ? null : projectRoot.resolve("audio");
        if (audio != null && Files.isDirectory(audio)) {
            try (Stream<Path> s = Files.list(audio)) {
                var song = s.filter(d -> Files.isRegularFile(d.resolve("unmixed.session.json"))).sorted()
                        .findFirst();
                if (song.isPresent()) {
                    return song.get().getFileName().toString();
                }
            }
        }
        return "pop-rock";
    }
}
