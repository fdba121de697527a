package org.mixlab.ui.lesson;

import java.util.List;

/**
 * A graded attempt as the exercise screen shows it (taken from a scoring ScoreReport).
 *
 * @param score     weighted score, 0..100
 * @param passScore score needed to pass
 * @param rows      one row per rubric criterion, in rubric order
 * @param notes     remarks about the submission (ignored tracks, cleared solos), possibly empty
 */
public record ExerciseGrade(double score, double passScore, List<Row> rows, List<String> notes) {

    /** True when the score reaches the pass mark. */
    public boolean passed() {
        return score >= passScore - 1e-9;
    }

    /**
     * One criterion.
     *
     * @param label     plain words naming what was graded, e.g. "the bass fader"
     * @param weight    the criterion's weight
     * @param measured  the submission's value (NaN when not in use)
     * @param reference the value aimed at (NaN when none)
     * @param unit      unit of the values, e.g. "dB"
     * @param points    0..100
     * @param feedback  one sentence: what to change, or that it is right
     */
    public record Row(String label, double weight, double measured, double reference, String unit, double points,
                      String feedback) { }
}
