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
}
