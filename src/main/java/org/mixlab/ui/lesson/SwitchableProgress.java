package org.mixlab.ui.lesson;

import java.util.OptionalDouble;

/**
 * A {@link ProgressView} that forwards to the current profile's progress, so the screens can be built once and the
 * profile switched later with {@link #setTarget}. Starts with an {@link InMemoryProgress} (no profile yet).
 */
public final class SwitchableProgress implements ProgressView {
    private volatile ProgressView target = new InMemoryProgress();

    /** Forwards to {@code newTarget} from now on (call on the Swing thread, then refresh the lesson list). */
    public void setTarget(ProgressView newTarget) {
        this.target = newTarget == null ? new InMemoryProgress() : newTarget;
    }

    /** The progress forwarded to. */
    public ProgressView target() {
        return target;
    }

    @Override
    public boolean isStepDone(String packId, String stepId) {
        return target.isStepDone(packId, stepId);
    }

    @Override
    public void markStepDone(String packId, String stepId) {
        target.markStepDone(packId, stepId);
    }

    @Override
    public OptionalDouble drillThreshold(String drillType) {
        return target.drillThreshold(drillType);
    }

    @Override
    public void saveDrillThreshold(String drillType, double threshold, int trials) {
        target.saveDrillThreshold(drillType, threshold, trials);
    }

    @Override
    public void recordExerciseScore(String exerciseId, double score) {
        target.recordExerciseScore(exerciseId, score);
    }

    @Override
    public OptionalDouble bestExerciseScore(String exerciseId) {
        return target.bestExerciseScore(exerciseId);
    }
}
