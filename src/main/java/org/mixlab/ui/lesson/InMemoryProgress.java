package org.mixlab.ui.lesson;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** A {@link ProgressView} kept in memory only: for tests and for running without a student profile. */
public final class InMemoryProgress implements ProgressView {
    private final Set<String> done = new HashSet<>();
    private final Map<String, Double> drills = new HashMap<>();
    private final Map<String, Double> best = new HashMap<>();

    @Override
    public synchronized boolean isStepDone(String packId, String stepId) {
        return done.contains(packId + "/" + stepId);
    }

    @Override
    public synchronized void markStepDone(String packId, String stepId) {
        done.add(packId + "/" + stepId);
    }

    @Override
    public synchronized OptionalDouble drillThreshold(String drillType) {
        Double d = drills.get(drillType);
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    @Override
    public synchronized void saveDrillThreshold(String drillType, double threshold, int trials) {
        drills.put(drillType, threshold);
    }

    @Override
    public synchronized void recordExerciseScore(String exerciseId, double score) {
        best.merge(exerciseId, score, Math::max);
    }

    @Override
    public synchronized OptionalDouble bestExerciseScore(String exerciseId) {
        Double d = best.get(exerciseId);
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }
}
