package org.mixlab.ui.lesson;

import java.util.OptionalDouble;

/**
 * What the lesson screens read and record about a learner's progress. The classroom's progress store implements it
 * for the current profile; {@link InMemoryProgress} is a plain in-memory version (tests, no profile). Called on the
 * Swing thread; implementations save quickly or hand the save to a background thread.
 */
public interface ProgressView {
    /** True when the step of the pack has been completed. */
    boolean isStepDone(String packId, String stepId);

    /** Records that the step of the pack is completed (repeating it is harmless). */
    void markStepDone(String packId, String stepId);

    /** The threshold last reached in a drill type (its json id, e.g. "eq-band"), or empty before any. */
    OptionalDouble drillThreshold(String drillType);

    /**
     * Records the threshold reached in a drill.
     *
     * @param drillType the drill type's json id, e.g. "eq-band"
     * @param threshold the threshold in the drill's unit (dB, ratio, %)
     * @param trials    trials answered in this run
     */
    void saveDrillThreshold(String drillType, double threshold, int trials);

    /** Records a graded exercise attempt, score 0 to 100. Default: ignored. */
    default void recordExerciseScore(String exerciseId, double score) {
    }

    /** The best score of an exercise, or empty. Default: empty. */
    default OptionalDouble bestExerciseScore(String exerciseId) {
        return OptionalDouble.empty();
    }
}
