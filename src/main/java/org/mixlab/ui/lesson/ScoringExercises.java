package org.mixlab.ui.lesson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.scoring.CriterionResult;
import org.mixlab.scoring.Exercise;
import org.mixlab.scoring.ScoreReport;
import org.mixlab.scoring.Scorer;

/** Connects the exercise screen to org.mixlab.scoring: briefs from exercises, grades from score reports. */
public final class ScoringExercises {
    private ScoringExercises() {}

    /** What the exercise screen shows of an exercise. */
    public static ExerciseBrief brief(Exercise ex) {
        return new ExerciseBrief(ex.id(), ex.title(), ex.tool(), ex.difficulty(), ex.brief(), ex.dir(),
                ex.startFile(), ex.timeLimitMin(), ex.allowReferenceListening(), ex.passScore());
    }

    /** A score report as the exercise screen shows it. */
    public static ExerciseGrade grade(ScoreReport r) {
        List<ExerciseGrade.Row> rows = new ArrayList<>();
        for (CriterionResult c : r.criteria()) {
            rows.add(new ExerciseGrade.Row(c.label(), c.weight(), c.measured(), c.reference(), c.unit(), c.points(),
                    c.feedback()));
        }
        return new ExerciseGrade(r.score(), r.passScore(), rows, r.notes());
    }

    /** A grader for the exercise screen that grades with {@code scorer} (runs on a background thread). */
    public static ExerciseGrader grader(Scorer scorer, Exercise ex) {
        return session -> grade(scorer.grade(ex, session));
    }

    /** Shows {@code ex} on the panel, graded by {@code scorer}. */
    public static void show(ExercisePanel panel, Exercise ex, Scorer scorer) {
        panel.setExercise(brief(ex), grader(scorer, ex));
    }

    /**
     * Gives the engine the exercise's reference so the Reference source plays it: the reference session when there
     * is one, else the reference audio file read through {@code stems} at the engine's rate.
     *
     * @throws IOException when the reference audio cannot be read
     */
    public static void enableReference(MixEngine engine, Exercise ex, StemCache stems) throws IOException {
        if (ex.referenceSession() != null) {
            engine.setReferenceSession(Scorer.prepare(ex, ex.referenceSession(), null));
        } else if (ex.referenceAudioFile() != null) {
            engine.setReferenceAudio(stems.loadFile(ex.referenceAudioFile(), engine.sampleRate()));
        }
    }

    /**
     * The project's exercises by id, each loaded once, with one scorer: what an exercise step's "Open exercise"
     * needs. Thread-safe.
     */
    public static final class Library {
        private final org.mixlab.scoring.ExerciseLoader loader;
        private final StemCache stems;
        private final Scorer scorer;
        private final java.util.Map<String, Exercise> loaded = new java.util.concurrent.ConcurrentHashMap<>();

        /**
         * A library of {@code projectRoot}/exercises.
         *
         * @param stems the app's shared stem cache (its roots must include the project's audio/ folder)
         */
        public Library(java.nio.file.Path projectRoot, StemCache stems) {
            this.loader = new org.mixlab.scoring.ExerciseLoader(projectRoot);
            this.stems = stems;
            this.scorer = new Scorer(stems);
        }

        /** The scorer used for grading. */
        public Scorer scorer() {
            return scorer;
        }

        /**
         * The exercise with this id.
         *
         * @throws IOException with one line per problem when it is missing or invalid
         */
        public Exercise get(String id) throws IOException {
            Exercise ex = loaded.get(id);
            if (ex == null) {
                java.nio.file.Path dir = loader.exercisesRoot().resolve(id).normalize();
                if (!dir.startsWith(loader.exercisesRoot()) || !java.nio.file.Files.isDirectory(dir)) {
                    throw new IOException("exercise '" + id + "' is not installed under exercises/");
                }
                ex = loader.load(dir);
                loaded.put(id, ex);
            }
            return ex;
        }

        /**
         * Every installed exercise that loads, sorted by folder name; {@code problems} receives one line for each
         * that does not (it is left out). Reads the files: call it off the Swing thread.
         */
        public java.util.List<Exercise> all(java.util.function.Consumer<String> problems) throws IOException {
            java.util.List<Exercise> out = new java.util.ArrayList<>();
            for (java.nio.file.Path dir : loader.list()) {
                try {
                    out.add(get(dir.getFileName().toString()));
                } catch (IOException e) {
                    problems.accept(e instanceof org.mixlab.scoring.ExerciseException x && !x.problems().isEmpty()
                            ? x.problems().get(0) : e.getMessage());
                }
            }
            return out;
        }

        /**
         * Shows exercise {@code id} on the panel, graded by this library's scorer, and makes "Load exercise" give
         * the engine the exercise's reference when listening is allowed.
         *
         * @param engine   the app's engine (read when the learner loads the exercise)
         * @param onError  receives one-line problems (exercise not found, reference unreadable)
         */
        public void show(ExercisePanel panel, String id, java.util.function.Supplier<MixEngine> engine,
                         java.util.function.Consumer<String> onError) {
            try {
                Exercise ex = get(id);
                ScoringExercises.show(panel, ex, scorer);
                panel.setEnableReference(b -> {
                    try {
                        enableReference(engine.get(), ex, stems);
                    } catch (IOException e) {
                        onError.accept("The reference of " + id + " could not be loaded: " + e.getMessage());
                    }
                });
            } catch (IOException e) {
                String msg = e instanceof org.mixlab.scoring.ExerciseException x && !x.problems().isEmpty()
                        ? x.problems().get(0) : e.getMessage();
                onError.accept(msg);
            }
        }
    }
}
