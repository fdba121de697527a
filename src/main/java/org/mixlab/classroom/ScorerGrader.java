package org.mixlab.classroom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.session.Session;
import org.mixlab.scoring.CriterionResult;
import org.mixlab.scoring.Exercise;
import org.mixlab.scoring.ExerciseException;
import org.mixlab.scoring.ExerciseLoader;
import org.mixlab.scoring.ScoreReport;
import org.mixlab.scoring.Scorer;

/**
 * The adapter from the classroom's {@link Grader} to the scorer: loads each exercise once with
 * {@link ExerciseLoader} (so the exercises folder must be a project's {@code exercises/}, next to its {@code audio/})
 * and grades with one shared {@link Scorer}, which renders the exercise's own stems through the submitted settings.
 * Stems are read once and shared by all grading threads. Thread-safe.
 */
public final class ScorerGrader implements Grader {
    private final ExerciseLoader loader;
    private final Scorer scorer;
    private final ConcurrentHashMap<String, Object> exercises = new ConcurrentHashMap<>();

    private ScorerGrader(Path exercisesDir) {
        Path dir = exercisesDir.toAbsolutePath().normalize();
        Path root = dir.getParent() == null ? dir : dir.getParent();
        this.loader = new ExerciseLoader(root);
        this.scorer = new Scorer(new StemCache(loader.roots()));
    }

    /** A grader for the exercises in {@code exercisesDir} (a project's {@code exercises/} folder). */
    public static ScorerGrader forExercises(Path exercisesDir) {
        return new ScorerGrader(exercisesDir);
    }

    /** The exercise, loaded once; the one-line problem when it does not load. */
    private Exercise exercise(String id) throws GradingException {
        Object e = exercises.computeIfAbsent(id, k -> {
            try {
                return loader.load(loader.exercisesRoot().resolve(k));
            } catch (ExerciseException ex) {
                List<String> p = ex.problems();
                return p.isEmpty() ? k + ": invalid exercise" : p.get(0)
                        + (p.size() > 1 ? " (and " + (p.size() - 1) + " more)" : "");
            }
        });
        if (e instanceof Exercise ex) {
            return ex;
        }
        throw new GradingException((String) e);
    }

    @Override
    public GradeResult grade(String exerciseId, Session submission) throws GradingException {
        Exercise ex = exercise(exerciseId);
        ScoreReport r;
        try {
            r = scorer.grade(ex, submission);
        } catch (IOException e) {
            throw new GradingException(exerciseId + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("")), e);
        }
        List<String> lines = new ArrayList<>();
        for (CriterionResult c : r.criteria()) {
            lines.add(String.format(Locale.ROOT, "%3.0f  %s: %s", c.points(), c.id(), c.feedback()));
        }
        lines.addAll(r.notes());
        double score = Math.max(0, Math.min(100, Double.isFinite(r.score()) ? r.score() : 0));
        return new GradeResult(score, lines);
    }
}
