package org.mixlab.ui.classroom;

import java.io.IOException;
import java.time.Clock;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.mixlab.classroom.Progress;
import org.mixlab.classroom.ProgressStore;
import org.mixlab.ui.lesson.ProgressView;

/**
 * The lesson screens' progress on the classroom's {@link ProgressStore}: loaded once, changed in memory on the Swing
 * thread, and each change saved (atomically, by the store) on a single background thread so the UI never waits for
 * the disk. A save that fails is reported once through {@code onProblem}.
 */
public final class ClassroomProgress implements ProgressView, AutoCloseable {
    private final ProgressStore store;
    private final Clock clock;
    private final Progress progress;
    private final Consumer<String> onProblem;
    private final ExecutorService saver = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "MixLab progress saver");
        t.setDaemon(true);
        return t;
    });

    /**
     * Loads the progress.
     *
     * @param store     the current profile's progress store
     * @param onProblem receives one-line warnings (damaged file restored, save failed), on any thread
     * @throws IOException when the profile folder cannot be read at all
     */
    public ClassroomProgress(ProgressStore store, Consumer<String> onProblem) throws IOException {
        this.store = store;
        this.clock = Clock.systemUTC();
        this.onProblem = onProblem == null ? s -> { } : onProblem;
        this.progress = store.load();
        store.takeWarning().ifPresent(this.onProblem);
    }

    @Override
    public synchronized boolean isStepDone(String packId, String stepId) {
        return progress.isStepCompleted(packId, stepId);
    }

    @Override
    public synchronized void markStepDone(String packId, String stepId) {
        if (!progress.isStepCompleted(packId, stepId)) {
            progress.completeStep(packId, stepId, clock.instant());
            save();
        }
    }

    @Override
    public synchronized OptionalDouble drillThreshold(String drillType) {
        return progress.drillThreshold(drillType);
    }

    @Override
    public synchronized void saveDrillThreshold(String drillType, double threshold, int trials) {
        if (Double.isFinite(threshold)) {
            progress.updateDrill(drillType, threshold, clock.instant());
            save();
        }
    }

    @Override
    public synchronized void recordExerciseScore(String exerciseId, double score) {
        progress.recordAttempt(exerciseId, Math.max(0, Math.min(100, score)), clock.instant());
        save();
    }

    @Override
    public synchronized OptionalDouble bestExerciseScore(String exerciseId) {
        return progress.bestScore(exerciseId);
    }

    /** The attempt number the next submission of the exercise gets. */
    public synchronized int nextAttempt(String exerciseId) {
        return progress.nextAttempt(exerciseId);
    }

    private void save() {
        Progress snapshot;
        synchronized (this) {
            snapshot = copy();
        }
        saver.execute(() -> {
            try {
                store.save(snapshot);
                store.takeWarning().ifPresent(onProblem);
            } catch (IOException | RuntimeException e) {
                onProblem.accept("Progress could not be saved: " + e.getMessage());
            }
        });
    }

    private Progress copy() {
        try {
            var m = org.mixlab.engine.session.SessionIo.mapper();
            return m.readValue(m.writeValueAsString(progress), Progress.class);
        } catch (IOException e) {
            throw new IllegalStateException("progress could not be copied: " + e.getMessage(), e);
        }
    }

    /** Finishes pending saves (call on exit). */
    @Override
    public void close() {
        saver.shutdown();
        try {
            saver.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
