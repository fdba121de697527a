package org.mixlab.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mixlab.lesson.drill.DrillType;

/**
 * One step of a lesson pack.
 *
 * @param id          step id, unique in the pack
 * @param kind        explain, task, drill or exercise
 * @param title       step title
 * @param page        the step's Markdown page (absolute, inside the pack), or null
 * @param checks      live checks of a task step (empty otherwise)
 * @param drill       the drill of a drill step, or null
 * @param exercises   exercise ids of an exercise step (empty otherwise)
 */
public record LessonStep(String id, Kind kind, String title, Path page, List<Check> checks, Drill drill,
                         List<String> exercises) {

    /** Step kinds. */
    public enum Kind {
        /** A page to read. */
        EXPLAIN,
        /** A page with live checks that turn green as the session changes. */
        TASK,
        /** An ear-training drill. */
        DRILL,
        /** Links to graded exercises under exercises/. */
        EXERCISE
    }

    /**
     * A drill block.
     *
     * @param type     the drill type
     * @param source   "pink-noise" or "stem:<role>"
     * @param settings numeric settings (trials, reversals, startLevel, type-specific ones)
     */
    public record Drill(DrillType type, String source, Map<String, Double> settings) { }
}
